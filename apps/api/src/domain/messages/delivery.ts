import type { MessageKind } from '@garage/validators';

/** How the delivery worker retries: attempts in all, and the wait before each retry. */
export interface RetryPolicy {
  maxAttempts: number;
  /** The wait after the first failure; each later one doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
};

/** What happens after attempt number `attempts` failed: a retry after a wait, or giving up. */
export function afterFailure(
  attempts: number,
  permanent: boolean,
  policy: RetryPolicy,
): { retryInMs: number } | { giveUp: true } {
  if (permanent || attempts >= policy.maxAttempts) return { giveUp: true };
  const delay = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  return { retryInMs: Math.min(delay, policy.maxDelayMs) };
}

/** What a customer chose to receive (no row: everything). */
export interface Consent {
  remindersOptOut: boolean;
  marketingOptOut: boolean;
}

// Reminders are what a customer may opt out of; an estimate, a car ready and an invoice are part
// of the work they asked for, and a message staff write by hand is theirs to decide.
const reminderKinds: ReadonlySet<MessageKind> = new Set(['service_due']);

/**
 * Why a message of `kind` to this customer is not to be sent, or null when it is: no email on
 * file, or a reminder to a customer who opted out of them.
 */
export function notSentReason(
  kind: MessageKind,
  recipient: string | null,
  consent: Consent | null,
): string | null {
  if (!recipient) return 'the customer has no email on file';
  if (reminderKinds.has(kind) && consent?.remindersOptOut) {
    return 'the customer opted out of reminders';
  }
  return null;
}

/** The hour the shop's morning round starts (its zone's local time), and when it ends. */
export const morning = { fromHour: 8, untilHour: 12 };

/** Whether `now` is the shop's morning in `timeZone`: when service-due messages go out. */
export function isShopMorning(now: Date, timeZone: string): boolean {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
  return hour >= morning.fromHour && hour < morning.untilHour;
}
