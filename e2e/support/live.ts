import type { Page, Request } from '@playwright/test';
import { assertLocal } from './app-servers';
import { expect } from './fixtures';

/** Calls a tRPC procedure through the page's own proxy, with its session (as its scripts would). */
export async function call<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const mutation = !path.startsWith('get:');
  const procedure = path.replace(/^get:/, '');
  const response = mutation
    ? await page.request.post(`/api/trpc/${procedure}`, { data: { json: input ?? null } })
    : await page.request.get(
        `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input ?? null }))}`,
      );
  const body = await response.json();
  if (!response.ok()) throw new Error(`${procedure} failed: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

/** The page's live indicator in the header. */
export const liveIndicator = (page: Page) => page.locator('.site-header [data-live]');

/** Waits until the page's live stream is open (the indicator says so). */
export async function expectLive(page: Page) {
  await expect(liveIndicator(page)).toHaveAttribute('data-live', 'live');
}

/** Counts the reads a page sends to the API from now on (its live stream aside). */
export function countReads(page: Page): { readonly count: number; paths: string[] } {
  const seen = { count: 0, paths: [] as string[] };
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (request.method() !== 'GET' || !url.pathname.startsWith('/api/trpc/')) return;
    if (url.pathname.endsWith('/live.events')) return;
    seen.count++;
    seen.paths.push(url.pathname.slice('/api/trpc/'.length));
  });
  return seen;
}

/** Restarts the API process (the harness's control endpoint): it drains, exits and starts again. */
export async function restartApi(): Promise<void> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error('E2E_CONTROL_URL is unset: run the flows through playwright test');
  assertLocal(base);
  const response = await fetch(`${base}/api/restart`, {
    method: 'POST',
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`api restart failed: ${await response.text()}`);
}

/** Live streams open on the API (its /metrics, which answers loopback callers). */
export async function openStreams(): Promise<number> {
  const base = process.env.E2E_API_URL;
  if (!base) throw new Error('E2E_API_URL is unset: run the flows through playwright test');
  assertLocal(base);
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^garage_api_live_streams (\d+)$/m.exec(text)?.[1]);
}
