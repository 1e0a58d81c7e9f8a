import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { customerIdOf, freshVehicle } from './support/work-orders';

// Saved jobs (canned services): kept in settings, inserted into a work order in one call, where
// their lines are pending and adjustable like typed ones, and total what typed lines would.

describe('saved jobs', () => {
  let api: TestApi;
  let staff: Client;
  let aliceId = 0;

  const brakeJob = {
    name: 'Front brake pads (test)',
    lines: [
      {
        kind: 'labor' as const,
        description: 'Replace front pads',
        quantity: '1.5',
        unitPriceCents: 12_000,
      },
      {
        kind: 'part' as const,
        description: 'Pad set',
        quantity: '4',
        unitPriceCents: 749,
        partNumber: 'BP-1',
      },
      {
        kind: 'fee' as const,
        description: 'Disposal',
        quantity: '1',
        unitPriceCents: 350,
        taxRateBps: 0,
      },
    ],
  };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  /** An estimate for alice on a new Toyota Corolla 2012. */
  async function estimate() {
    const vehicle = await freshVehicle(api, aliceId, 30_000);
    return staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Brakes',
      odometerIn: 30_000,
    });
  }

  it('the seed ships saved jobs the default template prices its findings with', async () => {
    const jobs = await staff.savedJob.list.query();
    expect(jobs.map((job) => job.name)).toContain('Front brake pads');
  });

  it('creates, lists, updates with the stale-save rule, and deletes a job', async () => {
    const created = await staff.savedJob.create.mutate({ ...brakeJob, make: 'toyota' });
    expect(created).toMatchObject({ name: brakeJob.name, make: 'toyota', model: null, version: 1 });
    expect(created.lines.map((line) => line.quantity)).toEqual(['1.5', '4', '1']);
    expect(created.lines[0]?.taxRateBps).toBeNull();
    expect((await staff.savedJob.list.query()).some((job) => job.id === created.id)).toBe(true);

    const renamed = await staff.savedJob.update.mutate({
      id: created.id,
      version: 1,
      name: 'Pads',
    });
    expect(renamed).toMatchObject({ name: 'Pads', version: 2 });
    // A save from version 1 again: CONFLICT naming what changed, nothing written.
    expect(
      await outcome(staff.savedJob.update.mutate({ id: created.id, version: 1, model: 'Corolla' })),
    ).toBe('CONFLICT');
    // The same lines sent again change nothing.
    const same = await staff.savedJob.update.mutate({
      id: created.id,
      version: 2,
      lines: brakeJob.lines,
    });
    expect(same.version).toBe(2);
    const shorter = await staff.savedJob.update.mutate({
      id: created.id,
      version: 2,
      lines: brakeJob.lines.slice(0, 1),
    });
    expect(shorter).toMatchObject({ version: 3 });
    expect(shorter.lines).toHaveLength(1);

    // A save from before that: the conflict carries the newer lines by their field names.
    const stale = await staff.savedJob.update
      .mutate({ id: created.id, version: 2, name: 'Stale' })
      .catch((error: unknown) => error);
    if (!(stale instanceof TRPCClientError)) throw new Error('expected a CONFLICT');
    expect(JSON.parse(String(stale.data?.conflict?.current.lines))).toEqual([
      {
        kind: 'labor',
        description: 'Replace front pads',
        partNumber: null,
        quantity: '1.5',
        unitPriceCents: 12_000,
        taxRateBps: null,
      },
    ]);

    expect(await outcome(staff.savedJob.delete.mutate({ id: created.id, version: 2 }))).toBe(
      'CONFLICT',
    );
    await staff.savedJob.delete.mutate({ id: created.id, version: 3 });
    expect((await staff.savedJob.list.query()).some((job) => job.id === created.id)).toBe(false);
  });

  it('refuses bad input naming the field: no lines, a model without a make, years backwards', async () => {
    const cases: [unknown, string][] = [
      [{ ...brakeJob, lines: [] }, 'lines'],
      [{ ...brakeJob, model: 'Civic' }, 'make'],
      [{ ...brakeJob, yearFrom: 2015, yearTo: 2010 }, 'yearTo'],
      [{ ...brakeJob, lines: [{ ...brakeJob.lines[0], unitPriceCents: -1 }] }, 'lines'],
      [{ ...brakeJob, lines: [{ ...brakeJob.lines[0], quantity: '0' }] }, 'lines'],
    ];
    const before = await api.db.prisma.savedJob.count();
    for (const [input, field] of cases) {
      // @ts-expect-error: inputs the schema refuses
      const errors = await fieldErrors(staff.savedJob.create.mutate(input));
      expect(Object.keys(errors), JSON.stringify(input)).toContain(field);
    }
    expect(await api.db.prisma.savedJob.count()).toBe(before);
  });

  it('refuses a change of one end of its years that would put them backwards, naming it, and writes nothing', async () => {
    const job = await staff.savedJob.create.mutate({ ...brakeJob, yearFrom: 2015, yearTo: 2020 });
    expect(
      await fieldErrors(staff.savedJob.update.mutate({ id: job.id, version: 1, yearTo: 2012 })),
    ).toEqual({ yearTo: ['cannot be before the first year (2015)'] });
    expect(
      await fieldErrors(staff.savedJob.update.mutate({ id: job.id, version: 1, yearFrom: 2022 })),
    ).toEqual({ yearFrom: ['cannot be after the last year (2020)'] });
    expect(await api.db.prisma.savedJob.findUnique({ where: { id: job.id } })).toMatchObject({
      yearFrom: 2015,
      yearTo: 2020,
      version: 1,
    });
    // Both ends at once are the input's to check; clearing one end is always fine.
    await staff.savedJob.update.mutate({ id: job.id, version: 1, yearFrom: null });
  });

  it('inserted into a work order, gives the same lines and totals as typing them one by one', async () => {
    const job = await staff.savedJob.create.mutate(brakeJob);
    const [inserted, typed] = [await estimate(), await estimate()];
    const after = await staff.savedJob.insert.mutate({
      workOrderId: inserted.id,
      savedJobId: job.id,
    });
    let manual = await staff.workOrder.byId.query({ id: typed.id });
    for (const line of brakeJob.lines) {
      manual = await staff.workOrder.addLine.mutate({ workOrderId: typed.id, ...line });
    }
    const shape = (detail: typeof after) =>
      detail.lines.map(({ kind, description, quantity, unitPriceCents, taxRateBps, approval }) => ({
        kind,
        description,
        quantity,
        unitPriceCents,
        taxRateBps,
        approval,
      }));
    expect(shape(after)).toEqual(shape(manual));
    // DESIGN.md's example: 180.00 + 14.85, 29.96 + 2.47, 3.50 + 0.
    expect(after.totals).toEqual(manual.totals);
    expect(after.totals).toMatchObject({
      subtotalCents: 21_346,
      taxCents: 1_732,
      totalCents: 23_078,
    });
    expect(after.lines.every((line) => line.approval === 'pending')).toBe(true);

    // Adjustable there like any line.
    const first = after.lines[0];
    if (!first) throw new Error('the job inserted lines');
    const adjusted = await staff.workOrder.updateLine.mutate({
      id: first.id,
      version: first.version,
      quantity: '2',
    });
    expect(adjusted.totals.subtotalCents).toBe(21_346 + 6_000);
  });

  it('refuses a job whose fitment leaves the vehicle out, naming savedJobId, and writes nothing', async () => {
    const job = await staff.savedJob.create.mutate({
      ...brakeJob,
      make: 'Honda',
      model: 'Civic',
      yearFrom: 2012,
      yearTo: 2016,
    });
    const workOrder = await estimate();
    const errors = await fieldErrors(
      staff.savedJob.insert.mutate({ workOrderId: workOrder.id, savedJobId: job.id }),
    );
    expect(errors.savedJobId).toEqual(['fits Honda Civic 2012–2016 only']);
    expect(await api.db.prisma.workOrderLine.count({ where: { workOrderId: workOrder.id } })).toBe(
      0,
    );

    const fitting = await staff.savedJob.create.mutate({
      ...brakeJob,
      make: 'TOYOTA',
      yearFrom: 2010,
    });
    const after = await staff.savedJob.insert.mutate({
      workOrderId: workOrder.id,
      savedJobId: fitting.id,
    });
    expect(after.lines).toHaveLength(3);
  });

  it('refuses a missing job and a missing work order alike for every id it is given', async () => {
    const workOrder = await estimate();
    expect(
      await fieldErrors(
        staff.savedJob.insert.mutate({ workOrderId: workOrder.id, savedJobId: 2_000_000_000 }),
      ),
    ).toEqual({ savedJobId: ['is not a saved job'] });
    const job = (await staff.savedJob.list.query())[0];
    expect(
      await outcome(
        staff.savedJob.insert.mutate({ workOrderId: 2_000_000_000, savedJobId: job?.id ?? 1 }),
      ),
    ).toBe('NOT_FOUND');
  });
});
