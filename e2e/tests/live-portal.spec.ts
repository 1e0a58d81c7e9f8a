import { storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { call, countReads, expectLive, openStreams } from '../support/live';

test.use({ storageState: storageStateOf('staff') });

interface PortalVehicle {
  id: number;
  plate: string;
  mileage: number;
}

test("[CUSTOMER][LIVE] alice's portal follows her work order's status; bob's page hears nothing of it", async ({
  page,
  pageAs,
}, testInfo) => {
  const alice = await pageAs('alice');
  const bob = await pageAs('bob');
  await Promise.all([alice.goto('/portal'), bob.goto('/portal')]);
  await Promise.all([expectLive(alice), expectLive(bob)]);
  const [hers] = await call<PortalVehicle[]>(alice, 'get:portal.myVehicles');
  const [his] = await call<PortalVehicle[]>(bob, 'get:portal.myVehicles');
  if (!hers || !his) throw new Error('alice and bob each own a vehicle');
  const bobsReads = countReads(bob);
  const aliceReads = countReads(alice);

  await test.step("her portal follows her work order's status as staff move it, unreloaded", async () => {
    const created = await call<{ id: number; number: string }>(page, 'workOrder.create', {
      vehicleId: hers.id,
      concern: 'Live portal check',
      odometerIn: hers.mileage,
    });
    const row = alice.getByRole('row', { name: created.number });
    await expect(row).toContainText('waiting for your approval');
    await call(page, 'workOrder.addLine', {
      workOrderId: created.id,
      kind: 'labor',
      description: 'Inspect',
      quantity: '1',
      unitPriceCents: 5_000,
    });
    const { lines } = await call<{ lines: { id: number }[] }>(page, 'get:workOrder.byId', {
      id: created.id,
    });
    await call(page, 'workOrder.decideLines', {
      workOrderId: created.id,
      decisions: lines.map((line) => ({ lineId: line.id, approved: true })),
    });
    await expect(row).toContainText('approved, work starts soon');
    await call(page, 'workOrder.setStatus', { id: created.id, status: 'in_progress' });
    await expect(row).toContainText('being worked on');
    expect(aliceReads.count).toBeGreaterThan(0);
  });

  await test.step("bob's page fetched nothing for it: the next thing it hears is his own change", async () => {
    const plate = `LB ${Date.now().toString(36).slice(-5).toUpperCase()}`;
    const { version } = await call<{ version: number }>(page, 'get:vehicle.byId', { id: his.id });
    await call(page, 'vehicle.update', { id: his.id, version, plate });
    await expect(bob.getByText(plate, { exact: true }).first()).toBeVisible();
    // Events reach a stream in order: had alice's change reached bob, his vehicles would have
    // been fetched for it too, before his own change.
    expect(bobsReads.paths.filter((path) => path.includes('portal.myVehicles'))).toHaveLength(1);
  });

  await saveEndState(testInfo, { alice, bob });

  await test.step("closing bob's tab ends his stream on the API (the proxy lets go of it)", async () => {
    const before = await openStreams();
    await bob.close();
    await expect.poll(openStreams).toBe(before - 1);
  });
});
