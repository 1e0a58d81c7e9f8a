import { startSmtp, type TestSmtp } from '@garage/test-services/smtp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, wallClock } from '../src/domain/schedule/shop-clock';
import { type Client, outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { dayFromToday, setUpSchedule, utc } from './support/schedule';
import { customerIdOf, freshVehicle } from './support/work-orders';

// An appointment's messages through the real API and a real SMTP server: the confirmation is
// written in the commit that makes the appointment `booked`, and the morning round (service due,
// tomorrow's appointments) writes at the shop's morning in its zone, once per reminder, however
// many API instances run it. The round's clock is injected; the delivery is real.

const delivery = {
  pollMs: 25,
  leaseMs: 10_000,
  batchSize: 20,
  retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
};

/** Intl's spaces (a narrow no-break space before AM/PM) as plain ones, to compare text. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('appointment messages and the morning round', () => {
  let smtp: TestSmtp;
  let first: TestApi;
  let second: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let bays: number[] = [];
  let aliceVehicle = 0;
  /** The morning round's clock, shared by both instances. */
  let now = new Date();

  beforeAll(async () => {
    smtp = await startSmtp();
    const databaseUrl = await seededDatabaseUrl();
    const messages = {
      smtpUrl: smtp.url,
      from: 'Garage <shop@garage.test>',
      webUrl: 'http://garage.test',
      delivery,
      clock: () => now,
    };
    [first, second] = await Promise.all([
      startApi({ databaseUrl, redisUrl: inject('redisUrl'), messages }),
      startApi({ databaseUrl, redisUrl: inject('redisUrl'), messages }),
    ]);
    [staff, admin, alice] = await Promise.all([
      first.as('staff'),
      first.as('admin'),
      first.as('alice'),
    ]);
    bays = await setUpSchedule(first, admin, ['Bay A', 'Bay B']);
    aliceVehicle = (await freshVehicle(first, await customerIdOf(first, 'alice'))).id;
  });
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await smtp.stop();
  });

  /** The shop's zone and locale (written straight to its settings). */
  async function shopIn(timeZone: string, locale: string) {
    await first.db.prisma.shopSettings.update({ where: { id: 1 }, data: { timeZone, locale } });
  }

  /** Waits until each message has left the queue; returns the rows. */
  async function settled(ids: number[]) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await first.db.prisma.message.findMany({
        where: { id: { in: ids } },
        orderBy: { id: 'asc' },
      });
      if (rows.every((row) => row.status !== 'queued')) return rows;
      if (Date.now() > deadline) throw new Error(`messages ${ids.join(', ')} still queued`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const mailsWith = (messageId: string) =>
    smtp.received.filter((mail) => mail.messageId === messageId);

  const messagesOfAppointment = (appointmentId: number) =>
    first.db.prisma.message.findMany({ where: { appointmentId }, orderBy: { id: 'asc' } });

  it('a booking writes its confirmation in the same commit; a request none until staff confirm it', async () => {
    await shopIn('America/Chicago', 'en-US');
    const day = dayFromToday(20);
    // 15:00 UTC in December is 09:00 in Chicago (UTC-6).
    const booking = {
      vehicleId: aliceVehicle,
      concern: 'Brakes squeal',
      startsAt: utc(day, '15:00'),
      endsAt: utc(day, '16:00'),
      bayId: bays[0] ?? 0,
      channel: 'phone' as const,
    };
    const booked = await staff.schedule.book.mutate(booking);
    expect(booked.message?.status).toBe('queued');
    const [confirmation] = await settled([booked.message?.id ?? 0]);
    expect(confirmation).toMatchObject({
      kind: 'appointment_confirmation',
      appointmentId: booked.id,
      status: 'sent',
      workOrderId: null,
    });
    const [mail] = mailsWith(confirmation?.messageId ?? '');
    expect(mail?.to).toBe('alice@garage.test');
    const dayText = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'full',
      timeZone: 'America/Chicago',
    }).format(booking.startsAt);
    expect(plain(mail?.text ?? '')).toContain(`on ${dayText} at 9:00 AM`);
    // Staff see it on the customer's page.
    const list = await staff.message.forCustomer.query({ customerId: booked.customer?.id ?? 0 });
    expect(list.messages[0]).toMatchObject({ kind: 'appointment_confirmation', status: 'sent' });

    // A clash is refused and rolls its confirmation back with it.
    const before = await first.db.prisma.message.count();
    expect(await outcome(staff.schedule.book.mutate(booking))).toBe('CONFLICT');
    expect(await first.db.prisma.message.count()).toBe(before);

    // A caller drafted on the phone has no customer record: nothing to write to.
    const drafted = await staff.schedule.book.mutate({
      ...booking,
      vehicleId: undefined,
      draft: { name: 'Caller', phone: '+1 555 0199' },
      bayId: bays[1] ?? 0,
    });
    expect(drafted.message).toBeNull();

    // The portal's request is `requested`: no confirmation until staff confirm it.
    const { slots } = await alice.portalSchedule.slots.query({ day: dayFromToday(12) });
    const slot = slots[0];
    if (!slot) throw new Error('no free slot');
    const requested = await alice.portalSchedule.request.mutate({
      vehicleId: aliceVehicle,
      startsAt: slot.startsAt,
      concern: 'Oil change',
    });
    expect(await messagesOfAppointment(requested.id)).toEqual([]);
    const confirmed = await staff.schedule.confirm.mutate({
      id: requested.id,
      version: requested.version,
    });
    expect(confirmed.message?.status).toBe('queued');
    expect((await messagesOfAppointment(requested.id)).map((row) => row.kind)).toEqual([
      'appointment_confirmation',
    ]);
  });

  /**
   * A shop in `timeZone`: a customer with a service due and five appointments on the day after
   * `today` (booked, cancelled, no-show, requested) and one the day after that, in a bay of its own.
   */
  async function shopWithReminders(timeZone: string, locale: string, today: string) {
    await shopIn(timeZone, locale);
    const { prisma } = first.db;
    const customer = await prisma.customer.create({
      data: {
        name: `Reminded in ${timeZone}`,
        email: `${timeZone.replace('/', '-').toLowerCase()}@garage.test`,
      },
    });
    const vehicle = await freshVehicle(first, customer.id);
    const bay = await prisma.bay.create({ data: { name: `Bay of ${timeZone}` } });
    const tomorrow = addDays(today, 1);
    const at = (
      day: string,
      hour: number,
      status: 'booked' | 'cancelled' | 'no_show' | 'requested',
    ) =>
      prisma.appointment.create({
        data: {
          customerId: customer.id,
          vehicleId: vehicle.id,
          concern: `${status} at ${hour}`,
          startsAt: wallClock(day, hour * 60, timeZone),
          endsAt: wallClock(day, hour * 60 + 30, timeZone),
          bayId: bay.id,
          status,
          channel: 'phone',
        },
        select: { id: true },
      });
    const booked = await at(tomorrow, 10, 'booked');
    const closed = [
      await at(tomorrow, 11, 'cancelled'),
      await at(tomorrow, 12, 'no_show'),
      await at(tomorrow, 13, 'requested'),
    ];
    const later = await at(addDays(today, 2), 10, 'booked');
    const reminder = await prisma.serviceReminder.create({
      data: {
        vehicleId: vehicle.id,
        description: 'Annual service',
        dueDate: new Date(`${tomorrow}T00:00:00Z`),
      },
    });
    return { customer, booked, closed, later, reminder, tomorrow };
  }

  /** Both instances run the morning round at once, at `instant`; answers how many each wrote. */
  async function bothRoundsAt(instant: Date) {
    now = instant;
    return Promise.all([first.app.messaging.morningRound(), second.app.messaging.morningRound()]);
  }

  it.each([
    // West of UTC: 08:30 in Chicago is 14:30 UTC the same day.
    ['America/Chicago', 'en-US', '10:00 AM'],
    // East of UTC: 08:30 in Auckland (UTC+13 in summer) is 19:30 UTC the day before.
    ['Pacific/Auckland', 'en-NZ', '10:00 am'],
  ])(
    "in %s: the round writes at the shop's morning, once per reminder with two instances, and a moved appointment is reminded of for its new day",
    async (timeZone, locale, tenOClock) => {
      const today = dayFromToday(5);
      const shop = await shopWithReminders(timeZone, locale, today);
      const { prisma } = first.db;
      const ours = { customerId: shop.customer.id };

      // Before the morning, and after it, in the shop's zone: nothing.
      expect(await bothRoundsAt(wallClock(today, 7 * 60 + 45, timeZone))).toEqual([0, 0]);
      expect(await bothRoundsAt(wallClock(today, 12 * 60 + 15, timeZone))).toEqual([0, 0]);
      expect(await prisma.message.count({ where: ours })).toBe(0);

      // The morning: two instances at once write each reminder once between them.
      const before = await prisma.message.count();
      const written = await bothRoundsAt(wallClock(today, 8 * 60 + 30, timeZone));
      expect(written[0] + written[1]).toBe((await prisma.message.count()) - before);
      const mine = await prisma.message.findMany({ where: ours, orderBy: { id: 'asc' } });
      expect(mine.map((row) => [row.kind, row.appointmentId ?? row.serviceReminderId])).toEqual([
        ['service_due', shop.reminder.id],
        ['appointment_reminder', shop.booked.id],
      ]);
      // A later round that morning, on either instance, finds nothing left to write.
      expect(await bothRoundsAt(wallClock(today, 9 * 60, timeZone))).toEqual([0, 0]);

      const rows = await settled(mine.map((row) => row.id));
      for (const row of rows) {
        expect(row.status).toBe('sent');
        expect(mailsWith(row.messageId)).toHaveLength(1);
      }
      const reminderMail = mailsWith(rows[1]?.messageId ?? '')[0];
      expect(plain(reminderMail?.subject ?? '')).toBe(`See you tomorrow at ${tenOClock}`);

      // Moved to the day after: the next morning reminds of it for its new day, once.
      await prisma.appointment.update({
        where: { id: shop.booked.id },
        data: {
          startsAt: wallClock(addDays(today, 2), 14 * 60, timeZone),
          endsAt: wallClock(addDays(today, 2), 15 * 60, timeZone),
        },
      });
      await bothRoundsAt(wallClock(shop.tomorrow, 8 * 60 + 5, timeZone));
      const reminders = await prisma.message.findMany({
        where: { ...ours, kind: 'appointment_reminder' },
        orderBy: { onceKey: 'asc' },
        select: { onceKey: true },
      });
      const dayAfter = addDays(today, 2);
      expect(reminders.map((row) => row.onceKey)).toEqual(
        [
          `appointment-reminder:${shop.booked.id}:${shop.tomorrow}`,
          `appointment-reminder:${shop.booked.id}:${dayAfter}`,
          `appointment-reminder:${shop.later.id}:${dayAfter}`,
        ].sort(),
      );
      // Cancelled, no-show and requested appointments got none.
      for (const closed of shop.closed) expect(await messagesOfAppointment(closed.id)).toEqual([]);
    },
  );

  it('a customer who opted out of reminders gets none, and staff see why', async () => {
    const today = dayFromToday(9);
    const shop = await shopWithReminders('Europe/Berlin', 'de-DE', today);
    await staff.message.setPreferences.mutate({
      customerId: shop.customer.id,
      remindersOptOut: true,
    });
    await bothRoundsAt(wallClock(today, 9 * 60, 'Europe/Berlin'));
    const rows = await first.db.prisma.message.findMany({
      where: { customerId: shop.customer.id },
      select: { kind: true, status: true, reason: true },
      orderBy: { id: 'asc' },
    });
    expect(rows).toEqual(
      ['service_due', 'appointment_reminder'].map((kind) => ({
        kind,
        status: 'not_sent',
        reason: 'the customer opted out of reminders',
      })),
    );
  });
});
