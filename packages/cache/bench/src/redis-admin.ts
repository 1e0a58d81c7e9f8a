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
  const options: RedisConnection = {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
  };
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  return options;
}

/** The bench's own control connection: cleanup, server info, command counting. */
export class RedisAdmin {
  readonly client: Redis;

  constructor(options: RedisConnection) {
    this.client = new Redis({ ...options, connectionName: 'gbench-admin' });
  }

  async serverVersion(): Promise<string> {
    const info = await this.client.info('server');
    return /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
  }

  /**
   * Deletes the keys whose name contains `token` (SCAN + UNLINK, never KEYS or FLUSHDB).
   * Every key the bench makes carries its run token, so nothing else is touched.
   */
  async unlinkMatching(token: string): Promise<number> {
    if (!/^[A-Za-z0-9_-]{8,}$/.test(token))
      throw new Error(`refusing to clean with token ${token}`);
    let cursor = '0';
    let removed = 0;
    for (let pass = 0; pass < 100_000; pass++) {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `*${token}*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await this.client.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
    return removed;
  }

  /** Addresses (ip:port) of the connections named `name` (CLIENT LIST). */
  async addressesOf(name: string): Promise<Set<string>> {
    const list = (await this.client.client('LIST')) as string;
    const found = new Set<string>();
    for (const line of list.split('\n')) {
      const fields = new Map(
        line
          .trim()
          .split(' ')
          .map((pair) => {
            const at = pair.indexOf('=');
            return [pair.slice(0, at), pair.slice(at + 1)] as const;
          }),
      );
      if (fields.get('name') === name) found.add(fields.get('addr') ?? '');
    }
    return found;
  }

  /**
   * Runs `action` under MONITOR and counts what the connections named `connectionName` sent:
   * round trips (commands on the wire) and every command Redis executed for them, including
   * the ones their Lua scripts ran. Lua lines are attributed to the client whose command
   * preceded them (MONITOR lists commands in execution order).
   */
  async countCommands(
    connectionName: string,
    action: () => Promise<unknown>,
  ): Promise<{ roundTrips: number; serverCommands: number; byName: Record<string, number> }> {
    const targets = await this.addressesOf(connectionName);
    if (targets.size === 0) throw new Error(`no connection named ${connectionName}`);
    const monitor = await this.client.monitor();
    const marker = `gbench-marker-${Math.random().toString(36).slice(2)}`;
    let roundTrips = 0;
    let serverCommands = 0;
    const byName: Record<string, number> = {};
    let lastWasTarget = false;
    let done = false;
    let resolveMarker: () => void = () => undefined;
    const markerSeen = new Promise<void>((resolve) => {
      resolveMarker = resolve;
    });
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (done) return;
      const name = String(args[0] ?? '').toLowerCase();
      if (name === 'echo' && args[1] === marker) {
        done = true;
        resolveMarker();
        return;
      }
      if (source === 'lua') {
        if (!lastWasTarget) return;
        serverCommands++;
        byName[`${name} (lua)`] = (byName[`${name} (lua)`] ?? 0) + 1;
        return;
      }
      lastWasTarget = targets.has(source);
      if (!lastWasTarget) return;
      roundTrips++;
      serverCommands++;
      byName[name] = (byName[name] ?? 0) + 1;
    });
    try {
      await action();
      await this.client.echo(marker);
      await Promise.race([markerSeen, new Promise((r) => setTimeout(r, 5_000))]);
    } finally {
      done = true;
      monitor.disconnect();
    }
    return { roundTrips, serverCommands, byName: { ...byName } };
  }

  close(): void {
    this.client.disconnect();
  }
}
