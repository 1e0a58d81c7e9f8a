import { maxPhotoBytes } from '@garage/validators';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { cookieOf, phoneJpeg, uploadPhoto } from './support/photos';
import { customerIdOf, freshVehicle } from './support/work-orders';

// An inspection on a work order: graded on a phone, a photo for every required finding, the
// findings turned into lines the customer decides on in the portal, the photos served only to
// those who may see the work order, and the measurements kept per vehicle and predicted forward.

describe('inspections', () => {
  let api: TestApi;
  let staff: Client;
  let alice: Client;
  let bob: Client;
  const cookies = { staff: '', alice: '', bob: '' };
  let vehicleId = 0;
  let workOrderId = 0;
  let bobWorkOrderId = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, alice, bob] = await Promise.all([api.as('staff'), api.as('alice'), api.as('bob')]);
    for (const who of ['staff', 'alice', 'bob'] as const) cookies[who] = await cookieOf(api, who);
    const [aliceId, bobId] = [await customerIdOf(api, 'alice'), await customerIdOf(api, 'bob')];
    const vehicle = await freshVehicle(api, aliceId, 20_000);
    vehicleId = vehicle.id;
    // A year ago at 20,000: the odometer log has a trend to predict days from.
    await api.db.prisma.odometerReading.create({
      data: {
        vehicleId,
        reading: 20_000,
        at: new Date(Date.now() - 365 * 86_400_000),
        source: 'manual',
      },
    });
    workOrderId = (
      await staff.workOrder.create.mutate({ vehicleId, concern: 'Squeal', odometerIn: 30_000 })
    ).id;
    const bobVehicle = await freshVehicle(api, bobId, 5_000);
    bobWorkOrderId = (
      await staff.workOrder.create.mutate({
        vehicleId: bobVehicle.id,
        concern: 'Service',
        odometerIn: 5_000,
      })
    ).id;
  });
  afterAll(() => api.stop());

  async function itemNamed(label: string, onWorkOrder = workOrderId) {
    const { inspection } = await staff.inspection.byWorkOrder.query({ workOrderId: onWorkOrder });
    const item = inspection?.items.find((each) => each.label === label);
    if (!item) throw new Error(`no item ${label}`);
    return item;
  }

  it('starts from the default multi-point template the seed ships, once per work order', async () => {
    expect(await staff.inspection.byWorkOrder.query({ workOrderId })).toEqual({
      workOrderId,
      inspection: null,
    });
    const started = await staff.inspection.start.mutate({ workOrderId });
    expect(started.inspection).toMatchObject({
      templateName: 'Multi-point inspection',
      mileage: 30_000,
      progress: { graded: 0, total: 30, advisory: 0, required: 0 },
    });
    expect(
      started.inspection?.items.find((item) => item.label === 'Front pad thickness'),
    ).toMatchObject({
      unit: 'mm',
      advisoryLimit: 4,
      requiredLimit: 3,
    });
    expect(await outcome(staff.inspection.start.mutate({ workOrderId }))).toBe('CONFLICT');
    await staff.inspection.start.mutate({ workOrderId: bobWorkOrderId });
  });

  it('refuses required without a photo, naming the grade, and writes nothing', async () => {
    const pads = await itemNamed('Front pad thickness');
    const errors = await fieldErrors(
      staff.inspection.gradeItem.mutate({
        id: pads.id,
        version: pads.version,
        grade: 'required',
        measurement: '2.5',
      }),
    );
    expect(errors).toEqual({ grade: ['required needs a photo of the item first'] });
    expect(await itemNamed('Front pad thickness')).toMatchObject({
      grade: null,
      measurement: null,
      version: 1,
    });
  });

  it('refuses an upload that is no image (whatever its name says), with nothing kept', async () => {
    const pads = await itemNamed('Front pad thickness');
    const text = new TextEncoder().encode('GIF89a? no: a text file named pad.jpg');
    const response = await uploadPhoto(api, cookies.staff, pads.id, text);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      fields: { photo: 'must be a JPEG, PNG or WebP image' },
    });
    expect(await api.db.prisma.inspectionPhoto.count()).toBe(0);
    expect(await api.db.prisma.storedFile.count()).toBe(0);
  });

  it('refuses an oversized upload with a clear 413, with nothing kept', async () => {
    const pads = await itemNamed('Front pad thickness');
    const huge = new Uint8Array(maxPhotoBytes + 1);
    huge.set([0xff, 0xd8, 0xff]);
    const response = await uploadPhoto(api, cookies.staff, pads.id, huge);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: 'a photo may be at most 12 MiB',
      fields: { photo: 'a photo may be at most 12 MiB' },
    });
    expect(await api.db.prisma.storedFile.count()).toBe(0);
  });

  it('keeps a phone JPEG resized to 1,600 px and without its EXIF (no GPS position)', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const pads = await itemNamed('Front pad thickness');
    const response = await uploadPhoto(
      api,
      cookies.staff,
      pads.id,
      original,
      'application/octet-stream',
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };

    const served = await fetch(`${api.base}/inspection-photos/${id}`, {
      headers: { cookie: cookies.staff },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const etag = served.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const kept = await sharp(new Uint8Array(await served.arrayBuffer())).metadata();
    expect({ width: kept.width, height: kept.height }).toEqual({ width: 1_600, height: 1_200 });
    expect(kept.exif).toBeUndefined();
    expect(kept.xmp).toBeUndefined();

    const again = await fetch(`${api.base}/inspection-photos/${id}`, {
      headers: { cookie: cookies.staff, 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const stored = await api.db.prisma.storedFile.findMany({ select: { bytes: true } });
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]?.bytes ?? []).includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('serves a photo to whoever may see its work order, and the one 404 to anyone else', async () => {
    const pads = await itemNamed('Front pad thickness');
    const photoId = pads.photos[0]?.id ?? 0;
    const get = (id: number, cookie: string) =>
      fetch(`${api.base}/inspection-photos/${id}`, { headers: cookie ? { cookie } : {} });
    expect((await get(photoId, cookies.alice)).status).toBe(200);
    const foreign = await get(photoId, cookies.bob);
    const missing = await get(2_000_000_000, cookies.bob);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
    // Every id near it, guessed: only bob's own photos, and he has none.
    for (let id = 1; id <= photoId + 5; id++) expect((await get(id, cookies.bob)).status).toBe(404);
    expect((await get(photoId, '')).status).toBe(401);
    // Customers never upload.
    const upload = await uploadPhoto(api, cookies.alice, pads.id, await phoneJpeg(10, 10));
    expect(upload.status).toBe(403);
  });

  it('grades required once the item has a photo; progress counts it', async () => {
    const pads = await itemNamed('Front pad thickness');
    await staff.inspection.gradeItem.mutate({
      id: pads.id,
      version: pads.version,
      grade: 'required',
      measurement: 2.5,
      note: 'Worn to the indicator',
    });
    const { inspection } = await staff.inspection.byWorkOrder.query({ workOrderId });
    expect(inspection?.progress).toEqual({ graded: 1, total: 30, advisory: 0, required: 1 });
    expect(await itemNamed('Front pad thickness')).toMatchObject({
      grade: 'required',
      measurement: '2.5',
      note: 'Worn to the indicator',
      version: 2,
    });
    // A save from the version before: CONFLICT, nothing written.
    expect(
      await outcome(staff.inspection.gradeItem.mutate({ id: pads.id, version: 1, grade: 'ok' })),
    ).toBe('CONFLICT');
    // Its only photo stays while it is required.
    expect(
      await fieldErrors(staff.inspection.removePhoto.mutate({ id: pads.photos[0]?.id ?? 0 })),
    ).toEqual({ id: ['is the only photo of a required finding'] });
  });

  it('turns the finding into the lines of its saved job, once; an ok item into none', async () => {
    const pads = await itemNamed('Front pad thickness');
    const after = await staff.inspection.recommend.mutate({ itemId: pads.id });
    const job = (await staff.savedJob.list.query()).find((each) => each.id === pads.savedJobId);
    expect(job?.name).toBe('Front brake pads');
    expect(after.lines.map((line) => line.description)).toEqual(
      job?.lines.map((line) => line.description),
    );
    expect(after.lines.every((line) => line.approval === 'pending')).toBe(true);
    expect(await outcome(staff.inspection.recommend.mutate({ itemId: pads.id }))).toBe('CONFLICT');

    const horn = await itemNamed('Horn');
    await staff.inspection.gradeItem.mutate({ id: horn.id, version: horn.version, grade: 'ok' });
    expect(await fieldErrors(staff.inspection.recommend.mutate({ itemId: horn.id }))).toEqual({
      itemId: ['is not a finding: grade it advisory or required first'],
    });
    // A finding without a saved job: one labour line named after it.
    const belt = await itemNamed('Drive belt');
    await staff.inspection.gradeItem.mutate({
      id: belt.id,
      version: belt.version,
      grade: 'advisory',
      note: 'Cracking',
    });
    const withBelt = await staff.inspection.recommend.mutate({ itemId: belt.id });
    expect(withBelt.lines.at(-1)).toMatchObject({
      kind: 'labor',
      description: 'Drive belt: Cracking',
      quantity: '1',
      unitPriceCents: 12_000,
    });
  });

  it("shows alice her inspection beside its lines, bob nothing of it; alice's decision comes back", async () => {
    const mine = await alice.inspection.byWorkOrder.query({ workOrderId });
    const pads = mine.inspection?.items.find((item) => item.label === 'Front pad thickness');
    expect(pads?.photos).toHaveLength(1);
    expect(pads?.measurement).toBe('2.5');
    expect(pads?.lines).toHaveLength(3);

    const foreign = await outcome(bob.inspection.byWorkOrder.query({ workOrderId }));
    const missing = await outcome(bob.inspection.byWorkOrder.query({ workOrderId: 2_000_000_000 }));
    expect(foreign).toBe('FORBIDDEN');
    expect(missing).toBe(foreign);

    await alice.workOrder.decideLines.mutate({
      workOrderId,
      decisions: (pads?.lines ?? []).map((line) => ({ lineId: line.id, approved: true })),
    });
    const seen = await staff.inspection.byWorkOrder.query({ workOrderId });
    expect(
      seen.inspection?.items
        .find((item) => item.label === 'Front pad thickness')
        ?.lines.map((line) => line.approval),
    ).toEqual(['approved', 'approved', 'approved']);
  });

  it('keeps measurements per vehicle across visits and predicts when they reach their limit', async () => {
    // A second visit at 40,000: the front pads at 7 mm on the first (here written as the first
    // visit's), 4.5 mm now.
    const first = await itemNamed('Front left tread depth');
    await staff.inspection.gradeItem.mutate({
      id: first.id,
      version: first.version,
      grade: 'ok',
      measurement: '7',
    });
    const second = (
      await staff.workOrder.create.mutate({ vehicleId, concern: 'Tyres', odometerIn: 40_000 })
    ).id;
    await staff.inspection.start.mutate({ workOrderId: second });
    const later = await itemNamed('Front left tread depth', second);
    await staff.inspection.gradeItem.mutate({
      id: later.id,
      version: later.version,
      grade: 'advisory',
      measurement: '5',
    });
    const history = await staff.inspection.measurements.query({ vehicleId });
    const tread = history.series.find((series) => series.label === 'Front left tread depth');
    expect(tread?.points.map(({ mileage, value }) => ({ mileage, value }))).toEqual([
      { mileage: 30_000, value: 7 },
      { mileage: 40_000, value: 5 },
    ]);
    // 0.2 mm per 1,000: 3 mm at 50,000.
    expect(tread?.prediction).toMatchObject({ limit: 3, mileage: 50_000, reached: false });
    expect(tread?.prediction?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The pads, measured once at their limit, have reached it.
    const pads = history.series.find((series) => series.label === 'Front pad thickness');
    expect(pads?.prediction).toMatchObject({ reached: true, dueSoon: true });

    // The due-soon list names the pads at their limit; the tread, 10,000 away, not yet.
    const due = await staff.inspection.wearDueSoon.query();
    const ours = due.items.filter((row) => row.vehicle.id === vehicleId);
    expect(ours.map((row) => [row.label, row.reached])).toEqual([['Front pad thickness', true]]);

    // Alice sees her own vehicle's history; bob the one answer for a vehicle not his.
    expect((await alice.inspection.measurements.query({ vehicleId })).series).toEqual(
      history.series,
    );
    expect(await outcome(bob.inspection.measurements.query({ vehicleId }))).toBe(
      await outcome(bob.inspection.measurements.query({ vehicleId: 2_000_000_000 })),
    );
  });
});
