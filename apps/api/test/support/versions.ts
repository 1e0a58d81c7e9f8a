import type { TestApi } from './harness';

type Versioned = 'customer' | 'vehicle' | 'workOrder' | 'workOrderLine' | 'appointment' | 'bay';

/**
 * The stored version of a record, for a test's edit that means to go on top of whatever is
 * there (a form would send the version it was loaded with).
 */
export async function versionOf(api: TestApi, record: Versioned, id: number): Promise<number> {
  const where = { where: { id }, select: { version: true } } as const;
  const { prisma } = api.db;
  const row =
    record === 'customer'
      ? await prisma.customer.findUnique(where)
      : record === 'vehicle'
        ? await prisma.vehicle.findUnique(where)
        : record === 'workOrder'
          ? await prisma.workOrder.findUnique(where)
          : record === 'appointment'
            ? await prisma.appointment.findUnique(where)
            : record === 'bay'
              ? await prisma.bay.findUnique(where)
              : await prisma.workOrderLine.findUnique(where);
  // A record that does not exist: a version it cannot be at, so the call gets its NOT_FOUND.
  return row?.version ?? 1;
}
