import type { Prisma } from '@garage/db';

// What the API returns of each entity: shared so no procedure leaks a column by accident.

export const ownerSummarySelect = { id: true, name: true } satisfies Prisma.CustomerSelect;

export const vehicleSelect = {
  id: true,
  ownerId: true,
  vin: true,
  plate: true,
  make: true,
  model: true,
  year: true,
  mileage: true,
  colour: true,
  notes: true,
  // The version an edit of the vehicle is based on (optimistic concurrency).
  version: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: ownerSummarySelect },
} satisfies Prisma.VehicleSelect;

export const customerListSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  _count: { select: { vehicles: true } },
} satisfies Prisma.CustomerSelect;

export const customerSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  address: true,
  notes: true,
  // The version an edit of the customer is based on (optimistic concurrency).
  version: true,
  createdAt: true,
  updatedAt: true,
  vehicles: {
    select: {
      id: true,
      plate: true,
      vin: true,
      make: true,
      model: true,
      year: true,
      mileage: true,
    },
    orderBy: { id: 'asc' },
  },
} satisfies Prisma.CustomerSelect;
