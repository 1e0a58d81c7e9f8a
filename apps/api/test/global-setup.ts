import { openDatabase } from '@garage/db';
import { seed } from '@garage/db/seed';
import { createDatabase } from '@garage/test-services';
import { servicesSetup } from '@garage/test-services/vitest-setup';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, seeded database that no one uses: each suite's own database is a copy. */
    seededDatabaseUrl: string;
  }
}

const services = servicesSetup({ postgres: true, redis: true });

/**
 * Starts the services, then migrates and seeds one database for the whole run. A suite copies
 * it (CREATE DATABASE … TEMPLATE) in a fraction of a second, instead of running every migration
 * and the seed's slow password hashes again.
 */
export default async function setup(project: TestProject) {
  const teardown = await services(project);
  const url = await createDatabase(project.getProvidedContext().postgresUrl, 'garage_test_seeded');
  const db = await openDatabase({ url });
  await db.migrate();
  await seed(db.prisma, { customers: 12, vehicles: 20 });
  await db.close();
  project.provide('seededDatabaseUrl', url);
  return teardown;
}
