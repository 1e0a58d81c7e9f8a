import { storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { call, expectLive } from '../support/live';

test.use({ storageState: storageStateOf('staff') });

interface Created {
  id: number;
  number: string;
}

test('[STAFF][LIVE] a card moved on one board moves on another without a reload', async ({
  page,
  pageAs,
}, testInfo) => {
  const other = await pageAs('staff');
  const workOrder = await test.step('a work order in progress, through the API', async () => {
    const vehicles = await call<{ items: { id: number; mileage: number }[] }>(
      page,
      'get:vehicle.list',
      { limit: 1 },
    );
    const [vehicle] = vehicles.items;
    if (!vehicle) throw new Error('the seed has vehicles');
    const created = await call<Created>(page, 'workOrder.create', {
      vehicleId: vehicle.id,
      concern: 'Live board check',
      odometerIn: vehicle.mileage,
    });
    await call(page, 'workOrder.addLine', {
      workOrderId: created.id,
      kind: 'labor',
      description: 'Inspect',
      quantity: '1',
      unitPriceCents: 5_000,
    });
    const withLine = await call<{ lines: { id: number }[] }>(page, 'get:workOrder.byId', {
      id: created.id,
    });
    await call(page, 'workOrder.decideLines', {
      workOrderId: created.id,
      decisions: withLine.lines.map((line) => ({ lineId: line.id, approved: true })),
    });
    await call(page, 'workOrder.setStatus', { id: created.id, status: 'in_progress' });
    return created;
  });

  const card = (where: typeof page, status: string) =>
    where
      .getByRole('region', { name: new RegExp(`^${status} \\(\\d+\\)$`) })
      .getByRole('listitem')
      .filter({ has: where.getByRole('link', { name: workOrder.number, exact: true }) });

  await test.step('both boards show it in progress, and are live', async () => {
    await Promise.all([page.goto('/staff/board'), other.goto('/staff/board')]);
    for (const board of [page, other]) {
      await expect(card(board, 'In progress')).toBeVisible();
      await expectLive(board);
    }
  });

  await test.step('one moves it to waiting for parts; the other sees it move', async () => {
    await card(page, 'In progress').getByRole('button', { name: 'Wait for parts' }).click();
    await expect(card(page, 'Waiting for parts')).toBeVisible();
    await expect(card(other, 'Waiting for parts')).toBeVisible();
    await expect(card(other, 'In progress')).toHaveCount(0);
  });

  await saveEndState(testInfo, { mover: page, watcher: other });
});
