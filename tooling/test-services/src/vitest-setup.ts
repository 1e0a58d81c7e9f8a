import 'vitest';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type PostgresServer, startPostgres } from './postgres-server';
import { type RedisServer, startRedis } from './redis-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL; each suite makes its own database with `createDatabase`. */
    postgresUrl: string;
    /** A Redis URL of a server that only this test run uses. */
    redisUrl: string;
  }
}

interface Needs {
  postgres?: boolean;
  redis?: boolean;
}

/**
 * Builds a Vitest globalSetup that provides `postgresUrl` / `redisUrl`: the ones in
 * TEST_DATABASE_URL / TEST_REDIS_URL when given, else throwaway servers started here and torn
 * down after. Never the developer's DATABASE_URL or REDIS_URL.
 */
export function servicesSetup(needs: Needs) {
  return async function setup(project: TestProject) {
    const owned: (PostgresServer | RedisServer)[] = [];
    let postgresUrl = process.env.TEST_DATABASE_URL;
    if (needs.postgres && !postgresUrl) {
      const server = await startPostgres();
      owned.push(server);
      postgresUrl = server.url;
    }
    let redisUrl = process.env.TEST_REDIS_URL;
    if (needs.redis && !redisUrl) {
      const server = await startRedis();
      owned.push(server);
      redisUrl = server.url;
    }
    if (postgresUrl) project.provide('postgresUrl', postgresUrl);
    if (redisUrl) project.provide('redisUrl', redisUrl);

    return async () => {
      if (postgresUrl && process.env.TEST_DATABASE_URL) await dropTestDatabases(postgresUrl);
      await Promise.all(owned.map((server) => server.destroy()));
    };
  };
}

/** On a server we do not own, removes the databases this run's suites created. */
async function dropTestDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'garage_test_%'`,
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}
