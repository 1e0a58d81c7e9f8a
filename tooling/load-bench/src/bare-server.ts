/**
 * The ceiling: a bare Node `http` server process (forked by `throughput.ts`) that answers each
 * path with the bytes the API sent for it once (headers and body), and nothing else: what one
 * Node process can serve on this machine, measured by the same generator as the API.
 */
import { createServer, type OutgoingHttpHeaders } from 'node:http';

export interface RecordedResponse {
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

process.once('message', (responses: Record<string, RecordedResponse>) => {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const recorded = responses[url.split('?', 1)[0] ?? url];
    if (!recorded) res.writeHead(404).end();
    else res.writeHead(200, recorded.headers).end(recorded.body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.send?.(address.port);
  });
});
