import { openDatabase } from '@garage/db';
import { startSmtp } from '@garage/test-services/smtp';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { createDeliveryWorker } from '../src/services/messages/delivery-worker';
import { createMailTransport } from '../src/services/messages/mail-transport';
import { defaultDeliveryOptions } from '../src/services/messages/messaging';
import { writeMessage } from '../src/services/messages/outbox';

// The embedded database (PGlite, what the app runs on without DATABASE_URL) runs the same
// outbox: a message written in a transaction, claimed with FOR UPDATE SKIP LOCKED under a lease,
// delivered through a real SMTP server once.

it('the embedded database writes, claims and delivers a message once', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  const smtp = await startSmtp();
  try {
    await db.migrate();
    const customer = await db.prisma.customer.create({
      data: { name: 'Embedded', email: 'embedded@garage.test' },
    });
    const addresses = { webUrl: 'http://garage.test', domain: 'garage.test' };
    const written = await db.prisma.$transaction((tx) =>
      writeMessage(
        tx,
        {
          kind: 'manual',
          customerId: customer.id,
          values: { subject: 'From PGlite', message: 'Hello' },
        },
        addresses,
      ),
    );
    const worker = createDeliveryWorker({
      prisma: db.prisma,
      transports: {
        email: createMailTransport({
          smtpUrl: smtp.url,
          from: 'shop@garage.test',
          timeoutMs: 5_000,
        }),
      },
      invalidate: async () => undefined,
      log: pino({ level: 'silent' }),
      options: { ...defaultDeliveryOptions, pollMs: 60_000 },
    });
    expect(await worker.deliverDue()).toBe(1);
    expect(await worker.deliverDue()).toBe(0);
    await worker.stop();
    const row = await db.prisma.message.findUniqueOrThrow({ where: { id: written?.id ?? 0 } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.received.map((mail) => mail.subject)).toEqual(['From PGlite']);
  } finally {
    await smtp.stop();
    await db.close();
  }
  // Migrating an embedded database takes a while on a busy machine.
}, 180_000);
