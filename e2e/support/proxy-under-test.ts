import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { freePort } from '@garage/test-services';
import { exited, launchWeb, ready } from './app-servers';

/** One request as the stand-in API received it from the web app's /api/trpc proxy. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

/** The BUILT web app in front of a stand-in API that records what reaches it. */
export interface ProxyUnderTest {
  webUrl: string;
  /** What reached the stand-in API since the last call, oldest first. */
  takeReceived(): ReceivedRequest[];
  stop(): Promise<void>;
}

/**
 * Starts a stand-in API (answers every call with a tRPC result of null and records it) and the
 * built web app pointed at it, so a test sees exactly what the proxy forwards, and what it refuses
 * to forward.
 */
export async function startProxyUnderTest(): Promise<ProxyUnderTest> {
  let received: ReceivedRequest[] = [];
  const api = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
    });
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bodyBytes,
      });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ result: { data: { json: null } } }));
    });
  });
  const apiPort = await freePort();
  await new Promise<void>((resolve) => api.listen(apiPort, '127.0.0.1', resolve));

  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const web = launchWeb('web-proxy-under-test', webPort, {
    API_URL: `http://127.0.0.1:${apiPort}`,
  });
  const stop = async () => {
    if (!exited(web)) {
      const gone = new Promise((resolve) => web.once('exit', resolve));
      web.kill('SIGTERM');
      await gone;
    }
    await new Promise((resolve) => api.close(resolve));
  };
  try {
    // The icon is served without asking the API, so the record starts empty.
    await ready('web-proxy-under-test', web, `${webUrl}/icon.svg`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    webUrl,
    takeReceived() {
      const taken = received;
      received = [];
      return taken;
    },
    stop,
  };
}

/** How a body that never ends was answered, and how much of it had been sent by then. */
export interface EndlessBodyOutcome {
  status: number;
  body: string;
  sentBytes: number;
}

/**
 * POSTs a chunked body (no Content-Length) that keeps coming until the server answers, up to
 * `capBytes`: a server that buffers bodies whole answers only after the cap, one that stops at
 * its limit answers long before.
 */
export function postEndlessBody(
  url: string,
  headers: Record<string, string>,
  capBytes: number,
): Promise<EndlessBodyOutcome> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    let sentBytes = 0;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        body += text;
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body, sentBytes });
        request.destroy();
      });
    });
    // Once answered, the server may close the connection under the rest of the body.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sentBytes < capBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}
