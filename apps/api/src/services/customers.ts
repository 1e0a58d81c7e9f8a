import {
  deleteCustomer,
  mapPrismaError,
  type Prisma,
  type PrismaClient,
  RecordNotFoundError,
  UniqueConflictError,
} from '@garage/db';
import { ValueTakenError } from '../errors';
import { type Page, toPage } from './page';
import { containsLiterally } from './search';
import { customerListSelect, customerSelect } from './selects';
import { applyEdit, applyRemoval, type Stored } from './versions';

/** An optional field left undefined is not written: null on create, unchanged on update. */
export type CustomerFields = {
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  notes?: string | null;
};

/** Customers by name, searched case-insensitively in name, email and phone. */
export async function listCustomers(
  prisma: PrismaClient,
  query: { search?: string | undefined; cursor?: number | null | undefined; limit: number },
) {
  const { search, cursor, limit } = query;
  const rows = await prisma.customer.findMany({
    where: search
      ? {
          OR: [
            { name: containsLiterally(search) },
            { email: containsLiterally(search) },
            { phone: containsLiterally(search) },
          ],
        }
      : {},
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: customerListSelect,
  });
  const page = toPage(rows, limit);
  return {
    ...page,
    items: page.items.map(({ _count, ...customer }) => ({
      ...customer,
      vehicleCount: _count.vehicles,
    })),
  } satisfies Page<unknown>;
}

/** One customer with their vehicles. */
export async function getCustomer(prisma: PrismaClient, id: number) {
  const customer = await prisma.customer.findUnique({ where: { id }, select: customerSelect });
  if (!customer) throw new RecordNotFoundError('customer');
  return customer;
}

/** Registers a customer; an email another customer has is refused naming that customer. */
export async function createCustomer(prisma: PrismaClient, fields: CustomerFields) {
  try {
    return await prisma.customer.create({ data: fields, select: customerSelect });
  } catch (error) {
    throw await namingEmailHolder(prisma, mapPrismaError(error, 'customer'), fields.email);
  }
}

/**
 * Changes the named fields of a customer, if it is still at `version` (CONFLICT naming what
 * changed since otherwise, nothing written); an email another customer has is refused naming
 * that customer.
 */
export async function updateCustomer(
  prisma: PrismaClient,
  id: number,
  version: number,
  fields: Partial<CustomerFields>,
  byId: number,
) {
  try {
    await prisma.$transaction((tx) =>
      applyEdit(tx, {
        ...versioned(tx, id, version),
        changes: fields,
        byId,
        write: (data) => tx.customer.updateMany({ where: { id, version }, data }),
      }),
    );
  } catch (error) {
    throw await namingEmailHolder(prisma, mapPrismaError(error, 'customer'), fields.email);
  }
  return getCustomer(prisma, id);
}

/** Refused (CONFLICT) while the customer owns vehicles or has work orders, or changed after `version`. */
export async function removeCustomer(prisma: PrismaClient, id: number, version: number) {
  await applyRemoval(prisma, {
    ...versioned(prisma, id, version),
    remove: () =>
      deleteCustomer(prisma, id, { version }).then(
        () => true,
        (error: unknown) => {
          // Not at `version` any more (or gone): the removal tells which.
          if (error instanceof RecordNotFoundError) return false;
          throw error;
        },
      ),
  });
  return { id };
}

/** What an edit of a customer may change, as stored. */
function versioned(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'customer' as const,
    noun: 'customer',
    id,
    basedOn,
    load: async (): Promise<Stored<Required<CustomerFields>> | null> => {
      const row = await tx.customer.findUnique({
        where: { id },
        select: { version: true, name: true, email: true, phone: true, address: true, notes: true },
      });
      if (!row) return null;
      const { version, ...values } = row;
      return { version, values };
    },
  };
}

/**
 * A unique conflict on the email, as the field error naming the customer who has it (staff may
 * open them); any other error as it is.
 */
async function namingEmailHolder(
  prisma: PrismaClient,
  error: unknown,
  email: string | null | undefined,
): Promise<unknown> {
  if (!(error instanceof UniqueConflictError) || !error.fields.includes('email') || !email) {
    return error;
  }
  const holder = await prisma.customer.findUnique({
    where: { email },
    select: { id: true, name: true },
  });
  if (!holder) return error;
  return new ValueTakenError('email', `is already the email of ${holder.name}`, holder);
}
