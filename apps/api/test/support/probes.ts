import { expect } from 'vitest';
import type { TestApi } from './harness';

/** A cached read an invalidation matrix watches: loaded again, or still answered from the cache. */
export type Probe = { name: string; route: string; read: () => Promise<unknown> };

/**
 * The matrix's measure: `reloadedBy(mutation)` warms every probe, checks each is now a hit,
 * runs the mutation, and answers the names of the probes whose loader ran again (the cache's
 * route stats), sorted.
 */
export function probeMatrix(api: () => TestApi, probes: () => readonly Probe[]) {
  async function loaderCalls(route: string): Promise<number> {
    return (await api().app.cache.stats()).routes[route]?.loaderCalls ?? 0;
  }

  /** Reads every probe, one at a time; answers the names of those whose loader ran. */
  async function loadedProbes(): Promise<string[]> {
    const loaded: string[] = [];
    for (const probe of probes()) {
      const before = await loaderCalls(probe.route);
      await probe.read();
      if ((await loaderCalls(probe.route)) > before) loaded.push(probe.name);
    }
    return loaded.sort();
  }

  return {
    async reloadedBy(mutation: () => Promise<unknown>): Promise<string[]> {
      await loadedProbes();
      expect(await loadedProbes(), 'every probe is cached before the mutation').toEqual([]);
      await mutation();
      return loadedProbes();
    },
  };
}
