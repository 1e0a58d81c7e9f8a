/** The field names under which an invalidation is recorded, shared by L1 and the Lua scripts. */
export const ALL_FIELD = 'all';
/** Field of a route invalidation. */
export function routeField(route: string): string {
  return `r:${route}`;
}
/** Field of a tag invalidation. */
export function tagField(tag: string): string {
  return `t:${tag}`;
}

const MAX_FIELDS = 10_000;

/**
 * The local mirror of "which field was invalidated at which sequence number". An entry or a
 * fill whose snapshot is older than an invalidation of its route, a tag, or the namespace is
 * dead. When the log grows too large it is replaced by a floor: every snapshot below it is
 * refused (conservative, never stale).
 */
export class InvalidationLog {
  #floor = 0;
  #fields = new Map<string, number>();

  /** Records that `fields` were invalidated at sequence `seq`. */
  record(fields: readonly string[], seq: number): void {
    for (const field of fields) {
      if ((this.#fields.get(field) ?? 0) < seq) this.#fields.set(field, seq);
    }
    if (this.#fields.size > MAX_FIELDS) this.raiseFloor(seq);
  }

  /** Refuses every snapshot older than `seq` (used after a flush or a lost message). */
  raiseFloor(seq: number): void {
    this.#floor = Math.max(this.#floor, seq);
    this.#fields.clear();
  }

  /** True when a value read or loaded at `snapshot` is still valid for this route and tags. */
  isValid(snapshot: number, route: string, tags: readonly string[]): boolean {
    if (snapshot < this.#floor) return false;
    if ((this.#fields.get(ALL_FIELD) ?? 0) > snapshot) return false;
    if ((this.#fields.get(routeField(route)) ?? 0) > snapshot) return false;
    return tags.every((tag) => (this.#fields.get(tagField(tag)) ?? 0) <= snapshot);
  }
}
