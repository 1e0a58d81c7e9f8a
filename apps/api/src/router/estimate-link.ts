import { estimateDecisionsInput, estimateTokenInput } from '@garage/validators';
import { decideByToken, estimateOfToken } from '../services/messages/estimate-approval';
import { workOrderTag } from '../tags/registry';
import { invalidatingMutation, publicProcedure, router } from '../trpc';
import { moveTags } from './work-order';

/**
 * An estimate link's own procedures, for anyone holding the token, signed in or not: they open
 * its one work order's approval page and decide its lines, nothing else. Counted per client
 * address before the token is looked up, and never cached (the token is the key).
 */
const linkProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await ctx.linkThrottle.admit(ctx.ip);
  return next();
});

export const estimateLinkRouter = router({
  /** The approval page: the estimate's lines and totals, the vehicle's name, the shop. */
  open: linkProcedure
    .input(estimateTokenInput)
    .query(({ ctx, input }) => estimateOfToken(ctx.prisma, input.token)),

  /** Approves or declines lines of the link's work order; staff pages follow live. */
  decide: invalidatingMutation(linkProcedure.input(estimateDecisionsInput), {
    mutation: ({ ctx, input }) => decideByToken(ctx.prisma, input.token, input.decisions, ctx.user),
    tags: ({ result }) => [workOrderTag(result.id), ...moveTags(result.statusMove)],
  }),
});
