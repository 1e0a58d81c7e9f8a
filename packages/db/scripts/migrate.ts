// `pnpm db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded
// database under .data/ when it is unset.
import { openDatabase } from '../src/client';

const db = await openDatabase({ url: process.env.DATABASE_URL || undefined });
const where =
  db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${db.dataDir}`;
try {
  const applied = await db.migrate();
  console.log(
    applied.length > 0
      ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}`
      : `${where} is up to date`,
  );
} finally {
  await db.close();
}
// The schema engine leaves a timer and a connection behind after applying migrations (seen
// with Prisma 7.10); they would hold this one-shot process open for ~10 s.
process.exit();
