import type { WorkOrderStatus } from './status';

/**
 * A move or change the work order's current status does not allow (the API answers CONFLICT).
 * The message names the current status, so the caller knows why.
 */
export class WorkOrderConflictError extends Error {
  readonly code = 'WORK_ORDER_CONFLICT';
  constructor(
    readonly status: WorkOrderStatus,
    message: string,
  ) {
    super(message);
    this.name = 'WorkOrderConflictError';
  }
}

/**
 * A money movement the work order's payments and refunds do not allow (the API answers
 * CONFLICT): a payment voided twice, a void that would undo a refund.
 */
export class MovementConflictError extends Error {
  readonly code = 'MOVEMENT_CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'MovementConflictError';
  }
}

/** Input the rules refuse (the API answers BAD_REQUEST), naming the field it concerns. */
export class WorkOrderInputError extends Error {
  readonly code = 'WORK_ORDER_INPUT';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'WorkOrderInputError';
  }
}
