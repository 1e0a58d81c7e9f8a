import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEstimateLink } from '../src/services/messages/estimate-links';
import { type Client, outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { everyDay, setUpSchedule } from './support/schedule';

// Every procedure × {anonymous, customer, staff, admin} → allowed (OK, or a domain answer such
// as NOT_FOUND that proves the caller got past the role check) or the refusal the caller gets.
type Who = 'anonymous' | 'customer' | 'staff' | 'admin';
type Expected = Record<Who, string>;

const staffOnly: Expected = {
  anonymous: 'UNAUTHORIZED',
  customer: 'FORBIDDEN',
  staff: 'OK',
  admin: 'OK',
};
const adminOnly: Expected = {
  anonymous: 'UNAUTHORIZED',
  customer: 'FORBIDDEN',
  staff: 'FORBIDDEN',
  admin: 'OK',
};

describe('role matrix', () => {
  let api: TestApi;
  const clients = {} as Record<Who, Client>;
  let aliceVehicleId = 0;
  let bobVehicleId = 0;
  let aliceCustomerId = 0;
  let bobCustomerId = 0;
  let sequence = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    clients.anonymous = api.anonymous();
    clients.customer = await api.as('alice');
    clients.staff = await api.as('staff');
    clients.admin = await api.as('admin');
    const vehicles = await api.db.prisma.vehicle.findMany({
      include: { owner: { select: { email: true } } },
    });
    aliceVehicleId = vehicles.find((v) => v.owner.email === 'alice@garage.test')?.id ?? 0;
    bobVehicleId = vehicles.find((v) => v.owner.email === 'bob@garage.test')?.id ?? 0;
    aliceCustomerId = vehicles.find((v) => v.id === aliceVehicleId)?.ownerId ?? 0;
    bobCustomerId = vehicles.find((v) => v.id === bobVehicleId)?.ownerId ?? 0;
    await setUpSchedule(api, clients.admin, ['Bay 1']);
  });
  afterAll(() => api.stop());

  /** A customer with no vehicles, made fresh for each delete: its id and version. */
  async function spareCustomer() {
    return api.db.prisma.customer.create({
      data: { name: `Spare ${++sequence}` },
      select: { id: true, version: true },
    });
  }
  /** A vehicle of a spare customer: its id and version. */
  async function spareVehicle() {
    const owner = await spareCustomer();
    const serial = String(700_000 + ++sequence).padStart(6, '0');
    const draft = `1HGCM8263XA${serial}`;
    const { vinCheckDigit } = await import('@garage/validators');
    const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
    return api.db.prisma.vehicle.create({
      data: {
        ownerId: owner.id,
        vin,
        plate: 'SP4 RE',
        make: 'Honda',
        model: 'Civic',
        year: 2010,
        mileage: 1,
      },
      select: { id: true, version: true },
    });
  }

  /** An estimate with one pending line, for `customerId` on a spare vehicle (written directly). */
  async function spareWorkOrder(customerId = aliceCustomerId) {
    const vehicle = await spareVehicle();
    return api.db.prisma.workOrder.create({
      data: {
        vehicleId: vehicle.id,
        customerId,
        concern: 'Rattle',
        odometerIn: 1,
        lines: {
          create: {
            position: 1,
            kind: 'labor',
            description: 'Look',
            quantity: '1',
            unitPriceCents: 100,
            taxRateBps: 0,
          },
        },
      },
      include: { lines: true },
    });
  }
  /** The pending line of a spare work order: its id and version. */
  async function spareLine() {
    const line = (await spareWorkOrder()).lines[0];
    if (!line) throw new Error('a spare work order has a line');
    return { id: line.id, version: line.version };
  }
  /** A ready work order with one approved line, 100 cents (written directly). */
  async function spareReadyWorkOrder() {
    const workOrder = await spareWorkOrder();
    await api.db.prisma.workOrderLine.updateMany({
      where: { workOrderId: workOrder.id },
      data: { approval: 'approved' },
    });
    return api.db.prisma.workOrder.update({
      where: { id: workOrder.id },
      data: { status: 'ready' },
    });
  }
  /** The same, invoiced through the API by staff. */
  async function spareInvoicedWorkOrder() {
    return clients.staff.workOrder.invoice.mutate({ id: (await spareReadyWorkOrder()).id });
  }
  const decideFirstLine = (workOrder: Awaited<ReturnType<typeof spareWorkOrder>>) => ({
    workOrderId: workOrder.id,
    decisions: [{ lineId: workOrder.lines[0]?.id ?? 0, approved: true }],
  });
  /** A saved job fitting any vehicle (written directly): its id and version. */
  async function spareSavedJob() {
    return api.db.prisma.savedJob.create({
      data: {
        name: `Spare job ${++sequence}`,
        lines: {
          create: {
            position: 1,
            kind: 'fee',
            description: 'Fee',
            quantity: '1',
            unitPriceCents: 100,
          },
        },
      },
      select: { id: true, version: true },
    });
  }
  /** An inspection template of one plain item (written directly): its id and version. */
  async function spareTemplate() {
    return api.db.prisma.inspectionTemplate.create({
      data: {
        name: `Spare template ${++sequence}`,
        items: { create: { position: 1, section: 'Brakes', label: 'Discs' } },
      },
      select: { id: true, version: true },
    });
  }
  /**
   * An item of an inspection of a spare work order of alice's (written directly), graded
   * advisory, with one photo: its id, version and photo.
   */
  async function spareInspectionItem() {
    const workOrder = await spareWorkOrder();
    const inspection = await api.db.prisma.inspection.create({
      data: {
        workOrderId: workOrder.id,
        vehicleId: workOrder.vehicleId,
        mileage: 1,
        templateName: 'Spare',
        items: {
          create: {
            position: 1,
            section: 'Brakes',
            label: 'Discs',
            grade: 'advisory',
            photos: {
              create: [1, 2].map((n) => ({
                storageKey: `spare-${++sequence}-${n}`,
                contentType: 'image/jpeg',
                width: 1,
                height: 1,
                byteLength: 1,
                sha256: 'spare',
              })),
            },
          },
        },
      },
      include: { items: { include: { photos: true } } },
    });
    const item = inspection.items[0];
    if (!item) throw new Error('a spare inspection has an item');
    return { id: item.id, version: item.version, photoId: item.photos[0]?.id ?? 0 };
  }
  const customerToo: Expected = {
    anonymous: 'UNAUTHORIZED',
    customer: 'OK',
    staff: 'OK',
    admin: 'OK',
  };
  const notThisCustomer: Expected = { ...customerToo, customer: 'FORBIDDEN' };
  const anyone: Expected = { anonymous: 'OK', customer: 'OK', staff: 'OK', admin: 'OK' };
  /** An estimate link's token for a spare work order of Alice's (or `workOrderId`). */
  async function spareToken(workOrderId?: number) {
    const id = workOrderId ?? (await spareWorkOrder()).id;
    const staffId = (
      await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'staff@garage.test' } })
    ).id;
    return api.db.prisma.$transaction((tx) => createEstimateLink(tx, id, staffId));
  }
  const customerOnly: Expected = {
    anonymous: 'UNAUTHORIZED',
    customer: 'OK',
    staff: 'FORBIDDEN',
    admin: 'FORBIDDEN',
  };

  /** A day of its own (weeks ahead) for each booking, so no two clash. */
  let spareDays = 100;
  const spareDay = () => new Date(Date.now() + ++spareDays * 86_400_000).toISOString().slice(0, 10);
  /** A booking of the first bay, 09:00-10:00 UTC on a day of its own. */
  async function spareBooking(vehicleId = aliceVehicleId) {
    const bayId = (
      await api.db.prisma.bay.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } })
    ).id;
    const day = spareDay();
    return {
      vehicleId,
      concern: 'Brakes',
      startsAt: new Date(`${day}T09:00:00Z`),
      endsAt: new Date(`${day}T10:00:00Z`),
      bayId,
      channel: 'phone' as const,
    };
  }
  /** An appointment booked by staff (or requested, written directly): id, version and time. */
  async function bookedByStaff(
    status: 'booked' | 'requested' = 'booked',
    vehicleId = aliceVehicleId,
  ) {
    const booked = await clients.staff.schedule.book.mutate(await spareBooking(vehicleId));
    if (status === 'requested') {
      await api.db.prisma.appointment.update({ where: { id: booked.id }, data: { status } });
    }
    return {
      id: booked.id,
      version: booked.version,
      startsAt: booked.startsAt,
      endsAt: booked.endsAt,
    };
  }

  const idAndVersion = ({ id, version }: { id: number; version: number }) => ({ id, version });

  const cases: [string, Expected, (c: Client) => Promise<unknown>][] = [
    [
      'auth.me',
      { anonymous: 'OK', customer: 'OK', staff: 'OK', admin: 'OK' },
      (c) => c.auth.me.query(),
    ],
    ['customer.list', staffOnly, (c) => c.customer.list.query({})],
    ['customer.byId', staffOnly, (c) => c.customer.byId.query({ id: 1 })],
    ['customer.create', staffOnly, (c) => c.customer.create.mutate({ name: `New ${++sequence}` })],
    [
      'customer.update',
      staffOnly,
      async (c) => c.customer.update.mutate({ ...(await spareCustomer()), notes: 'called' }),
    ],
    ['customer.delete', staffOnly, async (c) => c.customer.delete.mutate(await spareCustomer())],
    ['vehicle.list', staffOnly, (c) => c.vehicle.list.query({})],
    [
      'vehicle.byId (own vehicle for the customer)',
      { anonymous: 'UNAUTHORIZED', customer: 'OK', staff: 'OK', admin: 'OK' },
      (c) => c.vehicle.byId.query({ id: aliceVehicleId }),
    ],
    [
      "vehicle.byId (another customer's vehicle)",
      { anonymous: 'UNAUTHORIZED', customer: 'FORBIDDEN', staff: 'OK', admin: 'OK' },
      (c) => c.vehicle.byId.query({ id: bobVehicleId }),
    ],
    [
      'vehicle.create',
      staffOnly,
      async (c) => {
        const owner = await spareCustomer();
        const serial = String(800_000 + ++sequence).padStart(6, '0');
        const { vinCheckDigit } = await import('@garage/validators');
        const draft = `JTDKB20U0X7${serial}`;
        const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
        return c.vehicle.create.mutate({
          ownerId: owner.id,
          vin,
          plate: 'AB12 CDE',
          make: 'Toyota',
          model: 'Prius',
          year: 2015,
          mileage: 1000,
        });
      },
    ],
    [
      'vehicle.update',
      staffOnly,
      async (c) => c.vehicle.update.mutate({ ...(await spareVehicle()), mileage: 10 }),
    ],
    ['vehicle.delete', staffOnly, async (c) => c.vehicle.delete.mutate(await spareVehicle())],
    [
      'portal.myVehicles',
      { anonymous: 'UNAUTHORIZED', customer: 'OK', staff: 'FORBIDDEN', admin: 'FORBIDDEN' },
      (c) => c.portal.myVehicles.query(),
    ],
    [
      'portal.myWorkOrders',
      { anonymous: 'UNAUTHORIZED', customer: 'OK', staff: 'FORBIDDEN', admin: 'FORBIDDEN' },
      (c) => c.portal.myWorkOrders.query(),
    ],
    [
      'vehicle.history (own vehicle for the customer)',
      customerToo,
      (c) => c.vehicle.history.query({ vehicleId: aliceVehicleId }),
    ],
    [
      "vehicle.history (another customer's vehicle)",
      notThisCustomer,
      (c) => c.vehicle.history.query({ vehicleId: bobVehicleId }),
    ],
    [
      'vehicle.decodeVin',
      staffOnly,
      (c) => c.vehicle.decodeVin.query({ vin: '1HGCM82633A004352' }),
    ],
    ['workOrder.list', staffOnly, (c) => c.workOrder.list.query({})],
    ['workOrder.board', staffOnly, (c) => c.workOrder.board.query()],
    ['workOrder.technicians', staffOnly, (c) => c.workOrder.technicians.query()],
    [
      "workOrder.byId (the customer's own work order)",
      customerToo,
      async (c) => c.workOrder.byId.query({ id: (await spareWorkOrder()).id }),
    ],
    [
      "workOrder.byId (another customer's work order)",
      notThisCustomer,
      async (c) => c.workOrder.byId.query({ id: (await spareWorkOrder(bobCustomerId)).id }),
    ],
    [
      'workOrder.create',
      staffOnly,
      async (c) =>
        c.workOrder.create.mutate({
          vehicleId: (await spareVehicle()).id,
          concern: 'Noise',
          odometerIn: 5,
        }),
    ],
    [
      'workOrder.update',
      staffOnly,
      async (c) => {
        const { id, version } = await spareWorkOrder();
        return c.workOrder.update.mutate({ id, version, notes: 'called' });
      },
    ],
    [
      'workOrder.addLine',
      staffOnly,
      async (c) =>
        c.workOrder.addLine.mutate({
          workOrderId: (await spareWorkOrder()).id,
          kind: 'part',
          description: 'Bulb',
          quantity: '2',
          unitPriceCents: 300,
        }),
    ],
    [
      'workOrder.updateLine',
      staffOnly,
      async (c) => c.workOrder.updateLine.mutate({ ...(await spareLine()), quantity: '2' }),
    ],
    [
      'workOrder.removeLine',
      staffOnly,
      async (c) => c.workOrder.removeLine.mutate(await spareLine()),
    ],
    [
      "workOrder.decideLines (the customer's own work order)",
      customerToo,
      async (c) => c.workOrder.decideLines.mutate(decideFirstLine(await spareWorkOrder())),
    ],
    [
      "workOrder.decideLines (another customer's work order)",
      notThisCustomer,
      async (c) =>
        c.workOrder.decideLines.mutate(decideFirstLine(await spareWorkOrder(bobCustomerId))),
    ],
    [
      'workOrder.setStatus',
      staffOnly,
      async (c) =>
        c.workOrder.setStatus.mutate({ id: (await spareWorkOrder()).id, status: 'cancelled' }),
    ],
    [
      'workOrder.invoice',
      staffOnly,
      async (c) => c.workOrder.invoice.mutate({ id: (await spareReadyWorkOrder()).id }),
    ],
    [
      'workOrder.addPayment',
      staffOnly,
      async (c) =>
        c.workOrder.addPayment.mutate({
          workOrderId: (await spareInvoicedWorkOrder()).id,
          amountCents: 40,
          method: 'cash',
        }),
    ],
    [
      'workOrder.voidPayment',
      staffOnly,
      async (c) => {
        const invoiced = await spareInvoicedWorkOrder();
        const paid = await clients.staff.workOrder.addPayment.mutate({
          workOrderId: invoiced.id,
          amountCents: 40,
          method: 'cash',
        });
        return c.workOrder.voidPayment.mutate({
          paymentId: paid.payments[0]?.id ?? 0,
          reason: 'typed wrong',
        });
      },
    ],
    [
      'workOrder.refund',
      staffOnly,
      async (c) => {
        const invoiced = await spareInvoicedWorkOrder();
        await clients.staff.workOrder.addPayment.mutate({
          workOrderId: invoiced.id,
          amountCents: 40,
          method: 'cash',
        });
        return c.workOrder.refund.mutate({
          workOrderId: invoiced.id,
          amountCents: 10,
          method: 'cash',
          reason: 'goodwill',
        });
      },
    ],
    [
      'workOrder.creditInvoice',
      staffOnly,
      async (c) =>
        c.workOrder.creditInvoice.mutate({
          id: (await spareInvoicedWorkOrder()).id,
          reason: 'wrong address',
        }),
    ],
    ['savedJob.list', staffOnly, (c) => c.savedJob.list.query()],
    [
      'savedJob.create',
      staffOnly,
      (c) =>
        c.savedJob.create.mutate({
          name: `Job ${++sequence}`,
          lines: [{ kind: 'labor', description: 'Look', quantity: '1', unitPriceCents: 100 }],
        }),
    ],
    [
      'savedJob.update',
      staffOnly,
      async (c) => c.savedJob.update.mutate({ ...(await spareSavedJob()), name: 'Renamed' }),
    ],
    ['savedJob.delete', staffOnly, async (c) => c.savedJob.delete.mutate(await spareSavedJob())],
    [
      'savedJob.insert',
      staffOnly,
      async (c) =>
        c.savedJob.insert.mutate({
          workOrderId: (await spareWorkOrder()).id,
          savedJobId: (await spareSavedJob()).id,
        }),
    ],
    ['inspection.templates', staffOnly, (c) => c.inspection.templates.query()],
    [
      'inspection.createTemplate',
      adminOnly,
      (c) =>
        c.inspection.createTemplate.mutate({
          name: `Template ${++sequence}`,
          items: [{ section: 'Tyres', label: 'Tread', unit: 'mm', requiredLimit: '3' }],
        }),
    ],
    [
      'inspection.updateTemplate',
      adminOnly,
      async (c) => c.inspection.updateTemplate.mutate({ ...(await spareTemplate()), name: 'New' }),
    ],
    [
      'inspection.deleteTemplate',
      adminOnly,
      async (c) => c.inspection.deleteTemplate.mutate(await spareTemplate()),
    ],
    [
      "inspection.byWorkOrder (the customer's own work order)",
      customerToo,
      async (c) => c.inspection.byWorkOrder.query({ workOrderId: (await spareWorkOrder()).id }),
    ],
    [
      "inspection.byWorkOrder (another customer's work order)",
      notThisCustomer,
      async (c) =>
        c.inspection.byWorkOrder.query({ workOrderId: (await spareWorkOrder(bobCustomerId)).id }),
    ],
    ['inspection.boardProgress', staffOnly, (c) => c.inspection.boardProgress.query()],
    ['inspection.wearDueSoon', staffOnly, (c) => c.inspection.wearDueSoon.query()],
    [
      'inspection.measurements (own vehicle for the customer)',
      customerToo,
      (c) => c.inspection.measurements.query({ vehicleId: aliceVehicleId }),
    ],
    [
      "inspection.measurements (another customer's vehicle)",
      notThisCustomer,
      (c) => c.inspection.measurements.query({ vehicleId: bobVehicleId }),
    ],
    [
      'inspection.start',
      staffOnly,
      async (c) => c.inspection.start.mutate({ workOrderId: (await spareWorkOrder()).id }),
    ],
    [
      'inspection.gradeItem',
      staffOnly,
      async (c) => {
        const { id, version } = await spareInspectionItem();
        return c.inspection.gradeItem.mutate({ id, version, grade: 'ok' });
      },
    ],
    [
      'inspection.recommend',
      staffOnly,
      async (c) => c.inspection.recommend.mutate({ itemId: (await spareInspectionItem()).id }),
    ],
    [
      'inspection.removePhoto',
      staffOnly,
      async (c) => c.inspection.removePhoto.mutate({ id: (await spareInspectionItem()).photoId }),
    ],
    ['reminder.dueSoon', staffOnly, (c) => c.reminder.dueSoon.query({})],
    [
      'reminder.insertSavedJob',
      staffOnly,
      async (c) => {
        const { vehicleId } = await spareWorkOrder();
        const reminder = await api.db.prisma.serviceReminder.create({
          data: { vehicleId, description: 'Spare service', dueMileage: 900_000 },
        });
        const job = await spareSavedJob();
        return c.reminder.insertSavedJob.mutate({ reminderId: reminder.id, savedJobId: job.id });
      },
    ],
    ['settings.shop', customerToo, (c) => c.settings.shop.query()],
    ['settings.get', staffOnly, (c) => c.settings.get.query()],
    ['settings.update', adminOnly, (c) => c.settings.update.mutate({ phone: '+1 555 010 0000' })],
    [
      'message.forWorkOrder',
      staffOnly,
      async (c) => c.message.forWorkOrder.query({ workOrderId: (await spareWorkOrder()).id }),
    ],
    [
      'message.forCustomer',
      staffOnly,
      (c) => c.message.forCustomer.query({ customerId: aliceCustomerId }),
    ],
    [
      'message.estimateReady',
      staffOnly,
      async (c) => c.message.estimateReady.mutate({ workOrderId: (await spareWorkOrder()).id }),
    ],
    [
      'message.send',
      staffOnly,
      async (c) =>
        c.message.send.mutate({
          workOrderId: (await spareWorkOrder()).id,
          subject: 'Hello',
          body: 'Your car',
        }),
    ],
    [
      'message.revokeLinks',
      staffOnly,
      async (c) => c.message.revokeLinks.mutate({ workOrderId: (await spareWorkOrder()).id }),
    ],
    ['message.templates', staffOnly, (c) => c.message.templates.query()],
    [
      'message.updateTemplate',
      adminOnly,
      (c) =>
        c.message.updateTemplate.mutate({
          kind: 'manual',
          subject: '{{subject}}',
          body: '{{message}}',
        }),
    ],
    [
      'message.setSending',
      adminOnly,
      (c) => c.message.setSending.mutate({ kind: 'appointment_reminder', send: true }),
    ],
    [
      'message.setPreferences',
      staffOnly,
      (c) =>
        c.message.setPreferences.mutate({ customerId: aliceCustomerId, marketingOptOut: true }),
    ],
    // The estimate link answers whoever holds its token, signed in or not, any role.
    [
      'estimateLink.open',
      anyone,
      async (c) => c.estimateLink.open.query({ token: await spareToken() }),
    ],
    [
      'estimateLink.decide',
      anyone,
      async (c) => {
        const workOrder = await spareWorkOrder();
        return c.estimateLink.decide.mutate({
          token: await spareToken(workOrder.id),
          decisions: [{ lineId: workOrder.lines[0]?.id ?? 0, approved: true }],
        });
      },
    ],
    // The schedule (each booking on its own day, so none clashes with another).
    ['schedule.setup', staffOnly, (c) => c.schedule.setup.query()],
    ['schedule.day', staffOnly, (c) => c.schedule.day.query({ day: '2031-01-06' })],
    ['schedule.week', staffOnly, (c) => c.schedule.week.query({ start: '2031-01-06' })],
    ['schedule.book', staffOnly, async (c) => c.schedule.book.mutate(await spareBooking())],
    [
      'schedule.move',
      staffOnly,
      async (c) => {
        const { id, version, startsAt, endsAt } = await bookedByStaff();
        return c.schedule.move.mutate({
          id,
          version,
          startsAt,
          endsAt: new Date(endsAt.getTime() + 1_800_000),
        });
      },
    ],
    [
      'schedule.confirm',
      staffOnly,
      async (c) => c.schedule.confirm.mutate(idAndVersion(await bookedByStaff('requested'))),
    ],
    [
      'schedule.arrive',
      staffOnly,
      async (c) => c.schedule.arrive.mutate(idAndVersion(await bookedByStaff())),
    ],
    [
      'schedule.noShow',
      staffOnly,
      async (c) => c.schedule.noShow.mutate(idAndVersion(await bookedByStaff())),
    ],
    [
      'schedule.cancel',
      staffOnly,
      async (c) => c.schedule.cancel.mutate(idAndVersion(await bookedByStaff())),
    ],
    [
      'schedule.createBay',
      adminOnly,
      (c) => c.schedule.createBay.mutate({ name: `Bay ${++sequence}` }),
    ],
    [
      'schedule.updateBay',
      adminOnly,
      async (c) => {
        const bay = await api.db.prisma.bay.create({ data: { name: `Spare bay ${++sequence}` } });
        return c.schedule.updateBay.mutate({ id: bay.id, version: bay.version, position: 3 });
      },
    ],
    [
      'schedule.setOpeningHours',
      adminOnly,
      (c) => c.schedule.setOpeningHours.mutate({ hours: everyDay }),
    ],
    [
      'schedule.setWorkingHours',
      adminOnly,
      async (c) =>
        c.schedule.setWorkingHours.mutate({
          technicianId: (
            await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'tom@garage.test' } })
          ).id,
          hours: [{ weekday: 1, startMinute: 480, endMinute: 1020 }],
          daysOff: [],
        }),
    ],
    [
      'schedule.updateSettings',
      adminOnly,
      (c) => c.schedule.updateSettings.mutate({ portalCutoffHours: 24 }),
    ],
    [
      'portalSchedule.slots',
      customerOnly,
      (c) => c.portalSchedule.slots.query({ day: '2031-01-06' }),
    ],
    ['portalSchedule.mine', customerOnly, (c) => c.portalSchedule.mine.query()],
    [
      'portalSchedule.request',
      customerOnly,
      async (c) => {
        // Within the portal's horizon (21 days); each successful request takes the next free slot.
        const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
        const slot = (await clients.customer.portalSchedule.slots.query({ day })).slots[0];
        return c.portalSchedule.request.mutate({
          vehicleId: aliceVehicleId,
          startsAt: slot?.startsAt ?? new Date(),
          concern: 'Rattle',
        });
      },
    ],
    [
      "portalSchedule.cancel (the customer's own appointment)",
      customerOnly,
      async (c) => {
        const { id, version } = await bookedByStaff('booked', aliceVehicleId);
        return c.portalSchedule.cancel.mutate({ id, version });
      },
    ],
    [
      "portalSchedule.cancel (another customer's appointment)",
      { ...customerOnly, customer: 'FORBIDDEN' },
      async (c) => {
        const { id, version } = await bookedByStaff('booked', bobVehicleId);
        return c.portalSchedule.cancel.mutate({ id, version });
      },
    ],
    ['cache.stats', adminOnly, (c) => c.cache.stats.query()],
    ['cache.entries', adminOnly, (c) => c.cache.entries.query({})],
    ['cache.count', adminOnly, (c) => c.cache.count.query({ route: 'vehicle.list' })],
    ['cache.invalidate', adminOnly, (c) => c.cache.invalidate.mutate({ tag: 'owner:999999' })],
    ['cache.audit', adminOnly, (c) => c.cache.audit.query({})],
  ];

  it.each(cases)('%s', async (_name, expected, call) => {
    const actual: Record<string, string> = {};
    for (const who of Object.keys(expected) as Who[])
      actual[who] = await outcome(call(clients[who]));
    expect(actual).toEqual(expected);
  });

  it('covers every procedure of the router', async () => {
    const { appRouter } = await import('../src/root');
    const covered = new Set(cases.map(([name]) => name.split(' ')[0]));
    const all = Object.keys(appRouter._def.procedures).filter(
      // live.events is a subscription (SSE): its roles are checked in live-limits.test.ts.
      (path) =>
        !path.startsWith('system.') &&
        path !== 'auth.login' &&
        path !== 'auth.logout' &&
        path !== 'live.events',
    );
    expect(all.filter((path) => !covered.has(path))).toEqual([]);
  });

  it("settings.shop shows every role the shop's profile and none of its rates", async () => {
    const settings = await clients.admin.settings.get.query();
    const profile = {
      name: settings.name,
      address: settings.address,
      phone: settings.phone,
      currency: settings.currency,
      locale: settings.locale,
      timeZone: settings.timeZone,
    };
    for (const who of ['customer', 'staff', 'admin'] as const)
      expect(await clients[who].settings.shop.query()).toEqual(profile);
  });

  it('auth.login refuses a wrong password with UNAUTHORIZED and signs in with the right one', async () => {
    const client = api.anonymous();
    expect(
      await outcome(client.auth.login.mutate({ email: 'bob@garage.test', password: 'nope' })),
    ).toBe('UNAUTHORIZED');
    expect(
      await outcome(
        client.auth.login.mutate({ email: 'bob@garage.test', password: 'garage-demo' }),
      ),
    ).toBe('OK');
    expect(await client.auth.me.query()).toMatchObject({
      email: 'bob@garage.test',
      role: 'customer',
    });
  });

  it('auth.logout ends the session on the server: the old cookie is anonymous afterwards', async () => {
    const call = (path: string, cookie: string, body?: unknown) =>
      fetch(`${api.base}/trpc/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify({ json: body }) }),
      });
    const login = await call('auth.login', '', {
      email: 'staff@garage.test',
      password: 'garage-demo',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^garage_session=.{20,}/);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect((await call('customer.list', cookie)).status).toBe(200);

    expect((await call('auth.logout', cookie, null)).status).toBe(200);
    expect((await call('customer.list', cookie)).status).toBe(401);
    expect(await outcome(api.anonymous().auth.logout.mutate())).toBe('UNAUTHORIZED');
  });
});
