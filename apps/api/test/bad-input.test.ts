import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { inspectionRows } from './support/inspection-rows';

// Each rejected mutation must answer a 4xx that names the field, and leave the database as it
// was: compared row for row before and after.

describe('bad input to every mutation', () => {
  let api: TestApi;
  let staff: Client;
  let vehicle: { id: number; vin: string; mileage: number; ownerId: number };
  let otherVin: string;
  let estimateId: number;
  let bayId: number;

  async function databaseSnapshot() {
    const byId = { orderBy: { id: 'asc' } } as const;
    const [customers, vehicles, users, workOrders, lines, settings, appointments, bays, hours] =
      await Promise.all([
        api.db.prisma.customer.findMany(byId),
        api.db.prisma.vehicle.findMany(byId),
        api.db.prisma.user.findMany({ ...byId, select: { id: true, email: true } }),
        api.db.prisma.workOrder.findMany(byId),
        api.db.prisma.workOrderLine.findMany(byId),
        api.db.prisma.shopSettings.findMany(byId),
        api.db.prisma.appointment.findMany(byId),
        api.db.prisma.bay.findMany(byId),
        api.db.prisma.openingHours.findMany({ orderBy: { weekday: 'asc' } }),
      ]);
    return {
      customers,
      vehicles,
      users,
      workOrders,
      lines,
      settings,
      appointments,
      bays,
      hours,
      ...(await inspectionRows(api.db.prisma)),
      reminders: await api.db.prisma.serviceReminder.findMany(byId),
    };
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    const [first, second] = await api.db.prisma.vehicle.findMany({
      orderBy: { id: 'asc' },
      take: 2,
    });
    if (!first || !second) throw new Error('seed has too few vehicles');
    vehicle = first;
    otherVin = second.vin;
    estimateId = (await api.db.prisma.workOrder.findFirstOrThrow({ where: { status: 'estimate' } }))
      .id;
    // A shop open 08:00-17:00 UTC on weekdays, with one bay.
    await api.db.prisma.shopSettings.update({ where: { id: 1 }, data: { timeZone: 'UTC' } });
    // In place of the demo seed's hours.
    await api.db.prisma.openingHours.deleteMany();
    await api.db.prisma.openingHours.createMany({
      data: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 480, closesMinute: 1020 })),
    });
    bayId = (await api.db.prisma.bay.create({ data: { name: 'Bad input bay' } })).id;
  });
  afterAll(() => api.stop());

  // What the saved-job, template and inspection rows aim at: a job of the seed's, the default
  // template, an item of an inspection started on an estimate, a reminder on the seed's first
  // vehicle (a Honda job does not fit it when it is not a Honda).
  const inspected = { jobId: 0, templateId: 0, templateVersion: 0, itemId: 0, reminderId: 0 };
  beforeAll(async () => {
    const { prisma } = api.db;
    const job = await prisma.savedJob.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const template = await prisma.inspectionTemplate.findFirstOrThrow({
      where: { isDefault: true },
    });
    const workOrder = await prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId: vehicle.ownerId,
        concern: 'Bad input inspection',
        odometerIn: vehicle.mileage,
      },
    });
    const started = await staff.inspection.start.mutate({ workOrderId: workOrder.id });
    const reminder = await prisma.serviceReminder.create({
      data: { vehicleId: vehicle.id, description: 'Bad input service', dueMileage: 900_000 },
    });
    Object.assign(inspected, {
      jobId: job.id,
      templateId: template.id,
      templateVersion: template.version,
      itemId: started.inspection?.items[0]?.id ?? 0,
      reminderId: reminder.id,
    });
  });

  const good = () => ({
    ownerId: vehicle.ownerId,
    vin: '1HGCM82633A004352',
    plate: 'GO0D 1',
    make: 'Honda',
    model: 'Accord',
    year: 2003,
    mileage: 100,
  });

  // [what, call, expected code, field named]
  const cases: [string, (c: Client) => Promise<unknown>, string, string][] = [
    [
      'customer.create without a name',
      (c) => c.customer.create.mutate({ name: '' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with a name of spaces',
      (c) => c.customer.create.mutate({ name: '   ' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with an oversized name',
      (c) => c.customer.create.mutate({ name: 'x'.repeat(121) }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with a bad email',
      (c) => c.customer.create.mutate({ name: 'A', email: 'not-an-email' }),
      'BAD_REQUEST',
      'email',
    ],
    [
      'customer.create with a bad phone',
      (c) => c.customer.create.mutate({ name: 'A', phone: 'call me' }),
      'BAD_REQUEST',
      'phone',
    ],
    [
      'customer.create with a wrong type',
      // What a client that ignores the types might send.
      (c) => c.customer.create.mutate(JSON.parse('{"name":42}')),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with the email of another customer, in capitals',
      (c) => c.customer.create.mutate({ name: 'A', email: 'ALICE@garage.test' }),
      'CONFLICT',
      'email',
    ],
    [
      'customer.update with a version below 1',
      (c) => c.customer.update.mutate({ id: vehicle.ownerId, version: 0, name: 'Zero' }),
      'BAD_REQUEST',
      'version',
    ],
    [
      'customer.update from a version other than the stored one',
      (c) => c.customer.update.mutate({ id: vehicle.ownerId, version: 2, name: 'Other' }),
      'CONFLICT',
      '',
    ],
    [
      'customer.update of an unknown id',
      (c) => c.customer.update.mutate({ id: 999_999, version: 1, name: 'Ghost' }),
      'NOT_FOUND',
      '',
    ],
    [
      'customer.update with a negative id',
      (c) => c.customer.update.mutate({ id: -1, version: 1, name: 'Ghost' }),
      'BAD_REQUEST',
      'id',
    ],
    [
      'customer.update with oversized notes',
      (c) => c.customer.update.mutate({ id: 1, version: 1, notes: 'n'.repeat(2_001) }),
      'BAD_REQUEST',
      'notes',
    ],
    [
      'customer.delete of an unknown id',
      (c) => c.customer.delete.mutate({ id: 999_999, version: 1 }),
      'NOT_FOUND',
      '',
    ],
    [
      'customer.delete of one owning vehicles',
      (c) => c.customer.delete.mutate({ id: vehicle.ownerId, version: 1 }),
      'CONFLICT',
      '',
    ],
    [
      'vehicle.create with a short VIN',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82633A00435' }),
      'BAD_REQUEST',
      'vin',
    ],
    [
      'vehicle.create with I/O/Q in the VIN',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82633A0O4352' }),
      'BAD_REQUEST',
      'vin',
    ],
    [
      'vehicle.create with a wrong check digit',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82643A004352' }),
      'BAD_REQUEST',
      'vin',
    ],
    [
      'vehicle.create with a duplicate VIN',
      (c) => c.vehicle.create.mutate({ ...good(), vin: otherVin }),
      'CONFLICT',
      'vin',
    ],
    [
      'vehicle.create with a future year',
      (c) => c.vehicle.create.mutate({ ...good(), year: new Date().getUTCFullYear() + 2 }),
      'BAD_REQUEST',
      'year',
    ],
    [
      'vehicle.create with a year before cars',
      (c) => c.vehicle.create.mutate({ ...good(), year: 1885 }),
      'BAD_REQUEST',
      'year',
    ],
    [
      'vehicle.create with negative mileage',
      (c) => c.vehicle.create.mutate({ ...good(), mileage: -1 }),
      'BAD_REQUEST',
      'mileage',
    ],
    [
      'vehicle.create with fractional mileage',
      (c) => c.vehicle.create.mutate({ ...good(), mileage: 1.5 }),
      'BAD_REQUEST',
      'mileage',
    ],
    [
      'vehicle.create with an empty plate',
      (c) => c.vehicle.create.mutate({ ...good(), plate: '' }),
      'BAD_REQUEST',
      'plate',
    ],
    [
      'vehicle.create with an oversized make',
      (c) => c.vehicle.create.mutate({ ...good(), make: 'm'.repeat(61) }),
      'BAD_REQUEST',
      'make',
    ],
    [
      'vehicle.create for an unknown owner',
      (c) => c.vehicle.create.mutate({ ...good(), ownerId: 999_999 }),
      'BAD_REQUEST',
      'ownerId',
    ],
    [
      'vehicle.create with a wrong type',
      (c) => c.vehicle.create.mutate({ ...good(), ...JSON.parse('{"year":"2003"}') }),
      'BAD_REQUEST',
      'year',
    ],
    [
      'vehicle.update lowering the mileage without saying so',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, mileage: vehicle.mileage - 1 }),
      'BAD_REQUEST',
      'mileage',
    ],
    [
      'vehicle.update to a VIN already registered',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, vin: otherVin }),
      'CONFLICT',
      'vin',
    ],
    [
      'vehicle.update moving to an unknown owner',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, ownerId: 999_999 }),
      'BAD_REQUEST',
      'ownerId',
    ],
    [
      'vehicle.update of an unknown id',
      (c) => c.vehicle.update.mutate({ id: 999_999, version: 1, mileage: 5 }),
      'NOT_FOUND',
      '',
    ],
    [
      'vehicle.delete of an unknown id',
      (c) => c.vehicle.delete.mutate({ id: 999_999, version: 1 }),
      'NOT_FOUND',
      '',
    ],
    [
      'cache.invalidate with no target',
      (c) => c.cache.invalidate.mutate({} as { all: true }),
      'BAD_REQUEST',
      '',
    ],
    [
      'auth.login with an empty email',
      (c) => c.auth.login.mutate({ email: '', password: 'x' }),
      'BAD_REQUEST',
      'email',
    ],
    // PostgreSQL refuses U+0000 in text: every text field refuses control characters first.
    [
      'customer.create with a NUL in the name',
      (c) => c.customer.create.mutate({ name: 'Ann\u0000' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'customer.create with a NUL in the address',
      (c) => c.customer.create.mutate({ name: 'Ann', address: '1 Main St\u0000' }),
      'BAD_REQUEST',
      'address',
    ],
    [
      'customer.update with a NUL in the notes',
      (c) => c.customer.update.mutate({ id: vehicle.ownerId, version: 1, notes: 'a\nb\u0000' }),
      'BAD_REQUEST',
      'notes',
    ],
    [
      'customer.update with a bell in the email',
      (c) => c.customer.update.mutate({ id: vehicle.ownerId, version: 1, email: 'a\u0007@b.test' }),
      'BAD_REQUEST',
      'email',
    ],
    [
      'vehicle.create with a NUL in the make',
      (c) => c.vehicle.create.mutate({ ...good(), make: 'Hon\u0000da' }),
      'BAD_REQUEST',
      'make',
    ],
    [
      'vehicle.create with a line break in the model (one line only)',
      (c) => c.vehicle.create.mutate({ ...good(), model: 'Acc\nord' }),
      'BAD_REQUEST',
      'model',
    ],
    [
      'vehicle.create with a NUL in the colour',
      (c) => c.vehicle.create.mutate({ ...good(), colour: '\u0000' }),
      'BAD_REQUEST',
      'colour',
    ],
    [
      'vehicle.update with an escape in the notes',
      (c) => c.vehicle.update.mutate({ id: vehicle.id, version: 1, notes: '\u001b[2J' }),
      'BAD_REQUEST',
      'notes',
    ],
    [
      'workOrder.create with a NUL in the concern',
      (c) =>
        c.workOrder.create.mutate({ vehicleId: vehicle.id, concern: 'Noise\u0000', odometerIn: 1 }),
      'BAD_REQUEST',
      'concern',
    ],
    [
      'workOrder.update with a NUL in the notes',
      (c) => c.workOrder.update.mutate({ id: estimateId, version: 1, notes: '\u0000' }),
      'BAD_REQUEST',
      'notes',
    ],
    [
      'workOrder.addLine with a NUL in the description',
      (c) =>
        c.workOrder.addLine.mutate({
          workOrderId: estimateId,
          kind: 'fee',
          description: 'Disposal\u0000',
          quantity: '1',
          unitPriceCents: 100,
        }),
      'BAD_REQUEST',
      'description',
    ],
    [
      'workOrder.addLine with a NUL in the part number',
      (c) =>
        c.workOrder.addLine.mutate({
          workOrderId: estimateId,
          kind: 'part',
          description: 'Filter',
          partNumber: 'F-1\u0000',
          quantity: '1',
          unitPriceCents: 100,
        }),
      'BAD_REQUEST',
      'partNumber',
    ],
    [
      'settings.update with a NUL in the shop name',
      (c) => c.settings.update.mutate({ name: 'Garage\u0000' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'settings.update with a NUL in the address',
      (c) => c.settings.update.mutate({ address: '\u0000' }),
      'BAD_REQUEST',
      'address',
    ],
    [
      'auth.login with a NUL in the email',
      (c) => c.auth.login.mutate({ email: 'staff@garage.test\u0000', password: 'x' }),
      'BAD_REQUEST',
      'email',
    ],
    // Instants PostgreSQL cannot store, or no shop would mean: refused, naming the field.
    [
      'workOrder.create promised in the year 275000',
      (c) =>
        c.workOrder.create.mutate({
          vehicleId: vehicle.id,
          concern: 'Noise',
          odometerIn: vehicle.mileage,
          promisedAt: new Date(Date.UTC(275_000, 0, 1)),
        }),
      'BAD_REQUEST',
      'promisedAt',
    ],
    [
      'workOrder.update promised before the calendar PostgreSQL knows',
      (c) =>
        c.workOrder.update.mutate({
          id: estimateId,
          version: 1,
          promisedAt: new Date(Date.UTC(-5_000, 0, 1)),
        }),
      'BAD_REQUEST',
      'promisedAt',
    ],
    [
      'workOrder.update promised in the year 20000',
      (c) =>
        c.workOrder.update.mutate({
          id: estimateId,
          version: 1,
          promisedAt: new Date(Date.UTC(20_000, 0, 1)),
        }),
      'BAD_REQUEST',
      'promisedAt',
    ],
    [
      'workOrder.invoice with a next service in the year 2200',
      (c) => c.workOrder.invoice.mutate({ id: estimateId, nextService: { date: '2200-01-01' } }),
      'BAD_REQUEST',
      'nextService',
    ],
  ];

  // A Monday ten weeks ahead, at `hh:mm` UTC.
  const monday = (time: string) => {
    const day = new Date(Date.now() + 70 * 86_400_000);
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return new Date(`${day.toISOString().slice(0, 10)}T${time}:00Z`);
  };
  const booking = () => ({
    vehicleId: vehicle.id,
    concern: 'Brakes',
    startsAt: monday('09:00'),
    endsAt: monday('10:00'),
    bayId,
    channel: 'phone' as const,
  });
  cases.push(
    [
      'schedule.book ending before it starts',
      (c) => c.schedule.book.mutate({ ...booking(), endsAt: monday('08:00') }),
      'BAD_REQUEST',
      'endsAt',
    ],
    [
      'schedule.book for both a vehicle and a drafted caller',
      (c) => c.schedule.book.mutate({ ...booking(), draft: { name: 'Caller', phone: null } }),
      'BAD_REQUEST',
      'vehicleId',
    ],
    [
      'schedule.book with neither a bay nor a technician',
      (c) => c.schedule.book.mutate({ ...booking(), bayId: undefined }),
      'BAD_REQUEST',
      'bayId',
    ],
    [
      'schedule.book in the year 20000',
      (c) =>
        c.schedule.book.mutate({
          ...booking(),
          startsAt: new Date(Date.UTC(20_000, 0, 1)),
          endsAt: new Date(Date.UTC(20_000, 0, 1, 1)),
        }),
      'BAD_REQUEST',
      'startsAt',
    ],
    [
      'schedule.book at night without the override',
      (c) =>
        c.schedule.book.mutate({
          ...booking(),
          startsAt: monday('20:00'),
          endsAt: monday('21:00'),
        }),
      'CONFLICT',
      'allowOutOfHours',
    ],
    [
      'schedule.setOpeningHours closing before it opens',
      (c) =>
        c.schedule.setOpeningHours.mutate({
          hours: [{ weekday: 1, opensMinute: 600, closesMinute: 480 }],
        }),
      'BAD_REQUEST',
      'hours',
    ],
    [
      'schedule.setOpeningHours with a weekday 8',
      (c) =>
        c.schedule.setOpeningHours.mutate({
          hours: [{ weekday: 8, opensMinute: 480, closesMinute: 600 }],
        }),
      'BAD_REQUEST',
      'hours',
    ],
    [
      'schedule.createBay without a name',
      (c) => c.schedule.createBay.mutate({ name: '' }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'schedule.updateSettings with slots of 5 minutes',
      (c) => c.schedule.updateSettings.mutate({ portalSlotMinutes: 5 }),
      'BAD_REQUEST',
      'portalSlotMinutes',
    ],
    [
      "message.setSending turning off staff's own messages (not a kind the shop turns off)",
      (c) => c.message.setSending.mutate(JSON.parse('{"kind":"manual","send":false}')),
      'BAD_REQUEST',
      'kind',
    ],
  );

  const oneFee = [{ kind: 'fee' as const, description: 'Fee', quantity: '1', unitPriceCents: 100 }];
  const tread = { section: 'Tyres', label: 'Tread', unit: 'mm', requiredLimit: '3' };
  const oneItem = [tread];
  cases.push(
    [
      'savedJob.create without a name',
      (c) => c.savedJob.create.mutate({ name: '', lines: oneFee }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'savedJob.create without lines',
      (c) => c.savedJob.create.mutate({ name: 'Empty', lines: [] }),
      'BAD_REQUEST',
      'lines',
    ],
    [
      'savedJob.create with a negative price',
      (c) =>
        c.savedJob.create.mutate({
          name: 'Negative',
          lines: [{ kind: 'part', description: 'Part', quantity: '1', unitPriceCents: -1 }],
        }),
      'BAD_REQUEST',
      'lines',
    ],
    [
      'savedJob.create fitting years that end before they start',
      (c) =>
        c.savedJob.create.mutate({ name: 'Years', yearFrom: 2020, yearTo: 2010, lines: oneFee }),
      'BAD_REQUEST',
      'yearTo',
    ],
    [
      'savedJob.update from a version other than the stored one',
      (c) => c.savedJob.update.mutate({ id: inspected.jobId, version: 99, name: 'Stale' }),
      'CONFLICT',
      '',
    ],
    [
      'savedJob.update of an unknown id',
      (c) => c.savedJob.update.mutate({ id: 2_000_000_000, version: 1, name: 'Nobody' }),
      'NOT_FOUND',
      '',
    ],
    [
      'savedJob.delete of an unknown id',
      (c) => c.savedJob.delete.mutate({ id: 2_000_000_000, version: 1 }),
      'NOT_FOUND',
      '',
    ],
    [
      'savedJob.insert of an unknown job',
      (c) => c.savedJob.insert.mutate({ workOrderId: estimateId, savedJobId: 2_000_000_000 }),
      'BAD_REQUEST',
      'savedJobId',
    ],
    [
      'savedJob.insert into an unknown work order',
      (c) => c.savedJob.insert.mutate({ workOrderId: 2_000_000_000, savedJobId: inspected.jobId }),
      'NOT_FOUND',
      '',
    ],
    [
      'reminder.insertSavedJob of an unknown job',
      (c) =>
        c.reminder.insertSavedJob.mutate({
          reminderId: inspected.reminderId,
          savedJobId: 2_000_000_000,
        }),
      'BAD_REQUEST',
      'savedJobId',
    ],
    [
      'reminder.insertSavedJob for an unknown reminder',
      (c) =>
        c.reminder.insertSavedJob.mutate({
          reminderId: 2_000_000_000,
          savedJobId: inspected.jobId,
        }),
      'NOT_FOUND',
      '',
    ],
    [
      'inspection.createTemplate without a name',
      (c) => c.inspection.createTemplate.mutate({ name: '', items: oneItem }),
      'BAD_REQUEST',
      'name',
    ],
    [
      'inspection.createTemplate with limits on an item measured in nothing',
      (c) =>
        c.inspection.createTemplate.mutate({
          name: 'No unit',
          items: [{ section: 'Tyres', label: 'Tread', advisoryLimit: '4' }],
        }),
      'BAD_REQUEST',
      'items',
    ],
    [
      'inspection.createTemplate naming an unknown saved job',
      (c) =>
        c.inspection.createTemplate.mutate({
          name: 'Unknown job',
          items: [{ ...tread, savedJobId: 2_000_000_000 }],
        }),
      'BAD_REQUEST',
      'items.0.savedJobId',
    ],
    [
      'inspection.updateTemplate from a version other than the stored one',
      (c) =>
        c.inspection.updateTemplate.mutate({
          id: inspected.templateId,
          version: inspected.templateVersion + 1,
          name: 'Stale',
        }),
      'CONFLICT',
      '',
    ],
    [
      'inspection.deleteTemplate of an unknown id',
      (c) => c.inspection.deleteTemplate.mutate({ id: 2_000_000_000, version: 1 }),
      'NOT_FOUND',
      '',
    ],
    [
      'inspection.start from an unknown template',
      (c) => c.inspection.start.mutate({ workOrderId: estimateId, templateId: 2_000_000_000 }),
      'BAD_REQUEST',
      'templateId',
    ],
    [
      'inspection.start of an unknown work order',
      (c) => c.inspection.start.mutate({ workOrderId: 2_000_000_000 }),
      'NOT_FOUND',
      '',
    ],
    [
      'inspection.gradeItem with a grade there is none of',
      (c) =>
        c.inspection.gradeItem.mutate({
          ...JSON.parse('{"grade":"fine"}'),
          id: inspected.itemId,
          version: 1,
        }),
      'BAD_REQUEST',
      'grade',
    ],
    [
      'inspection.gradeItem with a measurement that is no number',
      (c) =>
        c.inspection.gradeItem.mutate({ id: inspected.itemId, version: 1, measurement: 'thin' }),
      'BAD_REQUEST',
      'measurement',
    ],
    [
      'inspection.gradeItem required without a photo',
      (c) => c.inspection.gradeItem.mutate({ id: inspected.itemId, version: 1, grade: 'required' }),
      'BAD_REQUEST',
      'grade',
    ],
    [
      'inspection.gradeItem from a version other than the stored one',
      (c) => c.inspection.gradeItem.mutate({ id: inspected.itemId, version: 9, grade: 'ok' }),
      'CONFLICT',
      '',
    ],
    [
      'inspection.recommend of an item not graded a finding',
      (c) => c.inspection.recommend.mutate({ itemId: inspected.itemId }),
      'BAD_REQUEST',
      'itemId',
    ],
    [
      'inspection.removePhoto of an unknown photo',
      (c) => c.inspection.removePhoto.mutate({ id: 2_000_000_000 }),
      'NOT_FOUND',
      '',
    ],
  );

  it.each(cases)('%s', async (_what, call, code, field) => {
    const admin =
      /^inspection\.\w+Template/.test(_what) ||
      _what.startsWith('cache.') ||
      _what.startsWith('settings.') ||
      _what.startsWith('message.setSending') ||
      /^schedule\.(set|createBay|updateBay|updateSettings)/.test(_what);
    const client = admin ? await api.as('admin') : staff;
    const before = await databaseSnapshot();
    expect(await outcome(call(client))).toBe(code);
    if (field) expect(Object.keys(await fieldErrors(call(client)))).toContain(field);
    expect(await databaseSnapshot()).toEqual(before);
  });

  // What the API says of a wrong value or JSON type describes what was sent.
  const messages: [string, (c: Client) => Promise<unknown>, Record<string, string[]>][] = [
    [
      'a name sent as a number',
      (c) => c.customer.create.mutate(JSON.parse('{"name":42}')),
      { name: ['must be text'] },
    ],
    [
      'a quantity that is a float, not two decimals',
      (c) =>
        c.workOrder.addLine.mutate({
          ...JSON.parse('{"quantity":0.30000000000000004}'),
          workOrderId: estimateId,
          kind: 'fee',
          description: 'Fee',
          unitPriceCents: 100,
        }),
      { quantity: ['must have at most two decimal places'] },
    ],
    [
      'a negative quantity',
      (c) =>
        c.workOrder.addLine.mutate({
          workOrderId: estimateId,
          kind: 'fee',
          description: 'Fee',
          quantity: '-2',
          unitPriceCents: 100,
        }),
      { quantity: ['must be more than 0'] },
    ],
    [
      'a quantity that is no number',
      (c) =>
        c.workOrder.addLine.mutate({
          workOrderId: estimateId,
          kind: 'fee',
          description: 'Fee',
          quantity: 'two',
          unitPriceCents: 100,
        }),
      { quantity: ['must be a number (e.g. 1.5)'] },
    ],
    [
      'a price sent as text',
      (c) =>
        c.workOrder.addLine.mutate({
          ...JSON.parse('{"unitPriceCents":"12.50"}'),
          workOrderId: estimateId,
          kind: 'fee',
          description: 'Fee',
          quantity: '1',
        }),
      { unitPriceCents: ['must be a number'] },
    ],
    [
      'a kind left out',
      (c) =>
        c.workOrder.addLine.mutate({
          ...JSON.parse('{}'),
          workOrderId: estimateId,
          description: 'Fee',
          quantity: '1',
        }),
      { kind: ['is required'] },
    ],
    [
      'an empty vehicle: every missing field at once',
      (c) => c.vehicle.create.mutate(JSON.parse('{}')),
      Object.fromEntries(
        ['ownerId', 'vin', 'plate', 'make', 'model', 'year', 'mileage'].map((field) => [
          field,
          ['is required'],
        ]),
      ),
    ],
    [
      'a wrong check digit beside an empty plate: both at once',
      (c) => c.vehicle.create.mutate({ ...good(), vin: '1HGCM82643A004352', plate: '' }),
      {
        plate: ['is required'],
        vin: ['check digit (9th character) should be 3'],
      },
    ],
    [
      'a control character, named',
      (c) => c.customer.create.mutate({ name: 'Ann\u0000' }),
      { name: ['must not contain control characters (U+0000)'] },
    ],
    [
      'a line break in one-line text',
      (c) => c.customer.create.mutate({ name: 'Ann\nLee' }),
      { name: ['must be one line'] },
    ],
    [
      'a promise in the year 20000',
      (c) =>
        c.workOrder.update.mutate({
          id: estimateId,
          version: 1,
          promisedAt: new Date(Date.UTC(20_000, 0, 1)),
        }),
      { promisedAt: ['must be in the years 2000 to 2099'] },
    ],
  ];

  it.each(messages)('says what was wrong with %s', async (_what, call, expected) => {
    const before = await databaseSnapshot();
    expect(await fieldErrors(call(staff))).toEqual(expected);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it('takes a quantity sent as a JSON number as its exact decimal', async () => {
    const page = await staff.workOrder.addLine.mutate({
      ...JSON.parse('{"quantity":1.5}'),
      workOrderId: estimateId,
      kind: 'fee',
      description: 'Number quantity',
      unitPriceCents: 100,
    });
    expect(page.lines.find((line) => line.description === 'Number quantity')?.quantity).toBe('1.5');
  });

  it('keeps line breaks and tabs in multi-line text', async () => {
    const created = await staff.customer.create.mutate({
      name: 'Multi Line',
      address: '1 Main St\r\nSpringfield',
      notes: 'first\n\tsecond',
    });
    expect(created).toMatchObject({
      address: '1 Main St\r\nSpringfield',
      notes: 'first\n\tsecond',
    });
  });

  it('lowering the mileage is allowed when asked for explicitly', async () => {
    const lowered = await staff.vehicle.update.mutate({
      id: vehicle.id,
      version: 1,
      mileage: vehicle.mileage - 1,
      allowMileageDecrease: true,
    });
    expect(lowered.mileage).toBe(vehicle.mileage - 1);
  });

  it('a non-North-American VIN is accepted with the documented opt-out', async () => {
    const created = await staff.vehicle.create.mutate({
      ...good(),
      vin: 'WVWZZZ1JZXW000001',
      vinCheckDigit: false,
    });
    expect(created.vin).toBe('WVWZZZ1JZXW000001');
  });

  it('malformed HTTP bodies get a 400, never a 500', async () => {
    const cookieless = await fetch(`${api.base}/trpc/customer.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(cookieless.status).toBeGreaterThanOrEqual(400);
    expect(cookieless.status).toBeLessThan(500);
  });
});
