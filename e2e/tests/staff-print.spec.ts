import type { Page, TestInfo } from '@playwright/test';
import { customerNames, storageStateOf } from '../support/accounts';
import { mutate, query } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { showPdfPage } from '../support/pdf-page';
import { pdfPageCount } from '../support/pdf-pages';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { uniqueTag } from '../support/ui';
import { validVin } from '../support/vin';
import { brakeJob, customerIdOf, newEstimate } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

/** A normal job: the brake job, an oil change, shop supplies, and wipers the customer declines. */
const normalJob = [
  ...brakeJob,
  { kind: 'labor', description: 'Oil and filter change', quantity: '0.5', unitPriceCents: 12_000 },
  {
    kind: 'part',
    description: 'Oil filter',
    quantity: '1',
    unitPriceCents: 1_295,
    partNumber: 'OF-2035',
  },
  {
    kind: 'part',
    description: 'Engine oil 0W-20 (quart)',
    quantity: '5',
    unitPriceCents: 899,
    partNumber: 'EO-0W20',
  },
  { kind: 'fee', description: 'Shop supplies', quantity: '1', unitPriceCents: 350, taxRateBps: 0 },
  {
    kind: 'part',
    description: 'Wiper blades (pair)',
    quantity: '1',
    unitPriceCents: 3_400,
    partNumber: 'WB-22',
  },
] as const;

