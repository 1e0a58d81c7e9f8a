import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { webPort } from './env';
import { clientHops } from './lib/client-hop';

/**
 * Serves the built app, as `next start` would, but records each request's socket peer and its
 * X-Forwarded-For before Next.js sees them: Next.js only sets X-Forwarded-For when it is absent,
 * so behind `next start` a client's forged header hides its real address from the /api/trpc proxy.
 */
const app = next({ dev: false, dir: fileURLToPath(new URL('..', import.meta.url)), port: webPort });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const forwardedFor = req.headers['x-forwarded-for'];
  const hop = {
    peerAddress: req.socket.remoteAddress,
    forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor,
  };
  void clientHops.run(hop, () => handle(req, res));
});
server.listen(webPort, () => {
  console.log(`web listening on http://localhost:${webPort}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
