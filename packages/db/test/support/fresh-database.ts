import { createDatabase } from '@garage/test-services';
import { afterAll, inject } from 'vitest';
import { type Database, openDatabase } from '../../src/client';

/**
 * A fresh, migrated database on the test server for each call, closed when the file's tests end.
 * Call it inside tests (it registers the file's clean-up on import).
 */
const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

export async function freshDatabase(): Promise<Database> {
  const db = await openDatabase({ url: await createDatabase(inject('postgresUrl')) });
  opened.push(db);
  await db.migrate();
  return db;
}
