import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findBinary } from './binaries';
import { freePort, waitFor } from './free-port';

const exec = promisify(execFile);

/** A throwaway redis-server that a test owns: it may stop and restart it (fault drills). */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGKILL: like a crash, no save). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts redis-server on a free 127.0.0.1 port with persistence off. */
export async function startRedis(options: { extraArgs?: string[] } = {}): Promise<RedisServer> {
  const binary = findBinary('redis-server', 'redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'garage-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    args.push('--dir', dir, ...(options.extraArgs ?? []));
    child = spawn(binary, args, { stdio: 'ignore' });
    child.unref();
    await waitFor(`redis-server on port ${port}`, () => ping(port));
  };
  const stop = async () => {
    if (!child) return;
    const running = child;
    child = undefined;
    // The child is unref'd so a forgotten server never holds a test run open; while we wait
    // for it to exit, it must hold the loop, or Node may quit in the middle of a teardown.
    running.ref();
    running.kill('SIGKILL');
    await exited(running);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway Redis Cluster of `masters` masters, no replicas. */
export interface RedisClusterServer {
  readonly nodes: { host: string; port: number }[];
  destroy(): Promise<void>;
}

/** Starts `masters` cluster-enabled redis-servers and joins them with `redis-cli --cluster create`. */
export async function startRedisCluster(masters = 3): Promise<RedisClusterServer> {
  const servers: RedisServer[] = [];
  try {
    for (let i = 0; i < masters; i++) {
      servers.push(
        await startRedis({
          extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${i}.conf`],
        }),
      );
    }
    const cli = findBinary('redis-cli', 'redis-tools');
    const addresses = servers.map((s) => `127.0.0.1:${s.port}`);
    await exec(cli, [
      '--cluster',
      'create',
      ...addresses,
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    const first = servers[0];
    if (!first) throw new Error('a cluster needs at least one master');
    await waitFor('cluster_state:ok', async () => {
      const { stdout } = await exec(cli, ['-p', String(first.port), 'cluster', 'info']);
      return stdout.includes('cluster_state:ok');
    });
  } catch (error) {
    await Promise.all(servers.map((s) => s.destroy()));
    throw error;
  }
  return {
    nodes: servers.map((s) => ({ host: '127.0.0.1', port: s.port })),
    destroy: async () => {
      await Promise.all(servers.map((s) => s.destroy()));
    },
  };
}
