import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client';
import { applyMigrations } from './migrate';
import { openPglite, pgliteAdapterFactory } from './pglite';

export type DatabaseKind = 'postgres' | 'pglite';

export type Database = {
  prisma: PrismaClient;
  /** `postgres` with a DATABASE_URL, `pglite` (embedded, on disk) without one. */
  kind: DatabaseKind;
  /** Where the embedded database lives; undefined for PostgreSQL. */
  dataDir?: string;
  /**
   * Applies committed migrations not yet applied (with `upTo`, only those up to that one: for
   * testing a migration on the data it meets); returns their names. Idempotent.
   */
  migrate(upTo?: string): Promise<string[]>;
  /** True when a trivial query succeeds; never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A PostgreSQL URL. Unset: an embedded PGlite database in `dataDir`. */
  url?: string;
  /** Embedded database directory; defaults to `<workspace root>/.data/pglite`. */
  dataDir?: string;
  /** PostgreSQL connection pool size. */
  poolSize?: number;
};

/** The workspace root (where pnpm-workspace.yaml is), or `from` when outside a workspace. */
function workspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/** The default embedded database directory: `.data/pglite` at the workspace root. */
export function defaultDataDir(): string {
  return join(workspaceRoot(process.cwd()), '.data', 'pglite');
}

/**
 * The one way the apps and tools open the database: real PostgreSQL when `url` is given,
 * an embedded PGlite under `.data/` otherwise. Does not migrate; call `migrate()`.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  const dataDir = options.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await openPglite(dataDir);
  const adapterFactory = pgliteAdapterFactory(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: 'pglite',
    dataDir,
    migrate: (upTo) => applyMigrations(adapterFactory, upTo),
    ping: () => ping(prisma),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function openPostgres(url: string, poolSize: number): Database {
  // A short connect timeout makes requests fail fast with a clear error while PostgreSQL is
  // down, instead of queueing until the HTTP client gives up.
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = new PrismaPg({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 3_000,
  });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: 'postgres',
    migrate: (upTo) => applyMigrations(adapterFactory, upTo),
    ping: () => ping(prisma),
    close: () => prisma.$disconnect(),
  };
}

async function ping(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
