import {
  type AutomaticMessageKind,
  automaticMessageKinds,
  type MessageChannel,
  type MessageKind,
} from '@garage/validators';

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

// Reminders are what a customer may opt out of; an estimate, a car ready, an invoice and an
// appointment's confirmation are part of the work they asked for (the shop decides whether
// those go), and a message staff write by hand is theirs to decide.
const reminderKinds: ReadonlySet<MessageKind> = new Set(['service_due', 'appointment_reminder']);

/** How staff read a kind the shop turned off, in a message's reason. */
const turnedOffNames: Record<AutomaticMessageKind, string> = {
  estimate: 'estimate messages',
  ready: 'ready-for-pick-up messages',
  invoice: 'invoice messages',
  service_due: 'service-due reminders',
  appointment_confirmation: 'appointment confirmations',
  appointment_reminder: 'appointment reminders',
};

/** Why a channel cannot reach a customer: nothing on file to send to. */
export const noRecipientReasons: Record<MessageChannel, string> = {
  email: 'the customer has no email on file',
  sms: 'the customer has no mobile number on file',
};

/** Why a channel's messages cannot leave this instance: no transport configured for it. */
export const noTransportReasons: Record<MessageChannel, string> = {
  email: 'no mail server configured',
  sms: 'no SMS provider configured',
};

const isAutomatic = (kind: MessageKind): kind is AutomaticMessageKind =>
  automaticMessageKinds.some((each) => each === kind);

/**
 * Why a message is not to be sent, or null when it is: the shop turned its kind off in
 * settings, the customer has nothing on file for its channel, or it is a reminder to a customer
 * who opted out of them.
 */
export function notSentReason(
  message: { kind: MessageKind; channel: MessageChannel; recipient: string | null },
  kindsOff: ReadonlySet<MessageKind>,
  consent: Consent | null,
): string | null {
  if (isAutomatic(message.kind) && kindsOff.has(message.kind)) {
    return `the shop turned off ${turnedOffNames[message.kind]} in settings`;
  }
  if (!message.recipient) return noRecipientReasons[message.channel];
  if (reminderKinds.has(message.kind) && consent?.remindersOptOut) {
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
