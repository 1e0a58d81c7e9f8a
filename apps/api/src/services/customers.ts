import {
  deleteCustomer,
  mapPrismaError,
  type Prisma,
  type PrismaClient,
  UniqueConflictError,
} from '@garage/db';
import { AppError } from '../app-error';
import { fromDatabase } from '../database-errors';
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
  if (!customer) throw AppError.notFound('customer');
  return customer;
}

/** Registers a customer; an email another customer has is refused naming that customer. */
export async function createCustomer(prisma: PrismaClient, fields: CustomerFields) {
  try {
    return await prisma.customer.create({ data: fields, select: customerSelect });
  } catch (error) {
    throw await namingEmailHolder(prisma, error, fields.email);
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
    throw await namingEmailHolder(prisma, error, fields.email);
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
          const refused = fromDatabase(error, 'customer');
          // Not at `version` any more (or gone): the removal tells which.
          if (refused instanceof AppError && refused.code === 'NOT_FOUND') return false;
          throw refused;
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
 * A failed save as the API says it: a unique conflict on the email as the field error naming
 * the customer who has it (staff may open them, `takenBy`); any other error as fromDatabase
 * gives it.
 */
async function namingEmailHolder(
  prisma: PrismaClient,
  error: unknown,
  email: string | null | undefined,
): Promise<unknown> {
  const known = mapPrismaError(error, 'customer');
  if (!(known instanceof UniqueConflictError) || !known.fields.includes('email') || !email) {
    return fromDatabase(known, 'customer');
  }
  const holder = await prisma.customer.findUnique({
    where: { email },
    select: { id: true, name: true },
  });
  if (!holder) return fromDatabase(known, 'customer');
  return AppError.onField('CONFLICT', 'email', `is already the email of ${holder.name}`, {
    takenBy: { email: holder },
  });
}
