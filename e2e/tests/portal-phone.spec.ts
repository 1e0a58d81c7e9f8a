import type { Page } from '@playwright/test';
import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { cutOff, pageWidth, phone, smallTargets } from '../support/phone';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('alice'), viewport: phone });

/** The page fits a phone: no sideways scroll, nothing cut off, every control thumb-sized. */
async function expectFitsPhone(page: Page) {
  const { scrollWidth, innerWidth } = await pageWidth(page);
  expect(scrollWidth, 'the page is no wider than the window').toBeLessThanOrEqual(innerWidth);
  expect(await cutOff(page), 'nothing sticks out or scrolls sideways').toEqual([]);
  expect(await smallTargets(page), 'every link and button is at least 44 × 44 px').toEqual([]);
}

test('[CUSTOMER][PHONE] alice’s portal, work orders and car fit a phone: cards, whole badges, thumb-sized controls', async ({
  page,
  pageAs,
}, testInfo) => {
  const staff = await pageAs('staff');
  const tag = uniqueTag();
  const { car, invoiced, open } =
    await test.step('alice has a car with an invoiced work order and one in the shop with new work to decide', async () => {
      const car = await newVehicle(
        staff.request,
        await customerIdOf(staff.request, customerNames.alice),
        tag,
        'Insight',
      );
      const first = await newEstimate(staff.request, car, `Brakes grind ${tag}`, brakeJob);
      const [labour, parts] = first.lines;
      if (!labour || !parts) throw new Error('the brake job has two lines');
      await mutate(staff.request, 'workOrder', 'decideLines', {
        workOrderId: first.id,
        decisions: [
          { lineId: labour.id, approved: true },
          { lineId: parts.id, approved: false },
        ],
        channel: 'phone',
      });
      for (const status of ['in_progress', 'ready'] as const) {
        await mutate(staff.request, 'workOrder', 'setStatus', { id: first.id, status });
      }
      const invoiced = await mutate(staff.request, 'workOrder', 'invoice', { id: first.id });
      await mutate(staff.request, 'workOrder', 'addPayment', {
        workOrderId: first.id,
        amountCents: 10_000,
        method: 'card',
      });

      const second = await newEstimate(
        staff.request,
        car,
        `A squeal from the front left wheel at low speed, and a shudder when braking downhill ${tag}`,
        brakeJob,
      );
      await mutate(staff.request, 'workOrder', 'decideLines', {
        workOrderId: second.id,
        decisions: second.lines.map((line) => ({ lineId: line.id, approved: true })),
        channel: 'phone',
      });
      await mutate(staff.request, 'workOrder', 'setStatus', {
        id: second.id,
        status: 'in_progress',
      });
      await mutate(staff.request, 'workOrder', 'update', {
        id: second.id,
        version: second.version,
        promisedAt: new Date(Date.now() + 2 * 86_400_000),
      });
      const open = await mutate(staff.request, 'workOrder', 'addLine', {
        workOrderId: second.id,
        kind: 'part',
        description: 'Front brake discs (pair)',
        quantity: '1',
        unitPriceCents: 8_950,
        taxRateBps: 825,
        partNumber: 'BD-2210',
      });
      return { car, invoiced, open };
    });

  await test.step('her portal: each work order a card with its status, promised time, total and PDF', async () => {
    await page.goto('/portal');
    const inShop = page
      .getByRole('region', { name: /^In the shop/ })
      .getByRole('row', { name: open.number });
    await expect(inShop.getByText('being worked on')).toBeVisible();
    await expect(inShop.getByText('new work to decide')).toBeVisible();
    await expect(inShop.getByText('$324.16')).toBeVisible();
    const past = page
      .getByRole('region', { name: /^Past work orders/ })
      .getByRole('row', { name: invoiced.number });
    await expect(past.getByText('invoiced, payment due')).toBeVisible();
    await expect(
      past.getByRole('link', { name: `Invoice of ${invoiced.number} (PDF)` }),
    ).toBeVisible();
    await expectFitsPhone(page);
  });

  await test.step('the work order in the shop: she approves the new line with a thumb-sized button', async () => {
    await page.goto(`/portal/work-orders/${open.id}`);
    const lines = page.getByRole('region', { name: 'Estimate' });
    const discs = lines.getByRole('row', { name: 'Front brake discs (pair)' });
    await expect(
      discs.getByRole('button', { name: 'Decline Front brake discs (pair)' }),
    ).toBeVisible();
    await expectFitsPhone(page);
    // The README shows one screenful: the estimate's lines as cards, with their buttons.
    await lines.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await saveReadmeScreenshot(page, testInfo, 'portal-phone', { fullPage: false });
    await discs.getByRole('button', { name: 'Approve Front brake discs (pair)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Approved: Front' })).toBeVisible();
    await expectFitsPhone(page);
  });

  await test.step('the invoiced work order: the PDF link and the payment fit too', async () => {
    await page.goto(`/portal/work-orders/${invoiced.id}`);
    await expect(page.getByRole('link', { name: 'Download invoice (PDF)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Payments' })).toContainText('$100.00');
    await expectFitsPhone(page);
  });

  await test.step('her car: recommended work, work orders and odometer readings as cards', async () => {
    await page.goto(`/portal/vehicles/${car.id}`);
    await expect(
      page.getByRole('region', { name: 'Recommended work (1)' }).getByRole('row', {
        name: 'Brake pad set',
      }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Your work orders (2)' })
        .getByRole('row', { name: invoiced.number }),
    ).toBeVisible();
    await expectFitsPhone(page);
  });

  await saveEndState(testInfo, { alice: page });
});
