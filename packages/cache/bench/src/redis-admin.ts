import { Redis } from 'ioredis6';

/** The connection fields every client here accepts (ioredis 5 and 6 alike). */
export interface RedisConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
}

/** Connection options from a redis:// URL, for the clients that take options rather than a URL. */
export function redisOptionsFromUrl(url: string): RedisConnection {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/** The bench's own control connection: cleanup, server version, command counting. */
export class RedisAdmin {
  readonly client: Redis;

  constructor(options: RedisConnection) {
    this.client = new Redis({ ...options, connectionName: 'gbench-admin' });
  }

  async serverVersion(): Promise<string> {
    return /redis_version:([^\r\n]+)/.exec(await this.client.info('server'))?.[1] ?? 'unknown';
  }

  /** Deletes the keys whose name holds `token` (SCAN + UNLINK, never KEYS or FLUSHDB). */
  async unlinkMatching(token: string): Promise<number> {
    if (!/^[A-Za-z0-9_-]{8,}$/.test(token))
      throw new Error(`refusing to clean with token ${token}`);
    let [cursor, removed] = ['0', 0];
    for (let pass = 0; pass < 100_000; pass++) {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `*${token}*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await this.client.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
    return removed;
  }

  /**
   * Runs `action` under MONITOR and counts what the connections named `connectionName` sent
   * (round trips) and every command Redis ran for them, their Lua scripts' included (MONITOR
   * lists commands in execution order: a Lua line belongs to the command before it).
   */
  async countCommands(connectionName: string, action: () => Promise<unknown>) {
    const list = String(await this.client.client('LIST')).split('\n');
    const named = list.filter((line) => line.includes(` name=${connectionName} `));
    const targets = new Set(named.map((line) => /addr=(\S+)/.exec(line)?.[1]));
    if (targets.size === 0) throw new Error(`no connection named ${connectionName}`);
    const monitor = await this.client.monitor();
    const marker = `gbench-marker-${Math.random().toString(36).slice(2)}`;
    const byName: Record<string, number> = {};
    let [lastWasTarget, done] = [false, false];
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      const name = String(args[0] ?? '').toUpperCase();
      done ||= name === 'ECHO' && args[1] === marker;
      if (source !== 'lua') lastWasTarget = targets.has(source);
      const label = source === 'lua' ? `${name} (Lua)` : name;
      if (lastWasTarget && !done) byName[label] = (byName[label] ?? 0) + 1;
    });
    try {
      await action();
      await this.client.echo(marker);
      for (let waited = 0; !done && waited < 5_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      monitor.disconnect();
    }
    const counts = Object.entries(byName);
    const sum = (entries: typeof counts) => entries.reduce((n, [, k]) => n + k, 0);
    return {
      roundTrips: sum(counts.filter(([label]) => !label.endsWith('(Lua)'))),
      serverCommands: sum(counts),
      byName,
    };
  }

  close(): void {
    this.client.disconnect();
  }
}
