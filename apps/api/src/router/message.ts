import {
  customerIdInput,
  messagePreferencesInput,
  messageSendingInput,
  noInput,
  sendMessageInput,
  templateInput,
  workOrderIdInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import { revokeLinksOf } from '../services/messages/estimate-links';
import {
  messagesOfCustomer,
  messagesOfWorkOrder,
  setMessagePreferences,
} from '../services/messages/lists';
import { markEstimateReady, sendManualMessage } from '../services/messages/send';
import { listTemplates, setSending, updateTemplate } from '../services/messages/templates';
import {
  customerMessagesTag,
  messageTemplatesTag,
  ownerTag,
  workOrderMessagesTag,
} from '../tags/registry';
import { adminProcedure, cachedQuery, invalidatingMutation, router, staffProcedure } from '../trpc';
import { deliverSoon } from './message-tags';

/** A message just written for a work order reaches its lists, the work order's and the customer's. */
const writtenTags = ({ result }: { result: { workOrderId: number; customerId: number } }) => [
  workOrderMessagesTag(result.workOrderId),
  customerMessagesTag(result.customerId),
];

export const messageRouter = router({
  /**
   * A work order's messages with their delivery (queued, sent, failed, not sent and why, with
   * times), its estimate links, and whether its customer can be reached. Live: the delivery
   * worker invalidates it at each outcome.
   */
  forWorkOrder: cachedQuery(staffProcedure.input(workOrderIdInput), {
    ttlMs: ttl.record,
    scope: 'role',
    query: ({ ctx, input }) => messagesOfWorkOrder(ctx.prisma, input.workOrderId),
    // The reach shows the customer's email: a customer edit (their owner tag) changes it.
    tags: ({ result }) => [
      workOrderMessagesTag(result.workOrderId),
      customerMessagesTag(result.customerId),
      ownerTag(result.customerId),
    ],
  }),

  /** A customer's messages and their opt-outs. */
  forCustomer: cachedQuery(staffProcedure.input(customerIdInput), {
    ttlMs: ttl.record,
    scope: 'role',
    query: ({ ctx, input }) => messagesOfCustomer(ctx.prisma, input.customerId),
    tags: ({ result }) => [customerMessagesTag(result.customerId), ownerTag(result.customerId)],
  }),

  /**
   * Marks the estimate ready for the customer's approval: a new link to its approval page (the
   * earlier ones stop working) and the message carrying it, in one transaction.
   */
  estimateReady: invalidatingMutation(staffProcedure.input(workOrderIdInput), {
    mutation: async ({ ctx, input }) =>
      deliverSoon(
        ctx,
        await markEstimateReady(ctx.prisma, input.workOrderId, ctx.user, ctx.messaging.addresses),
      ),
    tags: writtenTags,
  }),

  /** A message staff write by hand, from a work order to its customer. */
  send: invalidatingMutation(staffProcedure.input(sendMessageInput), {
    mutation: async ({ ctx, input }) =>
      deliverSoon(
        ctx,
        await sendManualMessage(ctx.prisma, input, ctx.user, ctx.messaging.addresses),
      ),
    tags: writtenTags,
  }),

  /** Stops every estimate link of the work order from opening it. */
  revokeLinks: invalidatingMutation(staffProcedure.input(workOrderIdInput), {
    mutation: async ({ ctx, input }) => {
      const { workOrderId } = await messagesOfWorkOrder(ctx.prisma, input.workOrderId);
      return { workOrderId, revoked: await revokeLinksOf(ctx.prisma, workOrderId) };
    },
    tags: ({ result }) => [workOrderMessagesTag(result.workOrderId)],
  }),

  /** Each kind's text with its placeholders, and the built-in one. */
  templates: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => listTemplates(ctx.prisma),
    tags: () => [messageTemplatesTag],
  }),

  /** Keeps the shop's own text for one kind (admins). */
  updateTemplate: invalidatingMutation(adminProcedure.input(templateInput), {
    mutation: ({ ctx, input }) => updateTemplate(ctx.prisma, input),
    tags: () => [messageTemplatesTag],
  }),

  /**
   * Whether the shop sends one automatic kind of message (admins). A kind turned off is still
   * written, as not sent with the reason, on the work order and the customer's page.
   */
  setSending: invalidatingMutation(adminProcedure.input(messageSendingInput), {
    mutation: ({ ctx, input }) => setSending(ctx.prisma, input, ctx.user),
    tags: () => [messageTemplatesTag],
  }),

  /** A customer's opt-outs of reminders and of marketing-like messages. */
  setPreferences: invalidatingMutation(staffProcedure.input(messagePreferencesInput), {
    mutation: ({ ctx, input }) => setMessagePreferences(ctx.prisma, input),
    tags: ({ result }) => [customerMessagesTag(result.customerId)],
  }),
});