/** What is still shown of the page's controls when it is printed (it should be nothing). */
async function printedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll('.site-header, nav, form, button, input, select, textarea'),
    )
      .filter((element) => element.checkVisibility())
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()}> ${(element.textContent ?? '').trim().slice(0, 40)}`,
      ),
  );
}

/**
 * The page as Chromium prints it on US Letter and on A4: the larger page count, and the Letter
 * PDF (attached to the test's results as `name`).
 */
async function printed(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  const letter = await page.pdf({ format: 'Letter', path });
  const a4 = await page.pdf({ format: 'A4' });
  await testInfo.attach(name, { path, contentType: 'application/pdf' });
  return { letter, pages: Math.max(await pdfPageCount(letter), await pdfPageCount(a4)) };
}

test('[STAFF][PRINT] a work order prints without navigation or controls on two pages at most; its job card on one', async ({
  page,
  pageAs,
}, testInfo) => {
  const tag = uniqueTag();
  const concern = `Squeal when braking, oil change due, wipers smear ${tag}`;
  const notes = 'Customer waits in the lounge. Keep the old pads to show her.';
  const { workOrder, vehicle, technician } =
    await test.step('a normal work order in progress: lines decided, one added since, a technician', async () => {
      const vehicle = await mutate(page.request, 'vehicle', 'create', {
        ownerId: await customerIdOf(page.request, customerNames.alice),
        vin: validVin(Number.parseInt(tag, 36) * 7 + 3),
        plate: `PRN ${tag}`,
        make: 'Honda',
        model: 'Civic',
        year: 2019,
        mileage: 41_250,
        colour: 'Lunar silver',
      });
      const estimate = await newEstimate(page.request, vehicle, concern, normalJob);
      await mutate(page.request, 'workOrder', 'decideLines', {
        workOrderId: estimate.id,
        decisions: estimate.lines.map((line) => ({
          lineId: line.id,
          approved: line.description !== 'Wiper blades (pair)',
        })),
        channel: 'phone',
      });
      await mutate(page.request, 'workOrder', 'setStatus', {
        id: estimate.id,
        status: 'in_progress',
      });
      const [technician] = await query(page.request, 'workOrder', 'technicians', undefined);
      if (!technician) throw new Error('the seed has technicians');
      await mutate(page.request, 'workOrder', 'update', {
        id: estimate.id,
        version: estimate.version,
        technicianId: technician.id,
        promisedAt: new Date(Date.now() + 86_400_000),
        notes,
      });
      const workOrder = await mutate(page.request, 'workOrder', 'addLine', {
        workOrderId: estimate.id,
        kind: 'part',
        description: 'Cabin air filter',
        quantity: '1',
        unitPriceCents: 2_450,
        partNumber: 'CF-118',
      });
      return { workOrder, vehicle, technician };
    });

  await test.step('printed, the work order has no navigation, buttons or forms, and fits two pages', async () => {
    await page.goto(`/staff/work-orders/${workOrder.id}`);
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(workOrder.number);
    await expect(page.getByRole('region', { name: 'Lines' })).toBeVisible();
    expect(await printedControls(page)).toEqual([]);
    const { letter, pages } = await printed(page, testInfo, 'work-order-in-progress.pdf');
    expect(pages).toBeLessThanOrEqual(2);
    const viewer = await pageAs('staff');
    const text = await showPdfPage(viewer, letter);
    expect(text).toContain(workOrder.number);
    expect(text).not.toContain('Sign out');
    await page.emulateMedia({ media: 'screen' });
  });

  const card = await test.step('the work order page links to its job card', async () => {
    await page.getByRole('link', { name: 'Job card' }).click();
    await expect(page).toHaveURL(`/staff/work-orders/${workOrder.id}/job-card`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Job card ${workOrder.number}`,
    );
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    expect(await printedControls(page)).toEqual([]);
    const { letter, pages } = await printed(page, testInfo, 'job-card.pdf');
    expect(pages).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    return letter;
  });

  await test.step('the job card holds what the technician needs, and no prices', async () => {
    const viewer = await pageAs('staff');
    await viewer.setViewportSize({ width: 960, height: 1240 });
    // PDF.js gives the text line by line: a sentence broken across two lines reads with one space.
    const text = (await showPdfPage(viewer, card)).replace(/\s+/g, ' ');
    for (const expected of [
      workOrder.number,
      vehicle.plate,
      vehicle.vin,
      '2019 Honda Civic',
      'Lunar silver',
      '41,250 mi',
      concern,
      technician.name,
      notes,
      'Replace front brake pads',
      '1.5 h',
      'BP-4471',
      'Oil and filter change',
      'EO-0W20',
      'Signature',
    ]) {
      expect(text, `the job card shows ${expected}`).toContain(expected);
    }
    // Declined work is not done, and work still awaiting the customer is not done yet.
    for (const absent of ['Wiper blades', 'Cabin air filter', 'Shop supplies', '$']) {
      expect(text, `the job card leaves out ${absent}`).not.toContain(absent);
    }
    expect(text).toContain('1 line awaits the customer’s decision');
    await saveReadmeScreenshot(viewer, testInfo, 'job-card');
  });

  await test.step('invoiced and part paid, the work order still prints on two pages at most', async () => {
    const pending = workOrder.lines.find((line) => line.approval === 'pending');
    if (!pending) throw new Error('the cabin air filter awaits a decision');
    await mutate(page.request, 'workOrder', 'removeLine', {
      id: pending.id,
      version: pending.version,
    });
    await mutate(page.request, 'workOrder', 'setStatus', {
      id: workOrder.id,
      status: 'ready',
      odometerOut: 41_262,
    });
    await mutate(page.request, 'workOrder', 'invoice', { id: workOrder.id });
    await mutate(page.request, 'workOrder', 'addPayment', {
      workOrderId: workOrder.id,
      amountCents: 10_000,
      method: 'cash',
    });
    await page.goto(`/staff/work-orders/${workOrder.id}`);
    await expect(page.getByRole('region', { name: 'Payments' })).toContainText('$100.00');
    await page.emulateMedia({ media: 'print' });
    expect(await printedControls(page)).toEqual([]);
    expect((await printed(page, testInfo, 'work-order-invoiced.pdf')).pages).toBeLessThanOrEqual(2);
  });

  await saveEndState(testInfo, { staff: page });
});
