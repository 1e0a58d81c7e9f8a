import type { CacheKey } from '../types';
import type { StoredAnswer } from '../wire';

/** Marks a context as the fast path's: the cache middleware looks up, and never loads. */
export const fastPathSlot = Symbol('answering a GET from stored responses');

/** What a cached query's procedure returns on the fast path when its entry is a fresh hit. */
export class StoredResponse {
  constructor(readonly answer: StoredAnswer) {}
}

/**
 * One GET's calls meeting at the store. Each call runs its own procedure (every middleware in
 * front of the cache, input parsing included) and hands its key over; once every call has, one
 * lookup answers them all, all hits or nothing (so a hit is counted only when the request is
 * answered, and the L2 reads leave together). A call that cannot get that far (refused, bad
 * input, not cached for this caller) abandons the meeting, and tRPC answers the request.
 */
export class BatchLookup {
  readonly #keys: (CacheKey | undefined)[];
  readonly #waiting = new Map<number, Promise<StoredAnswer | undefined>>();
  #arrived = 0;
  #settle: (answers: StoredAnswer[] | undefined) => void = () => undefined;
  readonly #result = new Promise<StoredAnswer[] | undefined>((resolve) => {
    this.#settle = resolve;
  });

  constructor(
    size: number,
    private readonly peek: (keys: readonly CacheKey[]) => Promise<StoredAnswer[] | undefined>,
  ) {
    this.#keys = new Array<CacheKey | undefined>(size);
  }

  /** All calls' stored answers in call order, or undefined when any cannot be answered. */
  get result(): Promise<StoredAnswer[] | undefined> {
    return this.#result;
  }

  /** Hands over call `index`'s key; resolves to its stored answer, or undefined. */
  lookup(index: number, key: CacheKey): Promise<StoredAnswer | undefined> {
    const waiting = this.#waiting.get(index);
    if (waiting) return waiting;
    const mine = this.#result.then((all) => all?.[index]);
    this.#waiting.set(index, mine);
    this.#keys[index] = key;
    if (++this.#arrived === this.#keys.length) {
      const keys = this.#keys.filter((each): each is CacheKey => each !== undefined);
      this.peek(keys).then(this.#settle, () => this.#settle(undefined));
    }
    return mine;
  }

  /** A call will not reach the store: nothing of this request is answered from it. */
  abandon(): void {
    this.#settle(undefined);
  }
}
