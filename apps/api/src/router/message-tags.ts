import type { Context } from '../context';
import { customerMessagesTag, workOrderMessagesTag } from '../tags/registry';

/** What a write that may have written a message answers: its work order, customer and message. */
type Written = {
  id: number;
  customer: { id: number };
  message: { status: string } | null;
};

/** The message lists a write reaches when it wrote a message: its work order's, its customer's. */
export function writtenMessageTags(result: Written) {
  return result.message
    ? [workOrderMessagesTag(result.id), customerMessagesTag(result.customer.id)]
    : [];
}

/** Has this instance's worker look for the message a committed write queued, then answers it. */
export function deliverSoon<Result extends { message: { status: string } | null }>(
  ctx: Pick<Context, 'messaging'>,
  result: Result,
): Result {
  if (result.message?.status === 'queued') ctx.messaging.worker.nudge();
  return result;
}

/** The customer's message list, when a booking wrote their appointment's confirmation. */
export function appointmentMessageTags(result: {
  touched: { customerId: number | null };
  message: { status: string } | null;
}) {
  return result.message && result.touched.customerId !== null
    ? [customerMessagesTag(result.touched.customerId)]
    : [];
}
