import { resolve } from 'node:path';
import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { expectLive } from '../support/live';
import { phone } from '../support/phone';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { uniqueTag } from '../support/ui';
import { customerIdOf, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff'), viewport: phone });

/** A phone photo of a worn pad, with its GPS position in the EXIF (the API strips it). */
const wornPad = resolve(import.meta.dirname, '../fixtures/worn-brake-pad.jpg');

test('[STAFF][PHONE][INSPECTION] the technician photographs a worn pad, marks it required, the finding becomes a line; alice sees the photo and approves; staff see it without a reload', async ({
  page,
  pageAs,
}, testInfo) => {
  const tag = uniqueTag();
  const workOrder =
    await test.step('alice’s car is in the shop with an empty estimate', async () => {
      const car = await newVehicle(
        page.request,
        await customerIdOf(page.request, customerNames.alice),
        tag,
        'Jazz',
      );
      return mutate(page.request, 'workOrder', 'create', {
        vehicleId: car.id,
        concern: `Squeal when braking ${tag}`,
        odometerIn: car.mileage,
      });
    });

  await test.step('the work order starts the default multi-point inspection', async () => {
    await page.goto(`/staff/work-orders/${workOrder.id}`);
    const inspection = page.getByRole('region', { name: 'Inspection' });
    await inspection.getByRole('button', { name: 'Start inspection' }).click();
    await expect(inspection.getByTestId('inspection-progress')).toHaveText('Inspection 0/30');
    await inspection.getByRole('link', { name: 'Open the phone view' }).click();
  });

  const pads = page.getByRole('listitem', { name: 'Front pad thickness' });
  await test.step('on the phone: the pad measured, photographed from the file input, marked required', async () => {
    await pads.getByLabel('Front pad thickness (mm)').fill('2.5');
    await pads.getByLabel('Note').fill('Worn to the wear indicator');
    await pads.getByLabel('Photo of Front pad thickness').setInputFiles(wornPad);
    const photo = pads.getByRole('img', { name: /Front pad thickness as found/ });
    await expect(photo).toBeVisible();
    await expect
      .poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(1600);
    await pads.getByRole('button', { name: 'Required' }).click();
    await expect(pads.getByRole('button', { name: 'Required' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('inspection-progress')).toHaveText(
      'Inspection 1/30 · 1 required',
    );
    await pads.evaluate((item) => item.scrollIntoView({ block: 'center' }));
    await saveReadmeScreenshot(page, testInfo, 'inspection-phone', { fullPage: false });
  });

  await test.step('on the work order, the finding becomes the lines of its saved job', async () => {
    await page.getByRole('link', { name: '← Work order' }).click();
    const inspection = page.getByRole('region', { name: 'Inspection' });
    await inspection.getByRole('button', { name: 'Add to estimate: Front pad thickness' }).click();
    const lines = page.getByRole('region', { name: 'Lines' });
    await expect(lines.getByRole('row', { name: /Replace front brake pads/ })).toContainText(
      'Awaiting decision',
    );
    await expect(inspection).toContainText(
      'On the work order (Awaiting decision, Awaiting decision, Awaiting decision)',
    );
    await expectLive(page);
  });

  const alice = await pageAs('alice');
  await alice.setViewportSize(phone);
  await test.step('alice sees the photo and the measurement beside the line, and approves it', async () => {
    await alice.goto(`/portal/work-orders/${workOrder.id}`);
    const finding = alice.getByRole('figure', { name: 'Inspection finding: Front pad thickness' });
    await expect(finding).toContainText('Required Front pad thickness: 2.5 mm');
    await expect(finding).toContainText('Worn to the wear indicator');
    const photo = finding.getByRole('img');
    await expect
      .poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(1600);
    await finding.evaluate((figure) => figure.scrollIntoView({ block: 'center' }));
    await saveReadmeScreenshot(alice, testInfo, 'inspection-portal', { fullPage: false });
    await alice.getByRole('button', { name: 'Approve Replace front brake pads' }).click();
    await expect(
      alice.getByRole('status').filter({ hasText: 'Approved: Replace front brake pads' }),
    ).toBeVisible();
  });

  await test.step('staff see her decision on the work order without reloading', async () => {
    const lines = page.getByRole('region', { name: 'Lines' });
    await expect(lines.getByRole('row', { name: /Replace front brake pads/ })).toContainText(
      `Approved in the portal, ${customerNames.alice}`,
    );
    await expect(page.getByRole('region', { name: 'Inspection' })).toContainText(
      'On the work order (Approved, Awaiting decision, Awaiting decision)',
    );
  });

  await saveEndState(testInfo, { staff: page, alice });
});
