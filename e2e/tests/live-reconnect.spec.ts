import { storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { call, expectLive, liveIndicator, restartApi } from '../support/live';

test.use({ storageState: storageStateOf('staff') });

interface PortalVehicle {
  id: number;
  plate: string;
}

test('[CUSTOMER][LIVE] a page reconnects after the API restarts and shows what changed meanwhile', async ({
  page,
  pageAs,
}, testInfo) => {
  const alice = await pageAs('alice');
  await alice.goto('/portal');
  await expectLive(alice);
  const [hers] = await call<PortalVehicle[]>(alice, 'get:portal.myVehicles');
  if (!hers) throw new Error('alice owns a vehicle');

  // Her stream is held off while the API restarts and staff write, so the change cannot reach
  // her as an event: only the refetch a reconnect makes can show it.
  await alice.route('**/api/trpc/live.events**', (route) => route.abort());
  const plate = `RC ${Date.now().toString(36).slice(-5).toUpperCase()}`;
  await test.step('the API restarts; her page says it is reconnecting', async () => {
    await restartApi();
    await expect(liveIndicator(alice)).toHaveAttribute('data-live', 'reconnecting');
    const { version } = await call<{ version: number }>(page, 'get:vehicle.byId', { id: hers.id });
    await call(page, 'vehicle.update', { id: hers.id, version, plate });
    await expect(alice.getByText(plate, { exact: true })).toHaveCount(0);
  });

  await test.step('once it reconnects, the page shows the new plate without a reload', async () => {
    await alice.unroute('**/api/trpc/live.events**');
    await expectLive(alice);
    await expect(alice.getByText(plate, { exact: true }).first()).toBeVisible();
  });

  await saveEndState(testInfo, { alice });
});
