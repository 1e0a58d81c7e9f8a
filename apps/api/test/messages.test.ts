import type { MessageStatus } from '@garage/db';
import { estimateTokenIn, startSmtp, type TestSmtp } from '@garage/test-services/smtp';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDeliveryWorker } from '../src/services/messages/delivery-worker';
import type { MessageTransport, OutgoingMessage } from '../src/services/messages/mail-transport';
import { defaultDeliveryOptions } from '../src/services/messages/messaging';
import { writeMessage } from '../src/services/messages/outbox';
import { writeServiceDueMessages } from '../src/services/messages/service-due';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { pdfText } from './support/pdf-text';
import {
  customerIdOf,
  estimateWithLine,
  freshVehicle,
  workOrderWithLine,
} from './support/work-orders';

// Messages to customers through a real SMTP server (smtp-server, on a free port): the outbox is
// written with the change that causes it, the worker delivers each message once, retries, and
// ends in `failed` with the reason; the estimate link opens its one work order.

/** Fast retries: four attempts, 20 ms doubling. */
const delivery = {
  pollMs: 25,
  leaseMs: 10_000,
  batchSize: 5,
  retry: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 },
};
const webUrl = 'http://garage.test';

describe('messages to customers', () => {
  let smtp: TestSmtp;
  let databaseUrl: string;
  let api: TestApi;
  let staff: Client;
  let aliceId: number;

  beforeAll(async () => {
    smtp = await startSmtp();
    databaseUrl = await seededDatabaseUrl();
    api = await startApi({
      databaseUrl,
      redisUrl: inject('redisUrl'),
      messages: { smtpUrl: smtp.url, from: 'Garage <shop@garage.test>', webUrl, delivery },
    });
    staff = await api.as('staff');
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(async () => {
    await api.stop();
    await smtp.stop();
  });

  /** An estimate of `customerId` with two pending lines, written straight to the database. */
  async function estimate(customerId = aliceId) {
    const made = await estimateWithLine(api, customerId);
    const second = await api.db.prisma.workOrderLine.create({
      data: {
        workOrderId: made.id,
        position: 2,
        kind: 'part',
        description: 'Wiper blades',
        quantity: '2',
        unitPriceCents: 1_500,
        taxRateBps: 0,
      },
    });
    return { id: made.id, lineIds: [made.lines[0]?.id ?? 0, second.id] };
  }

  /** Waits until the message has left the queue; returns its row. */
  async function settled(id: number) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const row = await api.db.prisma.message.findUniqueOrThrow({ where: { id } });
      if (row.status !== 'queued') return row;
      if (Date.now() > deadline) throw new Error(`message ${id} still queued`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The newest message of a work order. */
  async function lastMessageOf(workOrderId: number) {
    return api.db.prisma.message.findFirstOrThrow({
      where: { workOrderId },
      orderBy: { id: 'desc' },
    });
  }

  const mailsWith = (messageId: string) =>
    smtp.received.filter((mail) => mail.messageId === messageId);

  it('an estimate marked ready sends exactly one mail, whose link opens that work order signed out', async () => {
    const { id } = await estimate();
    const written = await staff.message.estimateReady.mutate({ workOrderId: id });
    expect(written.message?.status).toBe('queued');
    const row = await settled(written.message?.id ?? 0);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, reason: null, pendingLink: null });
    // Another round on this instance finds nothing left to send.
    await api.app.messaging.worker.deliverDue();
    const mails = mailsWith(row.messageId);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error('no mail');
    expect(mail.to).toBe('alice@garage.test');
    expect(mail.subject).toMatch(/estimate/i);
    // The stored message holds no token: only the mail does.
    const token = estimateTokenIn(mail);
    expect(row.text).not.toContain(token);
    expect(row.html).not.toContain(token);
    expect(mail.html).toContain(`href="${webUrl}/estimate/${token}"`);

    const page = await api.anonymous().estimateLink.open.query({ token });
    expect(page.id).toBe(id);
    expect(page.lines).toHaveLength(2);
    expect(page).not.toHaveProperty('customer');
    expect(page).not.toHaveProperty('payments');
  });

  it('a rolled-back change sends nothing; a refused one writes nothing', async () => {
    const before = await api.db.prisma.message.count();
    const { id } = await estimate();
    await expect(
      api.db.prisma.$transaction(async (tx) => {
        await writeMessage(
          tx,
          { kind: 'ready', customerId: aliceId, workOrderId: id },
          api.app.messaging.addresses,
        );
        throw new Error('the change failed after its message was written');
      }),
    ).rejects.toThrow('the change failed');
    // An estimate with nothing awaiting a decision cannot be marked ready: nothing is written.
    const ready = await workOrderWithLine(api, aliceId);
    expect(await outcome(staff.message.estimateReady.mutate({ workOrderId: ready.id }))).toBe(
      'CONFLICT',
    );
    await api.app.messaging.worker.deliverDue();
    expect(await api.db.prisma.message.count()).toBe(before);
    expect(await api.db.prisma.estimateLink.count({ where: { workOrderId: ready.id } })).toBe(0);
  });

  it('a car ready and an invoice write their message in the same commit; the invoice carries its PDF', async () => {
    const made = await workOrderWithLine(api, aliceId, { status: 'in_progress' });
    await staff.workOrder.setStatus.mutate({ id: made.id, status: 'ready' });
    const ready = await settled((await lastMessageOf(made.id)).id);
    expect(ready).toMatchObject({ kind: 'ready', status: 'sent' });
    await staff.workOrder.invoice.mutate({ id: made.id });
    const invoice = await settled((await lastMessageOf(made.id)).id);
    expect(invoice).toMatchObject({ kind: 'invoice', status: 'sent' });
    const [mail] = mailsWith(invoice.messageId);
    expect(mail?.text).toContain(`${webUrl}/invoices/${made.id}.pdf`);
    // The PDF is drawn at delivery from the issued invoice; the outbox row keeps only text.
    const { invoiceNumber, number } = await api.db.prisma.workOrder.findUniqueOrThrow({
      where: { id: made.id },
      select: { invoiceNumber: true, number: true },
    });
    expect(
      mail?.attachments.map(({ filename, contentType }) => ({ filename, contentType })),
    ).toEqual([{ filename: `invoice-${invoiceNumber}.pdf`, contentType: 'application/pdf' }]);
    const pdf = await pdfText(new Uint8Array(mail?.attachments[0]?.content ?? []));
    expect(pdf).toContain(number);
    expect(invoice.html.length + invoice.text.length).toBeLessThan(5_000);
    // The ready message carries no file.
    expect(mailsWith(ready.messageId)[0]?.attachments).toEqual([]);
    // An invoice refused (it is invoiced already) writes no second message.
    expect(await outcome(staff.workOrder.invoice.mutate({ id: made.id }))).toBe('CONFLICT');
    expect(await api.db.prisma.message.count({ where: { workOrderId: made.id } })).toBe(2);
  });

  it('a server refusing for a while: sent after retries, once', async () => {
    const made = await workOrderWithLine(api, aliceId);
    smtp.refuseNext(2, 451);
    const written = await staff.message.send.mutate({
      workOrderId: made.id,
      subject: 'About your car',
      body: 'We found a second noise.',
    });
    const row = await settled(written.message?.id ?? 0);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, reason: null });
    expect(mailsWith(row.messageId)).toHaveLength(1);
    expect(mailsWith(row.messageId)[0]?.subject).toBe('About your car');
  });

  it('a server refusing for good: failed with its reason, after every attempt or at once for a 5xx', async () => {
    const made = await workOrderWithLine(api, aliceId);
    smtp.refuseAll(451);
    const retried = await staff.message.send.mutate({
      workOrderId: made.id,
      subject: 'Try later',
      body: 'Hello',
    });
    const failed = await settled(retried.message?.id ?? 0);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(delivery.retry.maxAttempts);
    expect(failed.reason).toMatch(/451/);
    expect(failed.failedAt).not.toBeNull();

    smtp.refuseAll(550);
    const refused = await staff.message.send.mutate({
      workOrderId: made.id,
      subject: 'Never',
      body: 'Hello',
    });
    const never = await settled(refused.message?.id ?? 0);
    expect(never).toMatchObject({ status: 'failed', attempts: 1 });
    expect(never.reason).toMatch(/550/);
    smtp.acceptAll();
    expect(mailsWith(failed.messageId)).toHaveLength(0);

    const list = await staff.message.forWorkOrder.query({ workOrderId: made.id });
    expect(list.messages.map((message) => [message.subject, message.status])).toEqual([
      ['Never', 'failed'],
      ['Try later', 'failed'],
    ]);
  });

  it('two API instances deliver each message once', async () => {
    const second = await startApi({
      databaseUrl,
      redisUrl: inject('redisUrl'),
      messages: { smtpUrl: smtp.url, from: 'Garage <shop@garage.test>', webUrl, delivery },
    });
    try {
      const made = await workOrderWithLine(api, aliceId);
      const ids: number[] = [];
      await api.db.prisma.$transaction(async (tx) => {
        for (let index = 0; index < 30; index++) {
          const message = await writeMessage(
            tx,
            {
              kind: 'manual',
              customerId: aliceId,
              workOrderId: made.id,
              values: { subject: `Batch ${index}`, message: 'Hello' },
            },
            api.app.messaging.addresses,
          );
          ids.push(message?.id ?? 0);
        }
      });
      // Both workers race for the batch, each also pushed to claim at once.
      await Promise.all([
        api.app.messaging.worker.deliverDue(),
        second.app.messaging.worker.deliverDue(),
      ]);
      const rows = await Promise.all(ids.map(settled));
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
      for (const row of rows) expect(mailsWith(row.messageId)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('a token opens only its own work order, and nothing once revoked, replaced or expired', async () => {
    const mine = await estimate();
    const other = await estimate();
    await staff.message.estimateReady.mutate({ workOrderId: mine.id });
    const row = await settled((await lastMessageOf(mine.id)).id);
    const [mail] = mailsWith(row.messageId);
    if (!mail) throw new Error('no mail');
    const token = estimateTokenIn(mail);
    const visitor = api.anonymous();

    // A line of another work order is not one of this one's: refused, nothing written.
    expect(
      await fieldErrors(
        visitor.estimateLink.decide.mutate({
          token,
          decisions: [{ lineId: other.lineIds[0] ?? 0, approved: true }],
        }),
      ),
    ).toEqual({ 'decisions.0.lineId': ['is not a line of this work order'] });
    // The token is no session: the visitor reaches nothing else.
    expect(await outcome(visitor.workOrder.byId.query({ id: mine.id }))).toBe('UNAUTHORIZED');
    expect(await outcome(visitor.portal.myVehicles.query())).toBe('UNAUTHORIZED');

    const decided = await visitor.estimateLink.decide.mutate({
      token,
      decisions: [
        { lineId: mine.lineIds[0] ?? 0, approved: true },
        { lineId: mine.lineIds[1] ?? 0, approved: false },
      ],
    });
    expect(decided.status).toBe('approved');
    const lines = await api.db.prisma.workOrderLine.findMany({
      where: { workOrderId: mine.id },
      orderBy: { position: 'asc' },
    });
    expect(lines.map((line) => [line.approval, line.decisionChannel, line.decidedById])).toEqual([
      ['approved', 'link', null],
      ['declined', 'link', null],
    ]);
    expect(
      (await api.db.prisma.workOrderLine.findMany({ where: { workOrderId: other.id } })).map(
        (line) => line.approval,
      ),
    ).toEqual(['pending', 'pending']);

    expect(await staff.message.revokeLinks.mutate({ workOrderId: mine.id })).toEqual({
      workOrderId: mine.id,
      revoked: 1,
    });
    expect(await outcome(visitor.estimateLink.open.query({ token }))).toBe('NOT_FOUND');

    // A newer estimate sent replaces the older link; an expired one opens nothing either.
    await staff.message.estimateReady.mutate({ workOrderId: other.id });
    const first = await api.db.prisma.estimateLink.findFirstOrThrow({
      where: { workOrderId: other.id },
    });
    await staff.message.estimateReady.mutate({ workOrderId: other.id });
    expect(
      (await api.db.prisma.estimateLink.findUniqueOrThrow({ where: { id: first.id } })).revokedAt,
    ).not.toBeNull();
    const newest = await settled((await lastMessageOf(other.id)).id);
    const newestToken = estimateTokenIn(mailsWith(newest.messageId)[0] ?? mail);
    expect((await visitor.estimateLink.open.query({ token: newestToken })).id).toBe(other.id);
    await api.db.prisma.estimateLink.updateMany({
      where: { workOrderId: other.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await outcome(visitor.estimateLink.open.query({ token: newestToken }))).toBe(
      'NOT_FOUND',
    );
    // A token that never was gets the same answer.
    expect(await outcome(visitor.estimateLink.open.query({ token: 'A'.repeat(43) }))).toBe(
      'NOT_FOUND',
    );
  });

  it('a customer without an email gets nothing, and staff see why; an opted-out one no reminder', async () => {
    const customer = await api.db.prisma.customer.create({ data: { name: 'No Mail' } });
    const vehicle = await freshVehicle(api, customer.id);
    const made = await api.db.prisma.workOrder.create({
      data: { vehicleId: vehicle.id, customerId: customer.id, concern: 'Squeak', odometerIn: 1 },
    });
    const written = await staff.message.send.mutate({
      workOrderId: made.id,
      subject: 'Hello',
      body: 'Hi',
    });
    expect(written.message).toMatchObject({
      status: 'not_sent' satisfies MessageStatus,
      reason: 'the customer has no email on file',
    });
    const list = await staff.message.forCustomer.query({ customerId: customer.id });
    expect(list.reach.email).toBeNull();
    expect(list.messages[0]).toMatchObject({
      status: 'not_sent',
      reason: 'the customer has no email on file',
    });

    // Service due: written in the shop's morning only, once per reminder, not to an opted-out customer.
    const optedOut = await api.db.prisma.customer.create({
      data: { name: 'Opted Out', email: 'opted-out@garage.test' },
    });
    await staff.message.setPreferences.mutate({ customerId: optedOut.id, remindersOptOut: true });
    const hisVehicle = await freshVehicle(api, optedOut.id);
    const reminder = await api.db.prisma.serviceReminder.create({
      data: { vehicleId: hisVehicle.id, description: 'Annual service', dueDate: new Date() },
    });
    // The shop's morning in its zone: Tokyo (UTC+9, no daylight saving), 09:30 there is 00:30 UTC.
    await api.db.prisma.shopSettings.update({ where: { id: 1 }, data: { timeZone: 'Asia/Tokyo' } });
    const today = new Date();
    const at = (tokyoHour: number) =>
      new Date(
        Date.UTC(
          today.getUTCFullYear(),
          today.getUTCMonth(),
          today.getUTCDate(),
          tokyoHour - 9,
          30,
        ),
      );
    const { addresses } = api.app.messaging;
    expect(await writeServiceDueMessages(api.db.prisma, addresses, at(15))).toEqual([]);
    expect(await writeServiceDueMessages(api.db.prisma, addresses, at(9))).toContain(optedOut.id);
    expect(await writeServiceDueMessages(api.db.prisma, addresses, at(10))).toEqual([]);
    expect(
      await api.db.prisma.message.findUniqueOrThrow({
        where: { serviceReminderId: reminder.id },
        select: { kind: true, status: true, reason: true },
      }),
    ).toEqual({
      kind: 'service_due',
      status: 'not_sent',
      reason: 'the customer opted out of reminders',
    });
  });

  it('renders values escaped, in plain text and HTML', async () => {
    const customer = await api.db.prisma.customer.create({
      data: { name: '<script>alert(1)</script> & Co', email: 'escaped@garage.test' },
    });
    const vehicle = await freshVehicle(api, customer.id);
    const made = await api.db.prisma.workOrder.create({
      data: { vehicleId: vehicle.id, customerId: customer.id, concern: 'Squeak', odometerIn: 1 },
    });
    const written = await staff.message.send.mutate({
      workOrderId: made.id,
      subject: 'Parts <b>in</b>',
      body: 'Line one\n\nLine <i>two</i>',
    });
    const row = await settled(written.message?.id ?? 0);
    expect(row.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(row.html).toContain('Line &lt;i&gt;two&lt;/i&gt;');
    expect(row.html).not.toContain('<script>');
    expect(row.text).toContain('Hello <script>alert(1)</script> & Co,');
    const [mail] = mailsWith(row.messageId);
    expect(mail?.subject).toBe('Parts <b>in</b>');
  });

  it('a kind the shop turned off is written as not sent, saying so, and staff see it; on again, it goes', async () => {
    const admin = await api.as('admin');
    expect(
      (await admin.message.setSending.mutate({ kind: 'ready', send: false })).find(
        (template) => template.kind === 'ready',
      ),
    ).toMatchObject({ send: false, automatic: true });
    const off = await workOrderWithLine(api, aliceId, { status: 'in_progress' });
    const moved = await staff.workOrder.setStatus.mutate({ id: off.id, status: 'ready' });
    expect(moved.message).toMatchObject({
      status: 'not_sent',
      reason: 'the shop turned off ready-for-pick-up messages in settings',
    });
    const list = await staff.message.forWorkOrder.query({ workOrderId: off.id });
    expect(list.messages.map((message) => [message.kind, message.status, message.reason])).toEqual([
      ['ready', 'not_sent', 'the shop turned off ready-for-pick-up messages in settings'],
    ]);
    // Staff read the setting; only admins change it.
    expect(await outcome(staff.message.setSending.mutate({ kind: 'ready', send: true }))).toBe(
      'FORBIDDEN',
    );
    await admin.message.setSending.mutate({ kind: 'ready', send: true });
    const on = await workOrderWithLine(api, aliceId, { status: 'in_progress' });
    await staff.workOrder.setStatus.mutate({ id: on.id, status: 'ready' });
    expect(await settled((await lastMessageOf(on.id)).id)).toMatchObject({ status: 'sent' });
    expect((await staff.message.templates.query()).filter((template) => !template.send)).toEqual(
      [],
    );
  });

  it('templates: admins change a text, unknown placeholders are refused naming the field', async () => {
    const admin = await api.as('admin');
    expect(
      await fieldErrors(
        admin.message.updateTemplate.mutate({
          kind: 'ready',
          subject: 'Ready {{nope}}',
          body: 'Hi',
        }),
      ),
    ).toEqual({ subject: ['names unknown placeholders: {{nope}}'] });
    await admin.message.updateTemplate.mutate({
      kind: 'ready',
      subject: '{{workOrder}} is ready, {{customer}}',
      body: 'Come and get it: {{link}}',
    });
    const templates = await staff.message.templates.query();
    expect(templates.find((each) => each.kind === 'ready')).toMatchObject({ custom: true });
    const made = await workOrderWithLine(api, aliceId, { status: 'in_progress' });
    await staff.workOrder.setStatus.mutate({ id: made.id, status: 'ready' });
    const row = await settled((await lastMessageOf(made.id)).id);
    expect(row.subject).toMatch(/^WO-\d+ is ready, /);
    expect(row.text).toBe(`Come and get it: ${webUrl}/portal/work-orders/${made.id}`);
  });

  it('a message names its channel, and each channel has its transport: SMS without a provider is not sent, saying so', async () => {
    const customer = await api.db.prisma.customer.create({
      data: { name: 'Text Me', email: 'text-me@garage.test', phone: '+1 555 0100' },
    });
    const write = (channel: 'email' | 'sms') =>
      api.db.prisma.$transaction((tx) =>
        writeMessage(
          tx,
          {
            kind: 'manual',
            customerId: customer.id,
            channel,
            values: { subject: `By ${channel}`, message: 'Hello' },
          },
          api.app.messaging.addresses,
        ),
      );
    const sms = await write('sms');
    const email = await write('email');
    api.app.messaging.worker.nudge();
    expect(await settled(sms?.id ?? 0)).toMatchObject({
      channel: 'sms',
      recipient: '+1 555 0100',
      status: 'not_sent',
      reason: 'no SMS provider configured',
    });
    expect(await settled(email?.id ?? 0)).toMatchObject({ channel: 'email', status: 'sent' });

    // A provider is one more transport, for the `sms` channel (this one stands in for a gateway).
    const texted: OutgoingMessage[] = [];
    const gateway: MessageTransport = {
      send: async (message) => {
        texted.push(message);
      },
      close: () => undefined,
    };
    await api.app.messaging.worker.stop();
    const worker = createDeliveryWorker({
      prisma: api.db.prisma,
      transports: { sms: gateway },
      invalidate: async () => undefined,
      log: pino({ level: 'silent' }),
      options: { ...defaultDeliveryOptions, pollMs: 60_000 },
    });
    try {
      const second = await write('sms');
      await worker.deliverDue();
      expect(await settled(second?.id ?? 0)).toMatchObject({ status: 'sent' });
      expect(texted.map((message) => [message.to, message.subject])).toEqual([
        ['+1 555 0100', 'By sms'],
      ]);
      // Nothing on file for a channel is the customer's own reason.
      const noPhone = await api.db.prisma.$transaction(async (tx) =>
        writeMessage(
          tx,
          {
            kind: 'manual',
            customerId: (await tx.customer.create({ data: { name: 'No Phone' } })).id,
            channel: 'sms',
            values: { message: 'Hi' },
          },
          api.app.messaging.addresses,
        ),
      );
      expect(noPhone).toMatchObject({
        status: 'not_sent',
        reason: 'the customer has no mobile number on file',
      });
    } finally {
      await worker.stop();
    }
  });

  it('without a mail server, messages are kept as not sent, saying so', async () => {
    const bare = await startApi({
      databaseUrl,
      redisUrl: inject('redisUrl'),
      messages: { from: 'Garage <shop@garage.test>', webUrl, delivery },
    });
    try {
      // Only the instance without a mail server delivers from here on.
      await api.app.messaging.worker.stop();
      const made = await workOrderWithLine(api, aliceId);
      const client = await bare.as('staff');
      const written = await client.message.send.mutate({
        workOrderId: made.id,
        subject: 'Kept',
        body: 'Hello',
      });
      const row = await settled(written.message?.id ?? 0);
      expect(row).toMatchObject({ status: 'not_sent', reason: 'no mail server configured' });
    } finally {
      await bare.stop();
    }
  });
});

describe('estimate links are throttled per client address', () => {
  it('refuses calls past the limit with TOO_MANY_REQUESTS', async () => {
    const api = await startApi({
      databaseUrl: await seededDatabaseUrl(),
      redisUrl: inject('redisUrl'),
      linkThrottle: { perIp: 3, windowSeconds: 60 },
    });
    try {
      const visitor = api.anonymous();
      const token = 'B'.repeat(43);
      const answers: string[] = [];
      for (let index = 0; index < 5; index++) {
        answers.push(await outcome(visitor.estimateLink.open.query({ token })));
      }
      expect(answers).toEqual([
        'NOT_FOUND',
        'NOT_FOUND',
        'NOT_FOUND',
        'TOO_MANY_REQUESTS',
        'TOO_MANY_REQUESTS',
      ]);
    } finally {
      await api.stop();
    }
  });
});
