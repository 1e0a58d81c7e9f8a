/**
 * The ceiling: a bare Node `http` server in a process of its own (this file, forked with
 * `serve`) answering each pathname with the bytes the API sent for it once, headers and body:
 * what one Node process serves on this machine, measured by the same generator as the API.
 */
import { fork } from 'node:child_process';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';

type Responses = Record<string, { headers: OutgoingHttpHeaders; body: Buffer }>;

if (process.argv[2] === 'serve') {
  process.once('message', (responses: Responses) => {
    const server = createServer((req, res) => {
      const recorded = responses[(req.url ?? '/').split('?', 1)[0] ?? ''];
      if (!recorded) res.writeHead(404).end();
      else res.writeHead(200, recorded.headers).end(recorded.body);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') process.send?.(address.port);
    });
  });
}

export async function startBareServer(responses: Responses) {
  const child = fork(fileURLToPath(import.meta.url), ['serve'], { serialization: 'advanced' });
  const port = await new Promise<number>((resolve) => {
    child.once('message', resolve);
    child.send(responses);
  });
  return { port, pid: child.pid ?? 0, stop: () => child.kill() };
}
