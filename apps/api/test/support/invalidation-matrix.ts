import { expect } from 'vitest';
import type { TestApi } from './harness';

/** A cached read the matrix watches: its name, its route, and how to read it. */
export type Probe = { name: string; route: string; read: () => Promise<unknown> };

/**
 * The invalidation matrix's one measure: which of `probes` a mutation made load again (their
 * route's loader ran for them) and which were still answered from the cache. The API and the
 * probes are read when a step runs (a suite makes them in its beforeAll).
 */
export function invalidationMatrix(apiOf: () => TestApi, probes: () => readonly Probe[]) {
  async function loaderCalls(route: string): Promise<number> {
    return (await apiOf().app.cache.stats()).routes[route]?.loaderCalls ?? 0;
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

  /** Warms every probe, checks each is now a hit, runs `mutation`, answers what loaded again. */
  async function reloadedBy(mutation: () => Promise<unknown>): Promise<string[]> {
    await loadedProbes();
    expect(await loadedProbes(), 'every probe is cached before the mutation').toEqual([]);
    await mutation();
    return loadedProbes();
  }

  return { reloadedBy };
}

/** The names, sorted and without repeats, as `reloadedBy` answers them. */
export const expectLoaded = (...names: string[]) => [...new Set(names)].sort();
