import { Cluster, type Redis } from 'ioredis';

/** One invalidation as published by the INVALIDATE script. */
export interface BusMessage {
  /** Origin (the publishing instance) and its publisher sequence number. */
  o: string;
  p: number;
  /** The namespace invalidation sequence number (a string: it may pass cjson's 14 digits). */
  s: string;
  /** Soft ('1') or hard ('0'), and the invalidated fields. */
  x: string;
  f: string[];
  /** When the publisher sent it, by its own clock (epoch ms, a string to keep the fraction). */
  t: string;
}

/**
 * Listens on the namespace channel with its own connection. Pub/sub is at-most-once, so a
 * disconnect or a gap in a publisher's sequence numbers calls `onLoss` (the cache flushes L1).
 */
export class InvalidationBus {
  healthy = false;
  readonly #subscriber: Redis | Cluster;
  readonly #lastSeen = new Map<string, number>();

  constructor(
    client: Redis | Cluster,
    private readonly channel: string,
    private readonly self: string,
    private readonly onMessage: (message: BusMessage) => void,
    private readonly onLoss: () => void,
  ) {
    this.#subscriber = client instanceof Cluster ? client.duplicate() : client.duplicate();
    this.#subscriber.on('error', () => undefined);
    this.#subscriber.on('close', () => this.#lost());
    this.#subscriber.on('ready', () => void this.#subscribe());
    this.#subscriber.on('message', (_channel: string, text: string) => this.#receive(text));
  }

  #lost(): void {
    if (this.healthy) this.onLoss();
    this.healthy = false;
  }

  async #subscribe(): Promise<void> {
    try {
      await this.#subscriber.subscribe(this.channel);
      this.#lastSeen.clear();
      this.onLoss();
      this.healthy = true;
    } catch {
      this.healthy = false;
    }
  }

  #receive(text: string): void {
    const message = JSON.parse(text) as BusMessage;
    if (message.o === this.self) return;
    const last = this.#lastSeen.get(message.o);
    this.#lastSeen.set(message.o, message.p);
    if (last === undefined ? message.p !== 1 : message.p !== last + 1) this.onLoss();
    this.onMessage(message);
  }

  /** Closes the subscriber connection. */
  async close(): Promise<void> {
    this.healthy = false;
    this.#subscriber.removeAllListeners('close');
    this.#subscriber.disconnect();
  }
}
