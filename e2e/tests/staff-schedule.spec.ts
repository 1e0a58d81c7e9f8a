import type { Page } from '@playwright/test';
import { customerNames, storageStateOf } from '../support/accounts';
import { mutate, query } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { expectLive } from '../support/live';
import { pageWidth, phone } from '../support/phone';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { afterOpening, newBay, openDayAhead, shopClock } from '../support/schedule';
import { detail, uniqueTag } from '../support/ui';
import { customerIdOf, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

test('[STAFF][SCHEDULE] a phone booking into a free bay, the same slot refused to a second desk, moved and resized by drag and keys, arrival opens the work order; the other desk follows live', async ({
  page,
  pageAs,
}, testInfo) => {
  const desk = await pageAs('staff');
  const admin = await pageAs('admin');
  const tag = uniqueTag();
  const { day, bay, car, other } =
    await test.step('a bay of its own on an open day weeks ahead, two cars, through the API', async () => {
      const [day, bay, ownerId] = await Promise.all([
        openDayAhead(admin.request, 35),
        newBay(admin.request, tag),
        customerIdOf(page.request, customerNames.alice),
      ]);
      const [car, other] = await Promise.all([
        newVehicle(page.request, ownerId, tag),
        newVehicle(page.request, ownerId, tag, 'Jazz'),
      ]);
      return { day, bay, car, other };
    });
  const clock = (instant: Date) => shopClock(instant, day.timeZone);
  /** The opening plus `hours` (and `minutes`), `HH:MM` on the shop's clock. */
  const time = (hours: number, minutes = 0) => clock(afterOpening(day, hours * 60 + minutes));
  const cell = (where: Page, hours: number, minutes = 0) =>
    where.getByRole('button', { name: `Book ${bay.name} at ${time(hours, minutes)}`, exact: true });
  const who = `${customerNames.alice} · ${car.plate}`;
  /** The booked block's move handle, named by its times. */
  const block = (where: Page, times: string) =>
    where.getByRole('button', {
      name: `Move ${times} ${who}: arrows move it, Shift+arrows resize it`,
      exact: true,
    });
  const resize = (where: Page, times: string) =>
    where.getByRole('button', { name: new RegExp(`^Resize ${times} ${who}:`) });
  const concern = `Squeal from the front brakes ${tag}`;

  await test.step('both desks open the day; their live streams are up', async () => {
    await Promise.all([
      page.goto(`/staff/schedule?day=${day.day}`),
      desk.goto(`/staff/schedule?day=${day.day}`),
    ]);
    await Promise.all([expectLive(page), expectLive(desk)]);
  });

  const booked = `${time(2)}-${time(3)}`;
  await test.step('the second desk opens the free slot; the first books it by phone, and the second sees the block appear', async () => {
    await cell(desk, 2).click();
    await cell(page, 2).click();
    const form = page.getByRole('form', { name: 'New booking' });
    // Found as a caller would name it: by its plate.
    await form.getByLabel('Find the vehicle').fill(car.plate);
    await form
      .getByRole('list', { name: 'Matching vehicles' })
      .getByRole('button', { name: new RegExp(`\\(${car.plate}\\)`) })
      .click();
    await expect(form.getByRole('status')).toContainText(`(${car.plate}), ${customerNames.alice}`);
    await form.getByLabel('Concern').fill(concern);
    await expect(form.getByLabel('Channel')).toHaveValue('phone');
    await form.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(form).toBeHidden();
    await expect(block(page, booked)).toBeVisible();
    await expect(block(desk, booked)).toBeVisible();
  });

  await test.step('the second desk books the same bay and time: refused, naming the clash, nothing written', async () => {
    const form = desk.getByRole('form', { name: 'New booking' });
    await form.getByLabel('Name').fill('Dana Caller');
    await form.getByLabel('Concern').fill('Oil change');
    await form.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(
      form.getByText(`${bay.name} is booked ${booked} for ${customerNames.alice}`),
    ).toBeVisible();
    const { appointments } = await query(page.request, 'schedule', 'day', { day: day.day });
    expect(appointments.filter((row) => row.bayId === bay.id).map((row) => row.concern)).toEqual([
      concern,
    ]);
    await form.getByRole('button', { name: 'Close' }).click();
  });

  const moved = `${time(4)}-${time(5)}`;
  await test.step('dragged to a later time, on both desks', async () => {
    await block(page, booked).dragTo(cell(page, 4));
    await expect(page.getByRole('status').getByText(`Moved to ${moved}.`)).toBeVisible();
    await expect(block(desk, moved)).toBeVisible();
  });

  await test.step('resized by its bottom edge, then ended earlier from the keyboard and by typing', async () => {
    await resize(page, moved).dragTo(cell(page, 5, 30));
    await expect(
      page.getByRole('status').getByText(`Moved to ${time(4)}-${time(5, 45)}.`),
    ).toBeVisible();
    await resize(page, `${time(4)}-${time(5, 45)}`).press('ArrowUp');
    await expect(
      page.getByRole('status').getByText(`Moved to ${time(4)}-${time(5, 30)}.`),
    ).toBeVisible();
    await page.getByRole('button', { name: `Change the time of ${who}` }).click();
    const form = page.getByRole('form', { name: `Time of ${who}` });
    await form.getByLabel('Ends').fill(time(5, 15));
    await form.getByRole('button', { name: 'Save time' }).click();
    await expect(form).toBeHidden();
    await expect(block(page, `${time(4)}-${time(5, 15)}`)).toBeVisible();
    await expect(block(desk, `${time(4)}-${time(5, 15)}`)).toBeVisible();
  });

  const settled = `${time(4)}-${time(5, 15)}`;
  await test.step('dragged onto another booking: refused with the clash named, and back where it was', async () => {
    await mutate(page.request, 'schedule', 'book', {
      vehicleId: other.id,
      concern: `Tyre rotation ${tag}`,
      startsAt: afterOpening(day, 6 * 60),
      endsAt: afterOpening(day, 7 * 60),
      bayId: bay.id,
      channel: 'phone',
    });
    const otherBlock = page.getByRole('button', {
      name: new RegExp(`^Move ${time(6)}-${time(7)} .*${other.plate}:`),
    });
    await expect(otherBlock).toBeVisible();
    // The drop lands on the cell beneath the other block.
    await block(page, settled).dragTo(cell(page, 6), { force: true });
    await expect(page.getByRole('alert').filter({ hasText: 'Not moved:' })).toContainText(
      `${bay.name} is booked ${time(6)}-${time(7)} for ${customerNames.alice}`,
    );
    await expect(block(page, settled)).toBeVisible();
  });

  await test.step('the car arrives: the block links its work order, which carries the concern', async () => {
    // An arrived appointment no longer moves: its block is found by what it is about.
    const arrived = page.locator('.schedule-block', { hasText: concern });
    await arrived.getByRole('button', { name: 'Arrived', exact: true }).click();
    const workOrder = arrived.getByRole('link', { name: /^WO-/ });
    await expect(workOrder).toBeVisible();
    await expect(desk.locator('.schedule-block', { hasText: concern })).toContainText('arrived');
    await saveReadmeScreenshot(page, testInfo, 'schedule-day');
    await workOrder.click();
    await expect(page.getByRole('heading', { level: 1, name: /^WO-/ })).toBeVisible();
    await expect(detail(page, 'Concern').first()).toHaveText(concern);
  });

  await test.step('on a phone, the day scrolls inside its grid, not the page', async () => {
    await desk.setViewportSize(phone);
    const { scrollWidth, innerWidth } = await pageWidth(desk);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  await saveEndState(testInfo, { booker: page, desk });
});

test("[ADMIN][SCHEDULE] a technician's hours: every weekday's problem in one submit, then saved with a day off", async ({
  pageAs,
}) => {
  const admin = await pageAs('admin');
  // A day off far ahead, so no other flow's bookings meet it.
  const dayOff = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await admin.goto('/admin/settings');
  const form = admin.getByRole('form', { name: 'Working hours of Rita Kowalski' });
  const weekday = (name: string) => form.getByRole('group', { name, exact: true });
  await weekday('Saturday').getByLabel('Works').check();
  await weekday('Saturday').getByLabel('Ends').fill('');
  await weekday('Sunday').getByLabel('Works').check();
  await weekday('Sunday').getByLabel('Starts').fill('10:00');
  await weekday('Sunday').getByLabel('Ends').fill('09:00');
  await form.getByRole('button', { name: 'Save hours of Rita Kowalski' }).click();
  await expect(weekday('Saturday')).toContainText('Saturday end must be a time (HH:MM)');
  await expect(weekday('Sunday')).toContainText('Sunday must end after it starts');
  await weekday('Saturday').getByLabel('Works').uncheck();
  await weekday('Sunday').getByLabel('Ends').fill('14:00');
  await form.getByLabel('New day off').fill(dayOff);
  await form.getByRole('button', { name: 'Add day off' }).click();
  await form.getByRole('button', { name: 'Save hours of Rita Kowalski' }).click();
  await expect(form.getByRole('status')).toHaveText('Working hours saved.');
  const { technicians } = await query(admin.request, 'schedule', 'setup', undefined);
  const rita = technicians.find((each) => each.name === 'Rita Kowalski');
  expect(rita?.hours).toContainEqual({ weekday: 7, startMinute: 600, endMinute: 840 });
  expect(rita?.hours.map((each) => each.weekday)).not.toContain(6);
  expect(rita?.daysOff).toContain(dayOff);
});
