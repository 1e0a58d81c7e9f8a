import { defineConfig } from 'prisma/config';

// `prisma generate` insists on a schema-engine binary path even though it never runs it; the
// download it would otherwise attempt fails offline. Migrations go through src/migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
