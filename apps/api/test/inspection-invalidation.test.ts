import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { expectLoaded, invalidationMatrix, type Probe } from './support/invalidation-matrix';
import { cookieOf, phoneJpeg, uploadPhoto } from './support/photos';
import { customerIdOf, freshVehicle } from './support/work-orders';

// The invalidation matrix of saved jobs and inspections, as work-order-invalidation.test.ts has
// it for work orders: for each mutation, which cached reads load again at once and which are
// still answered from the cache (a read counts as loaded when its route's loader ran for it).

describe('saved-job and inspection invalidation matrix', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let probes: Probe[] = [];
  const ids = { a: 0, b: 0, v1: 0, job: 0, jobVersion: 1 };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    const aliceId = await customerIdOf(api, 'alice');
    const [v1, v2] = [await freshVehicle(api, aliceId, 10_000), await freshVehicle(api, aliceId)];
    const open = (vehicleId: number, concern: string, odometerIn: number) =>
      api.db.prisma.workOrder.create({
        data: { vehicleId, customerId: aliceId, concern, odometerIn },
      });
    const [a, b] = [
      await open(v1.id, 'Inspect alpha', 10_000),
      await open(v2.id, 'Inspect bravo', 50_000),
    ];
    Object.assign(ids, { a: a.id, b: b.id, v1: v1.id });
    await staff.inspection.start.mutate({ workOrderId: b.id });

    const byWorkOrder = (client: Client, workOrderId: number) => () =>
      client.inspection.byWorkOrder.query({ workOrderId });
    probes = [
      { name: 'saved jobs', route: 'savedJob.list', read: () => staff.savedJob.list.query() },
      {
        name: 'templates',
        route: 'inspection.templates',
        read: () => staff.inspection.templates.query(),
      },
      { name: 'inspection A', route: 'inspection.byWorkOrder', read: byWorkOrder(staff, a.id) },
      {
        name: 'alice inspection A',
        route: 'inspection.byWorkOrder',
        read: byWorkOrder(alice, a.id),
      },
      { name: 'inspection B', route: 'inspection.byWorkOrder', read: byWorkOrder(staff, b.id) },
      {
        name: 'board progress',
        route: 'inspection.boardProgress',
        read: () => staff.inspection.boardProgress.query(),
      },
      {
        name: 'measurements V1',
        route: 'inspection.measurements',
        read: () => staff.inspection.measurements.query({ vehicleId: v1.id }),
      },
      {
        name: 'alice measurements V1',
        route: 'inspection.measurements',
        read: () => alice.inspection.measurements.query({ vehicleId: v1.id }),
      },
      {
        name: 'staff byId A',
        route: 'workOrder.byId',
        read: () => staff.workOrder.byId.query({ id: a.id }),
      },
      {
        name: 'alice byId A',
        route: 'workOrder.byId',
        read: () => alice.workOrder.byId.query({ id: a.id }),
      },
      {
        name: 'staff history V1',
        route: 'vehicle.history',
        read: () => staff.vehicle.history.query({ vehicleId: v1.id }),
      },
      { name: 'due soon', route: 'reminder.dueSoon', read: () => staff.reminder.dueSoon.query({}) },
      {
        name: 'wear due soon',
        route: 'inspection.wearDueSoon',
        read: () => staff.inspection.wearDueSoon.query(),
      },
    ];
  });
  afterAll(() => api.stop());

  const { reloadedBy } = invalidationMatrix(
    () => api,
    () => probes,
  );

  const inspectionA = ['inspection A', 'alice inspection A'];
  const workOrderA = ['staff byId A', 'alice byId A', 'staff history V1', ...inspectionA];

  async function itemOfA(label: string) {
    const { inspection } = await staff.inspection.byWorkOrder.query({ workOrderId: ids.a });
    const item = inspection?.items.find((each) => each.label === label);
    if (!item) throw new Error(`no item ${label}`);
    return item;
  }

  it('savedJob.create: the saved jobs, the templates that name them and due soon (it offers them), nothing else', async () => {
    expect(
      await reloadedBy(async () => {
        const job = await staff.savedJob.create.mutate({
          name: 'Matrix job',
          lines: [{ kind: 'fee', description: 'Fee', quantity: '1', unitPriceCents: 500 }],
        });
        ids.job = job.id;
      }),
    ).toEqual(expectLoaded('saved jobs', 'templates', 'due soon'));
  });

  it('savedJob.update: the same', async () => {
    expect(
      await reloadedBy(async () => {
        const job = await staff.savedJob.update.mutate({
          id: ids.job,
          version: 1,
          name: 'Renamed',
        });
        ids.jobVersion = job.version;
      }),
    ).toEqual(expectLoaded('saved jobs', 'templates', 'due soon'));
  });

  it("savedJob.insert: the work order's views (its inspection shows its lines), not the list of jobs", async () => {
    expect(
      await reloadedBy(() =>
        staff.savedJob.insert.mutate({ workOrderId: ids.a, savedJobId: ids.job }),
      ),
    ).toEqual(expectLoaded(...workOrderA));
  });

  it("reminder.insertSavedJob onto the vehicle's open work order: that work order's views", async () => {
    const reminder = await api.db.prisma.serviceReminder.create({
      data: { vehicleId: ids.v1, description: 'Renamed', dueMileage: 900_000 },
    });
    expect(
      await reloadedBy(() =>
        staff.reminder.insertSavedJob.mutate({ reminderId: reminder.id, savedJobId: ids.job }),
      ),
    ).toEqual(expectLoaded(...workOrderA));
  });

  it('inspection.start: its inspection and the board progress; not the other inspection', async () => {
    expect(await reloadedBy(() => staff.inspection.start.mutate({ workOrderId: ids.a }))).toEqual(
      expectLoaded(...inspectionA, 'board progress'),
    );
  });

  it("gradeItem with a measurement: also the vehicle's measurements, for staff and its owner", async () => {
    const tread = await itemOfA('Front left tread depth');
    expect(
      await reloadedBy(() =>
        staff.inspection.gradeItem.mutate({
          id: tread.id,
          version: tread.version,
          grade: 'ok',
          measurement: '6',
        }),
      ),
    ).toEqual(
      expectLoaded(
        ...inspectionA,
        'board progress',
        'measurements V1',
        'alice measurements V1',
        'wear due soon',
      ),
    );
  });

  it('gradeItem of a plain item: its inspection and the board progress only', async () => {
    const belt = await itemOfA('Drive belt');
    expect(
      await reloadedBy(() =>
        staff.inspection.gradeItem.mutate({
          id: belt.id,
          version: belt.version,
          grade: 'advisory',
          note: 'Cracks',
        }),
      ),
    ).toEqual(expectLoaded(...inspectionA, 'board progress'));
  });

  it("recommend: the work order's views and its inspection", async () => {
    const belt = await itemOfA('Drive belt');
    expect(await reloadedBy(() => staff.inspection.recommend.mutate({ itemId: belt.id }))).toEqual(
      expectLoaded(...workOrderA, 'board progress'),
    );
  });

  it("alice's decision on the finding's line: her work order's views and the inspection showing it", async () => {
    const belt = await itemOfA('Drive belt');
    expect(
      await reloadedBy(() =>
        alice.workOrder.decideLines.mutate({
          workOrderId: ids.a,
          decisions: belt.lines.map((line) => ({ lineId: line.id, approved: false })),
        }),
      ),
    ).toEqual(expectLoaded(...workOrderA));
  });

  it('a photo added, then removed: the inspection and the board progress', async () => {
    const belt = await itemOfA('Drive belt');
    const cookie = await cookieOf(api, 'staff');
    let photoId = 0;
    expect(
      await reloadedBy(async () => {
        const response = await uploadPhoto(api, cookie, belt.id, await phoneJpeg(40, 30));
        photoId = ((await response.json()) as { id: number }).id;
      }),
    ).toEqual(expectLoaded(...inspectionA, 'board progress'));
    expect(await reloadedBy(() => staff.inspection.removePhoto.mutate({ id: photoId }))).toEqual(
      expectLoaded(...inspectionA, 'board progress'),
    );
  });

  it('savedJob.delete of a job the inspections priced findings with: those inspections too', async () => {
    const wipers = await itemOfA('Wiper blades');
    const job = (await staff.savedJob.list.query()).find((each) => each.id === wipers.savedJobId);
    if (!job) throw new Error('the wiper blades item names a saved job');
    expect(
      await reloadedBy(() => staff.savedJob.delete.mutate({ id: job.id, version: job.version })),
    ).toEqual(
      expectLoaded(
        'saved jobs',
        'templates',
        'due soon',
        ...inspectionA,
        'inspection B',
        'board progress',
      ),
    );
  });

  it('createTemplate: the templates only', async () => {
    expect(
      await reloadedBy(() =>
        admin.inspection.createTemplate.mutate({
          name: 'Quick check',
          items: [
            { section: 'Tyres', label: 'Tread', unit: 'mm', advisoryLimit: 4, requiredLimit: 3 },
          ],
        }),
      ),
    ).toEqual(expectLoaded('templates'));
  });
});
