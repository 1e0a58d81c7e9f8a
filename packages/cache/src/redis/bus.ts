import { Cluster, type Redis } from 'ioredis';

/** One invalidation as the INVALIDATE script publishes it. */
export interface BusMessage {
  /** The publishing instance, and its own count of what it published (1, 2, 3, ...). */
  origin: string;
  publisherSeq: number;
  /** The namespace invalidation sequence number (a string: it may pass cjson's 14 digits). */
  seq: string;
  /** Where that sequence counts from (see SEQUENCE in scripts.ts); absent from older publishers. */
  base?: string;
  soft: boolean;
  /** The invalidated fields (see invalidation-log.ts). */
  fields: string[];
  /** When the publisher sent it, by its own clock (epoch ms, a string to keep the fraction). */
  sentAtMs: string;
}

/** Where the sequence stood when the PROBE script ran, for the instance that asked (`origin`). */
export interface ProbeMessage {
  origin: string;
  probe: true;
  seq: string;
  base: string;
}

/** This host's wall clock in epoch ms, to a fraction of a millisecond (bus messages carry it). */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Reads a message off the channel; undefined for anything that is not one (never trusted blindly). */
export function parseBusMessage(text: string): BusMessage | ProbeMessage | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record: Record<string, unknown> = Object.fromEntries(Object.entries(parsed));
  const { origin, publisherSeq, seq, base, soft, fields, sentAtMs, probe } = record;
  if (typeof origin !== 'string' || typeof seq !== 'string') return undefined;
  if (probe === true) return typeof base === 'string' ? { origin, probe, seq, base } : undefined;
  if (typeof publisherSeq !== 'number' || typeof soft !== 'boolean') return undefined;
  if (typeof sentAtMs !== 'string' || (base !== undefined && typeof base !== 'string')) {
    return undefined;
  }
  // cjson encodes an empty Lua table as {}; an invalidation always names at least one field.
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) {
    return undefined;
  }
  return {
    origin,
    publisherSeq,
    seq,
    ...(base === undefined ? {} : { base }),
    soft,
    fields,
    sentAtMs,
  };
}

/**
 * Listens on the namespace channel with its own connection. Pub/sub is at-most-once, so a
 * disconnect, a gap in a publisher's sequence numbers, or a message it cannot read calls
 * `onLoss` (the cache flushes L1). Messages arrive in the order the scripts published them,
 * which is the order of their sequence numbers; this instance's own invalidations and probes
 * come back too (`onOwn`), in that same order.
 */
export class InvalidationBus {
  healthy = false;
  readonly #subscriber: Redis | Cluster;
  readonly #lastSeen = new Map<string, number>();

  constructor(
    client: Redis | Cluster,
    private readonly options: {
      channel: string;
      self: string;
      onMessage: (message: BusMessage) => void;
      onOwn: (message: BusMessage | ProbeMessage) => void;
      onLoss: () => void;
    },
  ) {
    this.#subscriber = client instanceof Cluster ? client.duplicate() : client.duplicate();
    this.#subscriber.on('error', () => undefined);
    this.#subscriber.on('close', () => this.#lost());
    this.#subscriber.on('ready', () => void this.#subscribe());
    this.#subscriber.on('message', (_channel: string, text: string) => this.#receive(text));
  }

  #lost(): void {
    if (this.healthy) this.options.onLoss();
    this.healthy = false;
  }

  async #subscribe(): Promise<void> {
    try {
      await this.#subscriber.subscribe(this.options.channel);
      this.#lastSeen.clear();
      this.options.onLoss();
      this.healthy = true;
    } catch {
      this.healthy = false;
    }
  }

  #receive(text: string): void {
    const message = parseBusMessage(text);
    if (!message) {
      this.options.onLoss();
      return;
    }
    if (message.origin === this.options.self) {
      this.options.onOwn(message);
      return;
    }
    // Another instance's probe is that instance's business.
    if ('probe' in message) return;
    const last = this.#lastSeen.get(message.origin);
    this.#lastSeen.set(message.origin, message.publisherSeq);
    const expected = last === undefined ? 1 : last + 1;
    if (message.publisherSeq !== expected) this.options.onLoss();
    this.options.onMessage(message);
  }

  /** Closes the subscriber connection. */
  async close(): Promise<void> {
    this.healthy = false;
    this.#subscriber.removeAllListeners('close');
    this.#subscriber.disconnect();
  }
}
