import {
  insertSavedJobInput,
  noInput,
  savedJobCreateInput,
  savedJobUpdateInput,
  versionedIdInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import { insertSavedJob } from '../services/saved-jobs/insert';
import { listSavedJobs } from '../services/saved-jobs/list';
import { createSavedJob, removeSavedJob, updateSavedJob } from '../services/saved-jobs/write';
import { inspectionTag, savedJobsTag, workOrderTag } from '../tags/registry';
import { cachedQuery, invalidatingMutation, router, staffProcedure } from '../trpc';

/** Saved jobs (canned services): kept by the front desk, inserted into estimates in one call. */
export const savedJobRouter = router({
  list: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => listSavedJobs(ctx.prisma),
    tags: () => [savedJobsTag],
  }),

  create: invalidatingMutation(staffProcedure.input(savedJobCreateInput), {
    mutation: ({ ctx, input }) =>
      createSavedJob(ctx.prisma, {
        ...input,
        make: input.make ?? null,
        model: input.model ?? null,
        yearFrom: input.yearFrom ?? null,
        yearTo: input.yearTo ?? null,
      }),
    tags: () => [savedJobsTag],
  }),

  update: invalidatingMutation(staffProcedure.input(savedJobUpdateInput), {
    mutation: ({ ctx, input: { id, version, ...changes } }) =>
      updateSavedJob(ctx.prisma, id, version, changes, ctx.user.id),
    tags: () => [savedJobsTag],
  }),

  delete: invalidatingMutation(staffProcedure.input(versionedIdInput), {
    mutation: ({ ctx, input }) => removeSavedJob(ctx.prisma, input.id, input.version),
    tags: ({ result }) => [savedJobsTag, ...result.inspectedWorkOrderIds.map(inspectionTag)],
  }),

  /** Its lines at the end of the work order, pending, as if typed one by one. */
  insert: invalidatingMutation(staffProcedure.input(insertSavedJobInput), {
    mutation: ({ ctx, input }) => insertSavedJob(ctx.prisma, input.workOrderId, input.savedJobId),
    tags: ({ result }) => [workOrderTag(result.id)],
  }),
});
