import { storageStateOf } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test.use({ storageState: storageStateOf('staff') });

test('[PROXY][LIVE] a refetch of an unchanged answer through the proxy is a 304 with no body', async ({
  page,
}) => {
  const path = `/api/trpc/vehicle.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`;
  // The first read stores the answer; the second is a hit, with the stored answer's ETag.
  await page.request.get(path);
  const full = await page.request.get(path);
  expect(full.status()).toBe(200);
  const etag = full.headers().etag ?? '';
  expect(etag).not.toBe('');
  expect(JSON.parse(full.headers()['x-cache-tags'] ?? 'null')).toEqual([expect.any(Array)]);

  const unchanged = await page.request.get(path, { headers: { 'if-none-match': etag } });
  expect(unchanged.status()).toBe(304);
  expect((await unchanged.body()).length).toBe(0);
  expect(unchanged.headers().etag).toBe(etag);
});
