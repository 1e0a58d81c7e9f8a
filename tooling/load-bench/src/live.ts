import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  fmt,
  percentile,
  quick,
  startRun,
  table,
  targetsTable,
  writeBlocks,
} from '@garage/bench-report';
import { freePort } from '@garage/test-services';
import { chromium } from '@playwright/test';
import { type Api, rssBytes } from './api';
import { call, queryPath, versionOf } from './http';
import { guarded, type Infra, startInfra } from './infra';

// Live screens (issue 16): an invalidation on its way to open server-sent-event streams, and
// to a page in Chromium; and what a 304 spares a refetch. Block `load-live` of the docs.

const config = {
  subscribers: quick ? 100 : 1_000,
  rounds: quick ? 5 : 30,
  browserSamples: quick ? 10 : 100,
  revalidations: quick ? 20 : 200,
};
const q = (values: number[]) => [50, 99].map((p) => fmt(percentile(values, p), 1)).join(' | ');
const now = () => performance.timeOrigin + performance.now();

/**
 * One live.events stream over raw HTTP (as an EventSource reads it), resolved once the server
 * says it is connected; `onMessage` is told the time of each event that is not a ping.
 */
function openStream(port: number, cookie: string, onMessage: (at: number) => void) {
  return new Promise<() => void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/trpc/live.events', headers: { cookie } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          const blocks = text.split('\n\n');
          text = blocks.pop() ?? '';
          for (const block of blocks) {
            const kind = /^event: (.+)$/m.exec(block)?.[1];
            if (kind === 'connected') resolve(() => req.destroy());
            else if (kind === 'serialized-error') reject(new Error(`live.events: ${block}`));
            else if (kind === undefined && block.includes('data: ')) onMessage(now());
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Polls until `check` holds, at most `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('live bench: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Table part 1: `subscribers` streams on one instance, each invalidation's way to all of them. */
async function fanOut(infra: Infra) {
  const api = await infra.api('live-fan-out', 'l1', {
    env: { LIVE_MAX_STREAMS_PER_SESSION: '100000', LIVE_MAX_STREAMS: '100000' },
  });
  const rssBefore = rssBytes(api.pid);
  let arrivals: number[] = [];
  const closers: (() => void)[] = [];
  for (let i = 0; i < config.subscribers; i++) {
    closers.push(await openStream(api.port, api.staff, (at) => arrivals.push(at)));
  }
  const metric = async () =>
    /^garage_api_live_streams (\d+)$/m.exec((await call(api.port, 'GET', '/metrics')).body)?.[1];
  await until(async () => Number(await metric()) === config.subscribers);
  const perStream = (rssBytes(api.pid) - rssBefore) / config.subscribers;
  const [last, every]: [number[], number[]] = [[], []];
  const [owner] = infra.oneEachOwner;
  for (let round = 0; round < config.rounds; round++) {
    arrivals = [];
    const sent = now();
    const reply = await call(api.port, 'POST', '/trpc/cache.invalidate', {
      body: JSON.stringify({ json: { tag: `owner:${owner?.ownerId}` } }),
      cookie: api.admin,
    });
    if (reply.status !== 200) throw new Error(`cache.invalidate: ${reply.status} ${reply.body}`);
    await until(() => arrivals.length >= config.subscribers);
    every.push(...arrivals.map((at) => at - sent));
    last.push(Math.max(...arrivals) - sent);
  }
  for (const close of closers) close();
  await api.stop();
  return { last, every, perStream };
}

/** The built web app (`pnpm --filter @garage/web build`) on a free port, in front of `api`. */
async function startWeb(api: Api) {
  const port = await freePort();
  const entry = fileURLToPath(new URL('../../../apps/web/dist/server.js', import.meta.url));
  const child = spawn(process.execPath, [entry], {
    cwd: fileURLToPath(new URL('../../../apps/web', import.meta.url)),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      WEB_PORT: String(port),
      API_URL: `http://127.0.0.1:${api.port}`,
    },
    stdio: 'ignore',
  });
  await until(
    async () => (await call(port, 'GET', '/icon.svg', { timeoutMs: 1_000 })).status === 200,
    60_000,
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/**
 * Table part 2: a staff page in Chromium, served through instance B, shows a vehicle; instance
 * A updates its plate. From A's acknowledgement to the new plate in the page's DOM (a
 * MutationObserver's clock: the page and the bench read one wall clock).
 */
async function browserAToB(infra: Infra) {
  const shared = { namespace: 'live-a-to-b' };
  const [a, b] = await Promise.all([infra.api('A', 'l1', shared), infra.api('B', 'l1', shared)]);
  const web = await startWeb(b);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  const latencies: number[] = [];
  try {
    const context = await browser.newContext();
    const [name, value] = b.staff.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: web.url }]);
    const page = await context.newPage();
    const vehicle = infra.vehicles[0];
    if (!vehicle) throw new Error('live bench: no vehicle');
    await page.goto(`${web.url}/staff/vehicles/${vehicle.id}`);
    await page.locator('[data-live="live"]').waitFor();
    // Each update is based on the version the previous one left.
    let version = vehicle.version;
    for (let i = 0; i < config.browserSamples; i++) {
      const plate = `LIVE ${i}`;
      await page.evaluate((expected) => {
        Reflect.deleteProperty(window, 'benchSeenAt');
        const observer = new MutationObserver(() => {
          if (!document.body.textContent.includes(expected)) return;
          Reflect.set(window, 'benchSeenAt', performance.timeOrigin + performance.now());
          observer.disconnect();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, plate);
      const reply = await call(a.port, 'POST', '/trpc/vehicle.update', {
        body: JSON.stringify({ json: { id: vehicle.id, version, plate } }),
        cookie: a.staff,
      });
      const acked = now();
      if (reply.status !== 200) throw new Error(`vehicle.update on A: ${reply.status}`);
      version = versionOf(reply) ?? version;
      const seen = await page.waitForFunction(() => Reflect.get(window, 'benchSeenAt'), null, {
        timeout: 10_000,
      });
      latencies.push(Number(await seen.jsonValue()) - acked);
    }
  } finally {
    await browser.close();
    web.stop();
    await Promise.all([a.stop(), b.stop()]);
  }
  return latencies;
}

/** Table part 3: a vehicle.list page fetched whole, then revalidated with its ETag (a 304). */
async function revalidation(infra: Infra) {
  const api = await infra.api('live-304');
  const path = queryPath('vehicle.list', { limit: 50 });
  // The first read loads and stores the page; the ETag is the stored answer's (a hit's).
  await call(api.port, 'GET', path, { cookie: api.staff });
  const full = await call(api.port, 'GET', path, { cookie: api.staff });
  const etag = String(full.headers.etag ?? '');
  if (full.status !== 200 || !etag) throw new Error(`vehicle.list: ${full.status}, etag ${etag}`);
  const timed = async (headers: Record<string, string>, status: number) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < config.revalidations; i++) {
      const started = performance.now();
      const reply = await new Promise<{ status: number; bytes: number }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: api.port, path, headers: { cookie: api.staff, ...headers } },
          (res) => {
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: size }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      times.push(performance.now() - started);
      if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}`);
      bytes = reply.bytes;
    }
    return { times, bytes };
  };
  const whole = await timed({}, 200);
  const unchanged = await timed({ 'if-none-match': etag }, 304);
  await api.stop();
  return { whole, unchanged };
}

/**
 * BENCH_ONLY=fan-out measures the fan-out alone and prints its figures, writing nothing (a quick
 * look at one change; the docs' block needs the whole run).
 */
const fanOutOnly = process.env.BENCH_ONLY === 'fan-out';

await guarded('live bench', 10, async (defer) => {
  const runTable = startRun();
  const infra = await startInfra({ customers: 200, vehicles: 400, workOrders: 20 }, defer);
  console.log(`live: ${config.subscribers} streams on one instance`);
  const fan = await fanOut(infra);
  if (fanOutOnly) {
    console.log(
      `invalidation sent → last of ${config.subscribers} streams' event (ms, p50 | p99): ${q(fan.last)}`,
    );
    console.log(`invalidation sent → each stream's event (ms, p50 | p99): ${q(fan.every)}`);
    console.log(`memory per open stream: ${fmt(fan.perStream / 1024, 1)} KiB`);
    return;
  }
  console.log(`live: ${config.browserSamples} samples A → page through B in Chromium`);
  const browser = await browserAToB(infra);
  console.log(`live: ${config.revalidations} revalidations of vehicle.list`);
  const { whole, unchanged } = await revalidation(infra);
  const targets = [
    {
      text: 'write acknowledged on A → new value in a Chromium page served through B, p99 < 250 ms',
      measured: `${fmt(percentile(browser, 99), 1)} ms`,
      met: percentile(browser, 99) < 250,
    },
    {
      text: `invalidation → the last of ${fmt(config.subscribers)} streams' event, p99 < 100 ms`,
      measured: `${fmt(percentile(fan.last, 99), 1)} ms`,
      met: percentile(fan.last, 99) < 100,
    },
  ];
  const rows = table(
    'Figure | p50 | p99',
    [
      `write acknowledged on A → new plate in the page through B (ms, ${browser.length} samples) | ${q(browser)}`,
      `invalidation sent → last of ${fmt(config.subscribers)} streams' event (ms, ${fan.last.length} rounds) | ${q(fan.last)}`,
      `invalidation sent → each stream's event (ms, ${fmt(fan.every.length)} events) | ${q(fan.every)}`,
      `memory per open stream (API RSS growth ÷ streams) | ${fmt(fan.perStream / 1024, 1)} KiB | `,
      `vehicle.list (50 rows) refetched whole: 200, ${fmt(whole.bytes)} bytes (ms) | ${q(whole.times)}`,
      `vehicle.list unchanged, If-None-Match: 304, ${fmt(unchanged.bytes)} bytes (ms) | ${q(unchanged.times)}`,
    ],
    'lrr',
  );
  writeBlocks({
    'load-live': `${runTable([`streams | raw HTTP readers in the bench process, signed in as staff; ${config.rounds} invalidations (cache.invalidate of one owner tag)`])}\n\n${targetsTable(targets)}\n\n${rows}`,
  });
});
