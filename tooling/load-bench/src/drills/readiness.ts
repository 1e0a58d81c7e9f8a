import { call } from '../http';

/** What /readyz said: `database` up or down, `cache` redis / degraded / memory. */
export interface Readiness {
  status: number;
  database?: string;
  cache?: string;
}

async function readyz(port: number, timeoutMs = 2_000): Promise<Readiness | undefined> {
  try {
    const reply = await call(port, 'GET', '/readyz', { timeoutMs });
    return { status: reply.status, ...(JSON.parse(reply.body) as Omit<Readiness, 'status'>) };
  } catch {
    return undefined;
  }
}

/**
 * Polls /readyz every `everyMs` from `since` until `done` holds; returns the ms from `since` to
 * the answer that first said so (NaN when none did within `maxMs`).
 */
export async function msUntil(
  port: number,
  done: (readiness: Readiness) => boolean,
  options: { since: number; maxMs: number; everyMs: number },
): Promise<number> {
  const deadline = options.since + options.maxMs;
  for (let poll = 0; poll < 10_000 && performance.now() < deadline; poll++) {
    const started = performance.now();
    const readiness = await readyz(port);
    if (readiness && done(readiness)) return performance.now() - options.since;
    const wait = started + options.everyMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return Number.NaN;
}
