import { createConnection, createServer, type Socket } from 'node:net';
import { freePort } from './free-port';

/** A TCP proxy on 127.0.0.1 that a fault test can cut (drop every connection, refuse new ones). */
export interface TcpProxy {
  readonly port: number;
  /**
   * `reset` (default) destroys open connections and refuses new ones; `blackhole` keeps them
   * open but forwards nothing (a hung server), until `restore`.
   */
  cut(mode?: 'reset' | 'blackhole'): void;
  /** Accepts connections again. */
  restore(): void;
  close(): Promise<void>;
}

/** Starts a proxy from a free local port to `targetPort` on 127.0.0.1. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let cutMode: 'reset' | 'blackhole' | undefined;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (cutMode === 'reset') {
      client.destroy();
      return;
    }
    if (cutMode === 'blackhole') {
      client.pause();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    cut(mode = 'reset') {
      cutMode = mode;
      for (const socket of sockets) {
        if (mode === 'reset') socket.destroy();
        else socket.unpipe().pause();
      }
    },
    restore() {
      // Connections held during a blackhole are dropped so clients reconnect cleanly.
      if (cutMode === 'blackhole') for (const socket of sockets) socket.destroy();
      cutMode = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
