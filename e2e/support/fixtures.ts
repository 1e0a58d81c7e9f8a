import { test as base, type Page, type TestInfo } from '@playwright/test';
import { type Account, storageStateOf } from './accounts';
import { assertLocal } from './app-servers';

export { expect } from '@playwright/test';

/** The harness's switch on the app's throwaway Redis (see global-setup.ts). */
export interface RedisSwitch {
  stop(): Promise<void>;
  start(): Promise<void>;
}

interface Fixtures {
  /** A page in a new browser context signed in as `account` (its own cookies, its own tab). */
  pageAs: (account: Account) => Promise<Page>;
  /** Stops and restarts Redis mid-flow; a Redis left stopped is restarted after the test. */
  redis: RedisSwitch;
}

async function control(action: 'stop' | 'start'): Promise<void> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error('E2E_CONTROL_URL is unset: run the flows through playwright test');
  assertLocal(base);
  const response = await fetch(`${base}/redis/${action}`, {
    method: 'POST',
    signal: AbortSignal.timeout(20_000),
  });
  if (!response.ok) throw new Error(`redis ${action} failed: ${await response.text()}`);
}

export const test = base.extend<Fixtures>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (account) => {
      const context = await browser.newContext({ storageState: storageStateOf(account) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  redis: async ({}, use) => {
    let stopped = false;
    await use({
      stop: async () => {
        await control('stop');
        stopped = true;
      },
      start: async () => {
        await control('start');
        stopped = false;
      },
    });
    if (stopped) await control('start');
  },
});

/** Saves a full-page screenshot of each page as this test's end state (kept in test-results). */
export async function saveEndState(testInfo: TestInfo, pages: Record<string, Page>) {
  for (const [name, page] of Object.entries(pages)) {
    const path = testInfo.outputPath(`end-state-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`end state: ${name}`, { path, contentType: 'image/png' });
  }
}
