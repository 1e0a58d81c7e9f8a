import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * An embedded PostgreSQL in `dataDir` (`memory://` for a throwaway one), with the extensions the
 * migrations create: pg_trgm (searches) and btree_gist (the schedule's exclusion constraints).
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { pg_trgm, btree_gist } });
}

/**
 * The PGlite adapter factory, except that the shadow database the schema engine diffs in also
 * has our extensions (the stock one opens a bare PGlite, where our first migration cannot run).
 */
export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(client);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => new PrismaPGlite(await openPglite('memory://')).connect(),
  };
}
