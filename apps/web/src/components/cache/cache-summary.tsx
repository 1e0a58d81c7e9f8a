import type { RouterOutputs } from '@garage/api';
import { formatBytes } from '~/lib/format';

type CacheStats = RouterOutputs['cache']['stats'];

const modes = {
  connected: { label: 'Redis connected', note: 'L1 in this process, Redis (L2) shared.' },
  degraded: {
    label: 'Redis degraded',
    note: 'Redis is failing or unreachable: reads go to L1 and the database; invalidations are kept and replayed when it is back.',
  },
  memory: {
    label: 'Memory only (L1)',
    note: 'REDIS_URL is unset: each API process caches on its own.',
  },
} as const satisfies Record<CacheStats['mode'], { label: string; note: string }>;

/** The parts of cache.stats the summary shows. */
export type SummaryStats = Pick<
  CacheStats,
  'mode' | 'namespace' | 'l1' | 'redis' | 'pendingInvalidations'
>;

const count = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toLocaleString('en');

/** The cache's mode, L1 size and Redis usage, as tiles. */
export function CacheSummary({ stats }: { stats: SummaryStats }) {
  const mode = modes[stats.mode];
  const redis = stats.mode === 'memory' ? null : stats.redis;
  return (
    <section aria-labelledby="summary-title" className="card">
      <h2 id="summary-title">Summary</h2>
      <p>
        <span className={`badge ${stats.mode}`}>{mode.label}</span>{' '}
        <span className="muted">
          {mode.note} Namespace <code>{stats.namespace}</code>.
        </span>
      </p>
      {stats.pendingInvalidations > 0 ? (
        <p className="warn">
          {stats.pendingInvalidations} invalidation(s) wait for Redis and will be replayed.
        </p>
      ) : null}
      <div className="stats">
        <div className="stat">
          L1 entries<strong>{count(stats.l1.entries)}</strong>
        </div>
        <div className="stat">
          L1 size
          <strong>{formatBytes(stats.l1.bytes)}</strong>
          <small className="muted">of {formatBytes(stats.l1.maxBytes)}</small>
        </div>
        <div className="stat">
          Redis memory<strong>{redis ? formatBytes(redis.usedMemoryBytes) : '–'}</strong>
          <small className="muted">{redis ? 'whole server' : 'no Redis in use'}</small>
        </div>
        <div className="stat">
          Redis keys<strong>{count(redis?.namespaceKeys)}</strong>
          <small className="muted">{redis ? 'in our namespace' : 'no Redis in use'}</small>
        </div>
      </div>
    </section>
  );
}
