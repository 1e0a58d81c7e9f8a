import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@garage/db';
import type { Logger } from 'pino';
import {
  afterFailure,
  noRecipientReasons,
  noTransportReasons,
  type RetryPolicy,
} from '../../domain/messages/delivery';
import { withSecretLink } from '../../domain/messages/render';
import { customerMessagesTag, workOrderMessagesTag } from '../../tags/registry';
import { attachmentsOf } from './attachments';
import { DeliveryError, type MessageTransports } from './mail-transport';

export interface DeliveryOptions {
  /** How often an idle worker looks for messages due. */
  pollMs: number;
  /** How long a claim holds a message: longer than an attempt can take (the SMTP timeouts). */
  leaseMs: number;
  /** Messages claimed at once. */
  batchSize: number;
  retry: RetryPolicy;
}

export interface DeliveryWorker {
  /** Looks for messages due now (after a write queued one), instead of at the next poll. */
  nudge(): void;
  /** One round: claims what is due, delivers it; resolves with how many were claimed. */
  deliverDue(): Promise<number>;
  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void>;
}

type Claimed = { id: number };

/**
 * Claims up to `batchSize` messages due now for `leaseToken`, in one statement.
 *
 * Why a message is delivered once with several API instances (and as safe as a job queue such
 * as pg-boss, which claims the same way): the inner SELECT ... FOR UPDATE SKIP LOCKED row-locks
 * what it picks and passes over rows another claim has locked, and the UPDATE marks them leased
 * before the locks are released at commit; a claim that meets a row after that commit re-reads
 * it (READ COMMITTED re-checks the WHERE on the newest row version) and sees the lease. So two
 * workers never hold one message at once. A worker that dies mid-attempt lets its lease run out,
 * and another takes the message over: that is the one case a message may go twice (the server
 * took it, the worker died before writing `sent`), and its Message-ID, the same on every
 * attempt, lets mail clients fold the copy. Every later write names the lease token, so a
 * worker whose lease was taken over changes nothing. Leases and retry times are the database's
 * clock, never a host's. The embedded database (PGlite) runs the same SQL on its one connection.
 */
async function claimDue(
  prisma: PrismaClient,
  leaseToken: string,
  options: DeliveryOptions,
): Promise<Claimed[]> {
  return prisma.$queryRaw<Claimed[]>`
    UPDATE "Message" AS m
    SET "leaseToken" = ${leaseToken},
        "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${options.leaseMs} * interval '1 millisecond',
        "attempts" = m."attempts" + 1,
        "lastAttemptAt" = (now() AT TIME ZONE 'UTC')
    WHERE m."id" IN (
      SELECT "id" FROM "Message"
      WHERE "status" = 'queued'
        AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
        AND ("leaseUntil" IS NULL OR "leaseUntil" <= (now() AT TIME ZONE 'UTC'))
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${options.batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING m."id"`;
}

/**
 * The delivery worker of one API instance: polls the outbox, claims due messages under a lease,
 * sends each through the transport of its channel, and records the outcome: sent; queued again
 * after a backoff with the error as its reason; failed once retries are spent (or the server
 * refused for good); or, without a transport for its channel (no SMTP_URL; no SMS provider), not
 * sent, saying so. Each outcome invalidates the message lists of its work order and customer, so
 * staff pages follow live.
 */
