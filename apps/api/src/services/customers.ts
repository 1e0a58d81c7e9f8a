import { deleteCustomer, mapPrismaError, type PrismaClient, RecordNotFoundError } from '@garage/db';
import { type Page, toPage } from './page';
import { containsLiterally } from './search';
import { customerListSelect, customerSelect } from './selects';

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

export async function createCustomer(prisma: PrismaClient, fields: CustomerFields) {
  return prisma.customer.create({ data: fields, select: customerSelect });
}

export async function updateCustomer(
  prisma: PrismaClient,
  id: number,
  fields: Partial<CustomerFields>,
) {
  try {
    return await prisma.customer.update({ where: { id }, data: fields, select: customerSelect });
  } catch (error) {
    throw mapPrismaError(error, 'customer');
  }
}

/** Refused (CONFLICT) while the customer owns vehicles. */
export function removeCustomer(prisma: PrismaClient, id: number) {
  return deleteCustomer(prisma, id);
}
