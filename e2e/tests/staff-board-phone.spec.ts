import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { cutOff, pageWidth, phone, smallTargets } from '../support/phone';
import { uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff'), viewport: phone });

test('[STAFF][PHONE] the board on a phone shows one column at a time, switched by named buttons with counts', async ({
  page,
}, testInfo) => {
  const tag = uniqueTag();
  const { estimate, started } =
    await test.step('an estimate and a work order in progress, through the API', async () => {
      const ownerId = await customerIdOf(page.request, customerNames.bob);
      const estimate = await newEstimate(
        page.request,
        await newVehicle(page.request, ownerId, tag, 'Accord'),
        `Check engine light ${tag}`,
        brakeJob,
      );
      const started = await newEstimate(
        page.request,
        await newVehicle(page.request, ownerId, tag, 'Pilot'),
        `Oil leak ${tag}`,
        brakeJob,
      );
      await mutate(page.request, 'workOrder', 'decideLines', {
        workOrderId: started.id,
        decisions: started.lines.map((line) => ({ lineId: line.id, approved: true })),
        channel: 'phone',
      });
      await mutate(page.request, 'workOrder', 'setStatus', {
        id: started.id,
        status: 'in_progress',
      });
      return { estimate, started };
    });

  const columns = page.getByRole('region', { name: /\(\d+\)$/ });
  const column = (name: string) =>
    page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  const switcher = page.getByRole('group', { name: 'Columns' });
  const cardOf = (number: string) =>
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: number, exact: true }) });

  await test.step('one column is shown, and the others are a button each with their count', async () => {
    await page.goto('/staff/board');
    await expect(columns).toHaveCount(1);
    await expect(switcher.getByRole('button')).toHaveCount(5);
    await expect(switcher.getByRole('button', { name: /^In progress \(\d+\)$/ })).toBeVisible();
  });

  await test.step('switching to "In progress" shows its cards and only them', async () => {
    await switcher.getByRole('button', { name: /^In progress/ }).click();
    await expect(switcher.getByRole('button', { name: /^In progress/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(columns).toHaveCount(1);
    await expect(column('In progress')).toBeVisible();
    await expect(cardOf(started.number)).toBeVisible();
    await expect(cardOf(estimate.number)).toBeHidden();
  });

  await test.step('the page fits the phone and every control is thumb-sized', async () => {
    const { scrollWidth, innerWidth } = await pageWidth(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    expect(await cutOff(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  await test.step('switching to "Estimate" shows the estimate; a move there follows the card', async () => {
    await switcher.getByRole('button', { name: /^Estimate/ }).click();
    await expect(column('Estimate')).toBeVisible();
    await expect(cardOf(estimate.number)).toBeVisible();
    await expect(cardOf(started.number)).toBeHidden();

    await switcher.getByRole('button', { name: /^In progress/ }).click();
    await cardOf(started.number).getByRole('button', { name: 'Mark ready' }).click();
    await expect(page.getByRole('status')).toHaveText(`${started.number} moved to Ready.`);
    await expect(column('Ready')).toBeVisible();
    await expect(cardOf(started.number)).toBeVisible();
    await expect(cardOf(started.number).getByRole('link', { name: started.number })).toBeFocused();
  });

  await saveEndState(testInfo, { board: page });
});
