import { z } from 'zod';
import { boolean, id, string, text, typeError } from './fields';

// Messages to customers: the vocabulary the API and the web speak, and the inputs of the
// message procedures (staff sending by hand, templates, opt-outs, the estimate link).

export const messageKinds = [
  'estimate',
  'ready',
  'invoice',
  'service_due',
  'manual',
  'appointment_confirmation',
  'appointment_reminder',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** The kinds the API writes by itself, which a shop may turn off; staff's own messages always go. */
export const automaticMessageKinds = [
  'estimate',
  'ready',
  'invoice',
  'service_due',
  'appointment_confirmation',
  'appointment_reminder',
] as const satisfies readonly MessageKind[];
export type AutomaticMessageKind = (typeof automaticMessageKinds)[number];

export const messageChannels = ['email', 'sms'] as const;
export type MessageChannel = (typeof messageChannels)[number];

export const messageStatuses = ['queued', 'sent', 'failed', 'not_sent'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** The placeholders a template may use, each written `{{name}}`. */
export const messagePlaceholders = [
  'customer',
  'shop',
  'shopPhone',
  'workOrder',
  'vehicle',
  'total',
  'link',
  'service',
  'dueDate',
  'subject',
  'message',
  'appointmentDay',
  'appointmentTime',
] as const;
export type MessagePlaceholder = (typeof messagePlaceholders)[number];

/** A placeholder in a template, its name captured (matchAll copies it, so sharing it is safe). */
export const placeholderPattern = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholders `template` names that are not known, each once. */
export function unknownPlaceholders(template: string): string[] {
  const known: ReadonlySet<string> = new Set(messagePlaceholders);
  const unknown = new Set<string>();
  for (const match of template.matchAll(placeholderPattern)) {
    const name = match[1] ?? '';
    if (!known.has(name)) unknown.add(name);
  }
  return [...unknown];
}

/** Template text: known placeholders only. */
const templateText = (max: number, multiline: boolean) =>
  text(max, { multiline }).superRefine((value, ctx) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      ctx.addIssue(
        `names unknown placeholders: ${unknown.map((name) => `{{${name}}}`).join(', ')}`,
      );
    }
  });

const messageKind = z.enum(messageKinds, {
  error: typeError(`must be one of ${messageKinds.join(', ')}`),
});

export const workOrderIdInput = z.strictObject({ workOrderId: id });
export const customerIdInput = z.strictObject({ customerId: id });

/** A message staff write by hand from a work order, to its customer. */
export const sendMessageInput = z.strictObject({
  workOrderId: id,
  subject: text(150),
  body: text(5_000, { multiline: true }),
});

export const templateInput = z.strictObject({
  kind: messageKind,
  subject: templateText(150, false),
  body: templateText(5_000, true),
});

/** Whether the shop sends one automatic kind of message (settings). */
export const messageSendingInput = z.strictObject({
  kind: z.enum(automaticMessageKinds, {
    error: typeError(`must be one of ${automaticMessageKinds.join(', ')}`),
  }),
  send: boolean(),
});

/** A customer's choices; an omitted one stays as it is. */
export const messagePreferencesInput = z.strictObject({
  customerId: id,
  remindersOptOut: boolean().optional(),
  marketingOptOut: boolean().optional(),
});

/** An estimate link's token: 43 URL-safe characters (32 random bytes). */
export const estimateToken = string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a link we sent');

export const estimateTokenInput = z.strictObject({ token: estimateToken });

export const estimateDecisionsInput = z.strictObject({
  token: estimateToken,
  decisions: z
    .array(z.strictObject({ lineId: id, approved: boolean() }), {
      error: typeError('must be a list of decisions'),
    })
    .min(1, 'must decide at least one line')
    .max(200, 'must decide at most 200 lines at once'),
});
