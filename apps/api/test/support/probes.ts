import { expect } from 'vitest';
import type { TestApi } from './harness';

// The invalidation matrices' instrument: a cached read counts as loaded when its route's loader
// ran for it (the cache's route stats).

/** A cached read the matrix watches. */
export type Probe = { name: string; route: string; read: () => Promise<unknown> };

/** Reads every probe, one at a time; answers the names of those whose loader ran. */
export async function loadedProbes(api: TestApi, probes: readonly Probe[]): Promise<string[]> {
  const loaderCalls = async (route: string) =>
    (await api.app.cache.stats()).routes[route]?.loaderCalls ?? 0;
  const loaded: string[] = [];
  for (const probe of probes) {
    const before = await loaderCalls(probe.route);
    await probe.read();
    if ((await loaderCalls(probe.route)) > before) loaded.push(probe.name);
  }
  return loaded.sort();
}

/** Warms every probe, checks each is now a hit, runs `mutation`, answers what loaded again. */
export async function reloadedBy(
  api: TestApi,
  probes: readonly Probe[],
  mutation: () => Promise<unknown>,
): Promise<string[]> {
  await loadedProbes(api, probes);
  expect(await loadedProbes(api, probes), 'every probe is cached before the mutation').toEqual([]);
  await mutation();
  return loadedProbes(api, probes);
}
