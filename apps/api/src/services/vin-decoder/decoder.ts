import { Worker } from 'node:worker_threads';
import { normalizeVin } from '@garage/validators';
import { AppError } from '../../app-error';
import { LruMap } from './lru';
import { type DecodeReply, type DecodeRequest, isDecodeReply } from './messages';
import type { DecodedVin } from './vpic';

/** How much the decoder holds: VINs waiting for the worker, and answers kept. */
export interface VinDecoderLimits {
  /** Decodes waiting or running at once; past it a decode is refused (TOO_MANY_REQUESTS). */
  maxQueued: number;
  /** Answers kept, the least recently used dropped first. */
  cachedResults: number;
}

export const defaultVinDecoderLimits: VinDecoderLimits = { maxQueued: 100, cachedResults: 1_000 };

/** The decoder of one app: in a worker thread, behind a bounded queue and a bounded cache. */
export interface VinDecoder {
  /** Make, model and year of `vin`; null for a VIN the data does not know, or not a VIN. */
  decode(vin: string): Promise<DecodedVin | null>;
  /** Answers kept now (never more than `cachedResults`). */
  readonly cachedResults: number;
  /** Stops the worker (and fails what waits for it). */
  close(): Promise<void>;
}

const vinPattern = /^[A-HJ-NPR-Z0-9]{17}$/;

/** A decode waiting for the worker's answer. */
interface Waiter {
  resolve(decoded: DecodedVin | null): void;
  reject(error: unknown): void;
}

/**
 * The worker's script. Built, it is its own bundle beside main.js (build.ts); run from source
 * (tests, `tsx watch`), the TypeScript file, through a starter that registers tsx.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = fromSource ? './worker-from-source.mjs' : './vin-decoder-worker.js';
  const worker = new Worker(new URL(script, import.meta.url));
  // An idle decoder never keeps the process alive.
  worker.unref();
  return worker;
}

const busy = (limit: number) =>
  new AppError(
    'LIMIT_EXCEEDED',
    `the VIN decoder already has ${limit} VINs to look up; try again in a moment`,
  );

const failed = (why: string) =>
  new AppError('UNAVAILABLE', `VIN decoding failed (${why}); try again`);

/**
 * Decodes VINs off the main thread: sql.js is synchronous and a decode takes milliseconds to
 * tens of them, which on the main thread would hold every other request (health checks
 * included). One worker, started on the first decode; at most `maxQueued` decodes wait for it
 * (beyond, a decode is refused at once instead of growing a backlog); answers, unknown VINs
 * included, are kept in an LRU of `cachedResults`; one VIN asked twice at once is decoded once.
 */
export function createVinDecoder(
  limits: VinDecoderLimits = defaultVinDecoderLimits,
  start: () => Worker = startWorker,
): VinDecoder {
  const results = new LruMap<string, DecodedVin | null>(limits.cachedResults);
  const inFlight = new Map<string, Promise<DecodedVin | null>>();
  const waiting = new Map<number, Waiter>();
  let worker: Worker | null = null;
  let nextId = 0;

  const failAll = (error: AppError) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };

  const workerNow = () => {
    if (worker) return worker;
    const started = start();
    started.on('message', (message: unknown) => {
      if (!isDecodeReply(message)) return;
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      settle(pending, message);
    });
    // A worker that fails or exits takes what waits with it; the next decode starts another.
    const lost = (why: string) => {
      if (worker === started) worker = null;
      failAll(failed(why));
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`the decoder stopped (exit ${code})`));
    worker = started;
    return started;
  };

  const ask = (vin: string) =>
    new Promise<DecodedVin | null>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      const request: DecodeRequest = { id, vin };
      workerNow().postMessage(request);
    });

  return {
    async decode(typed) {
      const vin = normalizeVin(typed);
      if (!vinPattern.test(vin)) return null;
      const known = results.get(vin);
      if (known !== undefined) return known;
      const running = inFlight.get(vin);
      if (running) return running;
      if (waiting.size >= limits.maxQueued) throw busy(limits.maxQueued);
      const decoding = ask(vin).then((decoded) => {
        results.set(vin, decoded);
        return decoded;
      });
      inFlight.set(vin, decoding);
      return decoding.finally(() => inFlight.delete(vin));
    },
    get cachedResults() {
      return results.size;
    },
    async close() {
      const running = worker;
      worker = null;
      failAll(failed('the API is stopping'));
      await running?.terminate();
    },
  };
}

function settle(pending: Waiter | undefined, reply: DecodeReply) {
  if (!pending) return;
  if ('error' in reply) pending.reject(failed(reply.error));
  else pending.resolve(reply.decoded);
}
