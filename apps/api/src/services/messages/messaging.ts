import type { PrismaClient } from '@garage/db';
import type { Logger } from 'pino';
import { defaultRetryPolicy } from '../../domain/messages/delivery';
import { customerMessagesTag } from '../../tags/registry';
import { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from './delivery-worker';
import { createMailTransport, type MessageTransports } from './mail-transport';
import { runMorningRound } from './morning-round';
import type { MessageAddresses } from './outbox';

/** How the API reaches customers (AppOptions.messages; SMTP_URL, MAIL_FROM, PUBLIC_WEB_URL). */
export interface MessagingOptions {
  /** The SMTP server; unset, messages are kept as not sent (no mail server configured). */
  smtpUrl?: string | undefined;
  /** The From address. */
  from: string;
  /** The web app as customers reach it: where links point. */
  webUrl: string;
  delivery?: Partial<DeliveryOptions>;
  /** How often the morning round looks for reminders due (it writes only in the shop's morning). */
  morningEveryMs?: number;
  /** The morning round's clock (tests set one: the shop's morning is an hour of its zone). */
  clock?: () => Date;
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
  /**
   * One morning round now (by the clock): writes the reminders due, tells their customers' message
   * lists, has them delivered; resolves with how many it wrote.
   */
  morningRound(): Promise<number>;
  /** Stops the worker and the morning round. */
  close(): Promise<void>;
}

/** The domain of `from`'s address, for Message-ID headers. */
function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'garage.local';
}

/** Starts this instance's delivery worker and morning round (every `morningEveryMs`). */
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
  // No SMS provider is reachable here: the `sms` channel has no transport (not sent, saying so).
  const transports: MessageTransports = options.smtpUrl
    ? {
        email: createMailTransport({
          smtpUrl: options.smtpUrl,
          from: options.from,
          // Well inside the lease: an attempt ends before another worker may take it over.
          timeoutMs: Math.floor(delivery.leaseMs / 4),
        }),
      }
    : {};
  const worker = createDeliveryWorker({
    prisma: deps.prisma,
    transports,
    invalidate: deps.invalidate,
    log,
    options: delivery,
  });
  const clock = options.clock ?? (() => new Date());
  const morningRound = async () => {
    const customers = await runMorningRound(deps.prisma, addresses, clock());
    if (customers.length === 0) return 0;
    await deps.invalidate([...new Set(customers)].map(customerMessagesTag));
    worker.nudge();
    return customers.length;
  };
  const timer = setInterval(
    () => {
      morningRound().catch((error: unknown) =>
        log.error({ err: error }, 'the morning round failed'),
      );
    },
    options.morningEveryMs ?? 10 * 60_000,
  );
  timer.unref();
  return {
    addresses,
    worker,
    morningRound,
    async close() {
      clearInterval(timer);
      await worker.stop();
    },
  };
}
