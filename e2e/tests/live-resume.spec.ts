import { customerNames, storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { call, expectLive } from '../support/live';
import { customerIdOf, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

test('[STAFF][LIVE] a line added after the page rendered, before its stream connected, appears on it', async ({
  page,
}, testInfo) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const workOrder = await test.step('an estimate, through the API', async () => {
    const vehicle = await newVehicle(
      page.request,
      await customerIdOf(page.request, customerNames.alice),
      tag,
    );
    return newEstimate(page.request, vehicle, `Resume check ${tag}`, []);
  });

  // The page's stream connect waits at a gate: the window between the server render and the
  // stream, milliseconds in life, is held open while the line is added.
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  let connectAsked = () => {};
  const asked = new Promise<void>((resolve) => {
    connectAsked = resolve;
  });
  await page.route('**/api/trpc/live.events**', async (route) => {
    connectAsked();
    await gate;
    await route.continue();
  });

  const description = `Held line ${tag}`;
  const line = page.getByRole('region', { name: 'Lines' }).getByRole('row', { name: description });
  await test.step('the page renders; its stream is still connecting when a line is added', async () => {
    await page.goto(`/staff/work-orders/${workOrder.id}`);
    await expect(
      page.getByRole('definition').filter({ hasText: `Resume check ${tag}` }),
    ).toBeVisible();
    await asked;
    await call(page, 'workOrder.addLine', {
      workOrderId: workOrder.id,
      kind: 'part',
      description,
      quantity: '1',
      unitPriceCents: 1_250,
    });
    await expect(line).toHaveCount(0);
  });

  await test.step('once the stream connects, it resumes from the render and the line appears', async () => {
    openGate();
    await expectLive(page);
    await expect(line).toBeVisible();
  });

  await saveEndState(testInfo, { page });
});