export function createDeliveryWorker(deps: {
  prisma: PrismaClient;
  /** How each channel reaches customers; a channel without one: not sent, saying so. */
  transports: MessageTransports;
  invalidate: (tags: string[]) => Promise<unknown>;
  log: Logger;
  options: DeliveryOptions;
}): DeliveryWorker {
  const { prisma, transports, options, log } = deps;
  let stopped = false;
  let round: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  /** Tells staff pages showing the message's lists that it changed. */
  async function announce(id: number) {
    const message = await prisma.message.findUniqueOrThrow({
      where: { id },
      select: { workOrderId: true, customerId: true },
    });
    await deps.invalidate([
      ...(message.workOrderId ? [workOrderMessagesTag(message.workOrderId)] : []),
      customerMessagesTag(message.customerId),
    ]);
  }

  /** Writes the final outcome of the attempt held by `leaseToken`; nothing if the lease was lost. */
  async function settle(
    id: number,
    leaseToken: string,
    data: Prisma.MessageUpdateManyMutationInput,
  ) {
    const { count } = await prisma.message.updateMany({
      where: { id, leaseToken },
      data: { ...data, leaseToken: null, leaseUntil: null },
    });
    if (count > 0) await announce(id);
  }

  /** Queues the message again after `delayMs` of the database's clock, with why it failed. */
  async function requeue(id: number, leaseToken: string, reason: string, delayMs: number) {
    const count = await prisma.$executeRaw`
      UPDATE "Message"
      SET "reason" = ${reason},
          "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + ${delayMs} * interval '1 millisecond',
          "leaseToken" = NULL, "leaseUntil" = NULL
      WHERE "id" = ${id} AND "leaseToken" = ${leaseToken}`;
    if (count > 0) await announce(id);
  }

  async function deliver(id: number, leaseToken: string) {
    const message = await prisma.message.findUniqueOrThrow({ where: { id } });
    const now = new Date();
    const transport = transports[message.channel];
    if (!transport || !message.recipient) {
      await settle(id, leaseToken, {
        status: 'not_sent',
        reason: message.recipient
          ? noTransportReasons[message.channel]
          : noRecipientReasons[message.channel],
        pendingLink: null,
      });
      return;
    }
    try {
      await transport.send({
        to: message.recipient,
        messageId: message.messageId,
        ...withSecretLink(message, message.pendingLink),
        // Rendered now from what is stored (an issued invoice), so the outbox row stays small.
        attachments: await attachmentsOf(prisma, message),
      });
      await settle(id, leaseToken, {
        status: 'sent',
        sentAt: now,
        reason: null,
        pendingLink: null,
      });
    } catch (error) {
      const failure =
        error instanceof DeliveryError ? error : new DeliveryError(String(error), false);
      const next = afterFailure(message.attempts, failure.permanent, options.retry);
      log.warn(
        { messageId: id, attempts: message.attempts, reason: failure.message },
        'message not delivered',
      );
      if ('giveUp' in next) {
        await settle(id, leaseToken, {
          status: 'failed',
          failedAt: now,
          reason: failure.message,
          pendingLink: null,
        });
        return;
      }
      await requeue(id, leaseToken, failure.message, next.retryInMs);
    }
  }

  async function runRound(): Promise<number> {
    const leaseToken = randomUUID();
    const claimed = await claimDue(prisma, leaseToken, options);
    for (const { id } of claimed) {
      try {
        await deliver(id, leaseToken);
      } catch (error) {
        // The database went away mid-attempt: the lease runs out and the message is retried.
        log.error({ err: error, messageId: id }, 'message delivery could not be recorded');
      }
    }
    return claimed.length;
  }

  /** One round at a time per worker; a nudge during a round asks for another after it. */
  function deliverDue(): Promise<number> {
    if (round) {
      again = true;
      return round;
    }
    round = runRound()
      .catch((error: unknown) => {
        log.error({ err: error }, 'message delivery round failed');
        return 0;
      })
      .finally(() => {
        round = null;
        if (again && !stopped) {
          again = false;
          void deliverDue();
        }
      });
    return round;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      // A full batch may leave more due: go on at once.
      let claimed = await deliverDue();
      while (!stopped && claimed >= options.batchSize) claimed = await deliverDue();
      schedule();
    }, options.pollMs);
    timer.unref();
  }
  schedule();

  return {
    nudge: () => {
      if (!stopped) void deliverDue();
    },
    deliverDue,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      for (const transport of Object.values(transports)) transport.close();
    },
  };
}
