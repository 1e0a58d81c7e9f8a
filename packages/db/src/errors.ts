// Typed database errors with stable codes, so the API maps them to tRPC codes without
// reading driver messages.

export type DbErrorCode =
  | 'UNIQUE_CONFLICT'
  | 'CUSTOMER_HAS_VEHICLES'
  | 'CUSTOMER_HAS_WORK_ORDERS'
  | 'IN_USE'
  | 'NOT_FOUND';

/** Base of every error @garage/db throws on purpose. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A unique column (e.g. a vehicle's VIN, a user's email) already holds this value. */
export class UniqueConflictError extends DbError {
  constructor(readonly fields: string[]) {
    super('UNIQUE_CONFLICT', `${fields.join(', ') || 'a unique field'} is already in use`);
  }
}

/** A customer who still owns vehicles cannot be deleted; their vehicles must move first. */
export class CustomerHasVehiclesError extends DbError {
  constructor(readonly vehicleCount: number) {
    super(
      'CUSTOMER_HAS_VEHICLES',
      `this customer still owns ${vehicleCount} vehicle${vehicleCount === 1 ? '' : 's'}; move or delete them first`,
    );
  }
}

/** A customer with work orders keeps their history (and invoices): they cannot be deleted. */
export class CustomerHasWorkOrdersError extends DbError {
  constructor(readonly workOrderCount: number) {
    super(
      'CUSTOMER_HAS_WORK_ORDERS',
      `this customer has ${workOrderCount} work order${workOrderCount === 1 ? '' : 's'}; their history and invoices are kept`,
    );
  }
}

/** The row to update or delete does not exist (or no longer does). */
export class RecordNotFoundError extends DbError {
  constructor(readonly model: string) {
    super('NOT_FOUND', `${model} not found`);
  }
}

/** The row to delete is still referenced by rows of another table (e.g. a vehicle's work orders). */
export class RecordInUseError extends DbError {
  constructor(
    readonly model: string,
    readonly referencedBy: string,
  ) {
    super(
      'IN_USE',
      `this ${model} is still referenced by ${referencedBy} records; it cannot be deleted`,
    );
  }
}

type PrismaLikeError = { code?: unknown; meta?: Record<string, unknown> };

function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  // Through a driver adapter the constraint sits in the adapter's error cause, as
  // { fields: [...] } or as an index name such as "Vehicle_vin_key".
  const cause = (meta?.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)
    ?.cause;
  const constraint = cause?.constraint as { fields?: unknown; index?: unknown } | undefined;
  if (Array.isArray(constraint?.fields)) {
    return constraint.fields.map((field) => String(field).replace(/"/g, ''));
  }
  if (typeof constraint?.index === 'string') {
    const match = /^[A-Za-z]+_(.+)_key$/.exec(constraint.index);
    if (match?.[1]) return match[1].split('_');
  }
  return [];
}

/**
 * The table whose foreign key blocked a delete, from a constraint such as "WorkOrder_vehicleId_fkey"
 * on another table than the model's own ("Vehicle_ownerId_fkey" is an insert's missing owner).
 */
function referencingTable(meta: Record<string, unknown> | undefined): string | null {
  const cause = (meta?.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)
    ?.cause;
  const index = (cause?.constraint as { index?: unknown } | undefined)?.index;
  const table = typeof index === 'string' ? /^([A-Za-z]+)_.+_fkey$/.exec(index)?.[1] : undefined;
  return table && table !== meta?.modelName ? table : null;
}

/** "WorkOrder" as words: "work order". */
function tableWords(table: string): string {
  return table.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

/** Turns Prisma's known request errors into our typed errors; anything else is returned as is. */
export function mapPrismaError(error: unknown, model: string): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, meta } = error as PrismaLikeError;
  if (code === 'P2002') return new UniqueConflictError(uniqueFields(meta));
  if (code === 'P2025') return new RecordNotFoundError(model);
  if (code === 'P2003') {
    const table = referencingTable(meta);
    if (table) return new RecordInUseError(model, tableWords(table));
  }
  return error;
}
