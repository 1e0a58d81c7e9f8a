import { closeConnections } from './http';
import { stopAllApis } from './processes';
import type { Infra } from './setup';

/**
 * Runs a benchmark so that every server it starts is stopped whatever happens: when it ends,
 * on SIGINT/SIGTERM, and when it runs past `hardLimitMs` (its loops are bounded anyway).
 * `main` reports the servers as they come up through `track`.
 */
export async function guardedRun(
  name: string,
  hardLimitMs: number,
  main: (track: (servers: Partial<Infra>) => void) => Promise<void>,
): Promise<void> {
  let infra: Partial<Infra> = {};
  let cleaned: Promise<void> | undefined;
  const cleanup = (): Promise<void> => {
    cleaned ??= (async () => {
      // Child processes are unref'd: without a timer the loop could end (exit 13) before they do.
      const keepAlive = setInterval(() => {}, 1_000);
      await stopAllApis().catch((e) => console.error('stopping APIs:', e));
      closeConnections();
      await infra.db?.close().catch(() => undefined);
      await infra.redis?.destroy().catch((e) => console.error('stopping Redis:', e));
      await infra.postgres?.destroy().catch((e) => console.error('stopping PostgreSQL:', e));
      clearInterval(keepAlive);
    })();
    return cleaned;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping every server the ${name} started`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`the ${name} ran over ${hardLimitMs / 60_000} minutes: stopping`);
    void cleanup().finally(() => process.exit(1));
  }, hardLimitMs);
  watchdog.unref();
  try {
    await main((servers) => {
      infra = servers;
    });
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}
