import { customerNames, storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { expectLive } from '../support/live';
import { newBay, openDayAhead } from '../support/schedule';
import { uniqueTag } from '../support/ui';
import { customerIdOf, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

test('[CUSTOMER][SCHEDULE] alice requests a free slot for her car; staff confirm it and her portal says booked without a reload', async ({
  page,
  pageAs,
}, testInfo) => {
  const alice = await pageAs('alice');
  const admin = await pageAs('admin');
  const tag = uniqueTag();
  const { day, car } =
    await test.step("an open day within the portal's offer, a bay, a car of alice's own, through the API", async () => {
      const [day, ownerId] = await Promise.all([
        openDayAhead(admin.request, 14),
        customerIdOf(page.request, customerNames.alice),
        newBay(admin.request, tag),
      ]);
      return { day, car: await newVehicle(page.request, ownerId, tag, 'Fit') };
    });
  const concern = `Check engine light ${tag}`;
  const request = alice.getByRole('form', { name: 'Request an appointment' });
  const mine = alice
    .getByRole('region', { name: 'Appointments' })
    .getByRole('listitem')
    .filter({ hasText: car.plate });

  await test.step('alice picks a free time that day: her request says "requested"', async () => {
    await alice.goto('/portal');
    await expectLive(alice);
    await request.getByLabel('Vehicle').selectOption({ label: `2018 Honda Fit (${car.plate})` });
    await request.getByLabel('What should we look at?').fill(concern);
    await request.getByLabel('Day').fill(day.day);
    // The offered times are the form's only buttons; the day's last is the least likely taken.
    await request.getByRole('button').last().click();
    await expect(mine).toContainText(concern);
    await expect(mine.locator('.badge')).toHaveText('requested');
  });

  await test.step('staff see it requested on the day and confirm it; her portal follows', async () => {
    await page.goto(`/staff/schedule?day=${day.day}`);
    const block = page.locator('.schedule-block', { hasText: car.plate });
    await expect(block).toContainText('requested');
    await block.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(block).toContainText('booked');
    await expect(mine.locator('.badge')).toHaveText('booked');
  });

  await saveEndState(testInfo, { staff: page, alice });
});
