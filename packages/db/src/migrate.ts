import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { embeddedLockfile, embeddedMigrations, embeddedSchema } from './generated/migrations';
import { withSchemaEngine } from './schema-engine';

const noFilters = { externalTables: [], externalEnums: [] };

export const schemaFile = { path: 'prisma/schema.prisma', content: embeddedSchema };

/** The committed migrations in the shape the schema engine reads from a migrations folder. */
export function migrationList(
  migrations: ReadonlyArray<{ name: string; sql: string }> = embeddedMigrations,
  lockfile: string = embeddedLockfile,
): MigrationList {
  return {
    baseDir: 'prisma/migrations',
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map(({ name, sql }) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } },
    })),
  };
}

/**
 * Applies every committed migration (up to and including `upTo`, when named) not yet recorded
 * in `_prisma_migrations`; idempotent.
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  upTo?: string,
): Promise<string[]> {
  const end = upTo === undefined ? embeddedMigrations.length : indexOfMigration(upTo) + 1;
  const migrationsList = migrationList(embeddedMigrations.slice(0, end));
  const { appliedMigrationNames } = await withSchemaEngine(schemaFile, adapterFactory, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return appliedMigrationNames;
}

function indexOfMigration(name: string): number {
  const index = embeddedMigrations.findIndex((migration) => migration.name === name);
  if (index < 0) throw new Error(`no committed migration is named ${name}`);
  return index;
}

/**
 * The SQL that takes a database from the committed migrations to `schema`: the body of the
 * next migration (the shadow-database step of `prisma migrate dev`, done offline).
 */
export async function diffSchemaAgainstMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
  migrations: ReadonlyArray<{ name: string; sql: string }>,
  lockfile: string,
): Promise<string> {
  const result = await withSchemaEngine(schema, adapterFactory, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationList(migrations, lockfile) },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  );
  return result.stdout ?? '';
}
