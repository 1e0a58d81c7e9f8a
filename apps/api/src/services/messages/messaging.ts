import type { PrismaClient } from '@garage/db';
import type { Logger } from 'pino';
import { defaultRetryPolicy } from '../../domain/messages/delivery';
import { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from './delivery-worker';
import { createMailTransport } from './mail-transport';
import type { MessageAddresses } from './outbox';
import { writeServiceDueMessages } from './service-due';

/** How the API reaches customers (AppOptions.messages; SMTP_URL, MAIL_FROM, PUBLIC_WEB_URL). */
export interface MessagingOptions {
  /** The SMTP server; unset, messages are kept as not sent (no mail server configured). */
  smtpUrl?: string | undefined;
  /** The From address. */
  from: string;
  /** The web app as customers reach it: where links point. */
  webUrl: string;
  delivery?: Partial<DeliveryOptions>;
  /** How often the morning round looks for services due (it writes only in the shop's morning). */
  serviceDueEveryMs?: number;
}

export const defaultDeliveryOptions: DeliveryOptions = {
  pollMs: 2_000,
  leaseMs: 120_000,
  batchSize: 10,
  retry: defaultRetryPolicy,
};

/** What the procedures use to write messages and have them delivered. */
export interface Messaging {
  addresses: MessageAddresses;
  worker: DeliveryWorker;
  /** Stops the worker and the morning round. */
  close(): Promise<void>;
}

/** The domain of `from`'s address, for Message-ID headers. */
function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'garage.local';
}

/** Starts this instance's delivery worker and morning round. */
export function createMessaging(deps: {
  prisma: PrismaClient;
  invalidate: (tags: string[]) => Promise<unknown>;
  log: Logger;
  options: MessagingOptions;
}): Messaging {
  const { options, log } = deps;
  const delivery = { ...defaultDeliveryOptions, ...options.delivery };
  const addresses: MessageAddresses = {
    webUrl: options.webUrl.replace(/\/+$/, ''),
    domain: domainOf(options.from),
  };
  const transport = options.smtpUrl
    ? createMailTransport({
        smtpUrl: options.smtpUrl,
        from: options.from,
        // Well inside the lease: an attempt ends before another worker may take it over.
        timeoutMs: Math.floor(delivery.leaseMs / 4),
      })
    : null;
  const worker = createDeliveryWorker({
    prisma: deps.prisma,
    transport,
    invalidate: deps.invalidate,
    log,
    options: delivery,
  });
  const round = async () => {
    try {
      if ((await writeServiceDueMessages(deps.prisma, addresses)) > 0) worker.nudge();
    } catch (error) {
      log.error({ err: error }, 'the service-due round failed');
    }
  };
  const every = options.serviceDueEveryMs ?? 10 * 60_000;
  const timer = setInterval(round, every);
  timer.unref();
  return {
    addresses,
    worker,
    async close() {
      clearInterval(timer);
      await worker.stop();
    },
  };
}
