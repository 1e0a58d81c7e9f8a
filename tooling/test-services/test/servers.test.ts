import { createConnection } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres, startRedis, startTcpProxy } from '../src/index';

function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed before a reply')));
  });
}

describe('throwaway servers', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('starts, stops and restarts an empty redis on a private port', async () => {
    const redis = await startRedis();
    cleanups.push(redis.destroy);
    expect(redis.port).not.toBe(6379);
    expect(await redisCommand(redis.port, 'SET k v')).toBe('+OK\r\n');
    await redis.stop();
    await expect(redisCommand(redis.port, 'PING')).rejects.toThrow();
    await redis.start();
    expect(await redisCommand(redis.port, 'GET k')).toBe('$-1\r\n');
  });

  it('starts postgres and creates isolated databases on it', async () => {
    const server = await startPostgres();
    cleanups.push(server.destroy);
    expect(server.port).not.toBe(5432);
    const first = await createDatabase(server.url);
    const second = await createDatabase(server.url);
    expect(first).not.toBe(second);
    const client = new pg.Client({ connectionString: first });
    await client.connect();
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    await client.end();
    expect(first).toContain(`/${rows[0]?.db}`);
  });

  it('proxies to redis and cuts connections on demand', async () => {
    const redis = await startRedis();
    cleanups.push(redis.destroy);
    const proxy = await startTcpProxy(redis.port);
    cleanups.push(proxy.close);
    expect(await redisCommand(proxy.port, 'PING')).toBe('+PONG\r\n');
    proxy.cut();
    await expect(redisCommand(proxy.port, 'PING')).rejects.toThrow();
    proxy.restore();
    expect(await redisCommand(proxy.port, 'PING')).toBe('+PONG\r\n');
  });
});
