// Usage: pnpm --filter @garage/db migration:new <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: what takes a database from the
// committed migrations to prisma/schema.prisma, computed offline in an in-memory PGlite.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { diffSchemaAgainstMigrations } from '../src/migrate';
import { openPglite, pgliteAdapterFactory } from '../src/pglite';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: migration:new <name>   (lowercase letters, digits, underscores)');
  process.exit(2);
}

const migrationsDir = new URL('../prisma/migrations/', import.meta.url);
const committed = await Promise.all(
  (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map(async (dir) => ({
      name: dir,
      sql: await readFile(new URL(`${dir}/migration.sql`, migrationsDir), 'utf8'),
    })),
);
const schema = {
  path: 'prisma/schema.prisma',
  content: await readFile(new URL('../prisma/schema.prisma', import.meta.url), 'utf8'),
};

const lockfile = await readFile(new URL('migration_lock.toml', migrationsDir), 'utf8');

const pglite = await openPglite('memory://');
const sql = await diffSchemaAgainstMigrations(
  pgliteAdapterFactory(pglite),
  schema,
  committed,
  lockfile,
);
await pglite.close();

if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('schema matches the committed migrations: nothing to write');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = new URL(`${stamp}_${name}/`, migrationsDir);
await mkdir(dir, { recursive: true });
await writeFile(new URL('migration.sql', dir), sql);
console.log(`wrote prisma/migrations/${stamp}_${name}/migration.sql`);
