import { resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

const screenshotDir = resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * Saves a screenshot of the page for the README: the whole page, or with `fullPage: false` what
 * the window shows (a phone's screenful). Runs keep it with their results; with
 * E2E_README_SCREENSHOTS=1 it (re)writes docs/screenshots/<name>.png instead, so an ordinary run
 * never changes tracked files:
 *   E2E_README_SCREENSHOTS=1 pnpm --filter @garage/e2e test tests/staff-work-orders.spec.ts
 */
export async function saveReadmeScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
) {
  const path =
    process.env.E2E_README_SCREENSHOTS === '1'
      ? resolve(screenshotDir, `${name}.png`)
      : testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  await testInfo.attach(`screenshot: ${name}`, { path, contentType: 'image/png' });
}
