import { execFile, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findBinary } from './binaries';
import { freePort, waitFor } from './free-port';

const exec = promisify(execFile);

/** A throwaway PostgreSQL server in a temp dir, owned by the test run that started it. */
export interface PostgresServer {
  readonly port: number;
  /** URL of its `postgres` database; create a database per suite with `createDatabase`. */
  readonly url: string;
  /** Stops the server fast (in-flight queries fail), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

/**
 * initdb and postgres refuse to run as root, and CI runs as root: in that case the server runs
 * as the `postgres` system user that Debian's package creates.
 */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root needs the "postgres" user: apt-get install -y postgresql');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Starts a PostgreSQL server on a free 127.0.0.1 port, trust auth, fsync off. */
export async function startPostgres(): Promise<PostgresServer> {
  const initdb = findBinary('initdb', 'postgresql');
  const pgCtl = findBinary('pg_ctl', 'postgresql');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'garage-pg-'));
  const data = join(dir, 'data');
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const options = user ? { uid: user.uid, gid: user.gid } : {};

  await exec(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
    ...options,
    env: { ...process.env, LC_ALL: 'C' },
  });
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  const start = async () => {
    await exec(
      pgCtl,
      ['-D', data, '-o', serverOptions, '-l', join(dir, 'log'), '-w', 'start'],
      options,
    );
    await waitFor(`postgres on port ${port}`, async () => {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.query('select 1');
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    });
  };
  const stop = async () => {
    await exec(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'], options).catch(() => undefined);
  };

  await start();
  return {
    port,
    url,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a fresh, uniquely named database on the server at `serverUrl`; returns its URL. With
 * `copyOf` (a database's URL, with no one connected to it) the new one starts as its copy.
 */
export async function createDatabase(
  serverUrl: string,
  prefix = 'garage_test',
  copyOf?: string,
): Promise<string> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = copyOf ? ` template "${new URL(copyOf).pathname.slice(1)}"` : '';
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"${template}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
