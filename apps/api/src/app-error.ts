import type { VersionConflict } from './domain/versions/conflict';
import type { WorkOrderStatus } from './domain/work-orders/status';

/**
 * What went wrong, in the API's own words. The rules and the services say only these; the tRPC
 * edge maps each to its code once (errors.ts), the PDF routes to their status.
 */
export type AppErrorCode =
  /** Input the rules refuse, naming its field (BAD_REQUEST). */
  | 'BAD_INPUT'
  /** The caller may not do this, or see this (FORBIDDEN). */
  | 'FORBIDDEN'
  /** No such row (NOT_FOUND). */
  | 'NOT_FOUND'
  /** The record's state refuses it: its status, a newer version, a value another holds (CONFLICT). */
  | 'CONFLICT'
  /** More than a bound allows at once; try later (TOO_MANY_REQUESTS). */
  | 'LIMIT_EXCEEDED'
  /** Something the API needs is away for now; try again (SERVICE_UNAVAILABLE). */
  | 'UNAVAILABLE';

/** Someone or something a refusal names: the editor of a newer version, a value's holder. */
export type Holder = { id: number; name: string };

/** What a caller can act on beyond the message; the edge puts it on the error's data. */
export interface AppErrorData {
  /** A save refused because the record changed after its version: what changed, who, when. */
  conflict?: VersionConflict;
  /** Per field, the record that already holds the value a save was refused for. */
  takenBy?: Record<string, Holder>;
  /** The work order's status that refused a move or a change. */
  status?: WorkOrderStatus;
}

export interface AppErrorOptions {
  /** The input fields it concerns, each with what is wrong with it, for a form to show. */
  fields?: Readonly<Record<string, string>>;
  data?: AppErrorData;
  cause?: unknown;
}

/** The one error the API's rules and services throw: a code, a message, the fields it names. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly fields: Readonly<Record<string, string>>;
  readonly data: AppErrorData;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fields = options.fields ?? {};
    this.data = options.data ?? {};
  }

  /** `code` about one input field: the message is `field: problem`. */
  static onField(
    code: AppErrorCode,
    field: string,
    problem: string,
    data?: AppErrorData,
  ): AppError {
    return new AppError(code, `${field}: ${problem}`, {
      fields: { [field]: problem },
      ...(data ? { data } : {}),
    });
  }

  /** Input the rules refuse (e.g. a mileage lower than recorded), naming the field. */
  static badInput(field: string, problem: string): AppError {
    return AppError.onField('BAD_INPUT', field, problem);
  }

  /** No `noun` with the id asked for: "work order not found". */
  static notFound(noun: string): AppError {
    return new AppError('NOT_FOUND', `${noun} not found`);
  }
}
