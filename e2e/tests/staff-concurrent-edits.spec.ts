import type { RouterOutputs } from '@garage/api';
import type { Page } from '@playwright/test';
import { customerNames, storageStateOf } from '../support/accounts';
import { mutate, query } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { expectLive } from '../support/live';
import { detail, uniqueTag } from '../support/ui';
import { customerIdOf, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

type WorkOrder = RouterOutputs['workOrder']['byId'];

/** The work order's details form (concern, notes, technician, promised time). */
const detailsForm = (page: Page) => page.getByRole('form', { name: 'Concern and notes' });

/** A fresh estimate on a vehicle of its own, opened by staff and by admin in two browsers. */
async function openedTwice(page: Page, pageAs: (account: 'admin') => Promise<Page>) {
  const tag = uniqueTag();
  const vehicle = await newVehicle(
    page.request,
    await customerIdOf(page.request, customerNames.alice),
    tag,
    'Jazz',
  );
  const workOrder = await newEstimate(page.request, vehicle, `Rattle ${tag}`, []);
  const admin = await pageAs('admin');
  for (const opened of [page, admin]) {
    await opened.goto(`/staff/work-orders/${workOrder.id}`);
    await expect(detailsForm(opened).getByLabel('Concern', { exact: true })).toHaveValue(
      workOrder.concern,
    );
    await expectLive(opened);
  }
  return { workOrder, admin };
}

/** The work order as the API has it now. */
const stored = (page: Page, workOrder: WorkOrder) =>
  query(page.request, 'workOrder', 'byId', { id: workOrder.id });

test('[STAFF][WORK ORDERS] two people save one work order: the second save is refused with nothing of either lost, and "Use theirs" takes the newer values', async ({
  page,
  pageAs,
}, testInfo) => {
  const { workOrder, admin } = await openedTwice(page, pageAs);
  const mine = detailsForm(page);
  const theirs = detailsForm(admin);

  await test.step('staff starts typing notes; admin changes the concern and the technician, and saves', async () => {
    await mine.getByLabel('Notes', { exact: true }).fill('Customer waits in the lounge');
    await theirs.getByLabel('Concern', { exact: true }).fill('Rattle from the rear left');
    await theirs.getByLabel('Technician', { exact: true }).selectOption({ label: 'Rita Kowalski' });
    await theirs.getByRole('button', { name: 'Save details' }).click();
    await expect(theirs.getByRole('status')).toHaveText('Saved.');
    // The live stream shows staff the change at the top of the page, before they save.
    await expect(detail(page, 'Concern')).toHaveText('Rattle from the rear left');
  });

  await test.step("staff's save is refused, naming who changed what and when; nothing typed is lost", async () => {
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect(mine.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
      'Not saved: Ada Admin changed this work order at',
    );
    await expect(mine.getByLabel('Notes', { exact: true })).toHaveValue(
      'Customer waits in the lounge',
    );
    await expect(mine.getByLabel('Concern', { exact: true })).toHaveValue(workOrder.concern);
    await expect(mine.locator('.their-value[data-field="concern"]')).toContainText(
      'Now “Rattle from the rear left”, changed by Ada Admin at',
    );
    await expect(mine.locator('.their-value[data-field="technician"]')).toContainText(
      'Technician: Now “Rita Kowalski”, changed by Ada Admin',
    );
    await expect(mine.locator('.their-value[data-field="notes"]')).toHaveCount(0);
    expect(await stored(page, workOrder)).toMatchObject({
      concern: 'Rattle from the rear left',
      technician: { name: 'Rita Kowalski' },
      notes: null,
    });
  });

  await test.step('"Use theirs" puts their values in the form beside the notes typed; saving keeps both', async () => {
    await mine.getByRole('button', { name: 'Use theirs' }).click();
    await expect(mine.getByLabel('Concern', { exact: true })).toHaveValue(
      'Rattle from the rear left',
    );
    await expect(mine.getByLabel('Technician', { exact: true })).toHaveValue(
      String((await stored(page, workOrder)).technician?.id),
    );
    await expect(mine.getByLabel('Notes', { exact: true })).toHaveValue(
      'Customer waits in the lounge',
    );
    await expect(mine.getByText('Not saved')).toHaveCount(0);
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect(mine.getByRole('status')).toHaveText('Saved.');
    expect(await stored(page, workOrder)).toMatchObject({
      concern: 'Rattle from the rear left',
      technician: { name: 'Rita Kowalski' },
      notes: 'Customer waits in the lounge',
    });
  });
  await saveEndState(testInfo, { staff: page, admin });
});

test('[STAFF][WORK ORDERS] "Keep mine" saves my change over theirs and keeps theirs where I changed nothing', async ({
  page,
  pageAs,
}, testInfo) => {
  const { workOrder, admin } = await openedTwice(page, pageAs);
  const mine = detailsForm(page);
  const theirs = detailsForm(admin);

  await mine.getByLabel('Concern', { exact: true }).fill('Rattle, only over speed bumps');
  await theirs.getByLabel('Concern', { exact: true }).fill('Rattle at idle');
  await theirs.getByLabel('Notes', { exact: true }).fill('Loan car given');
  await theirs.getByRole('button', { name: 'Save details' }).click();
  await expect(theirs.getByRole('status')).toHaveText('Saved.');

  await mine.getByRole('button', { name: 'Save details' }).click();
  await expect(mine.locator('.their-value[data-field="concern"]')).toContainText(
    'Now “Rattle at idle”',
  );
  await expect(mine.locator('.their-value[data-field="notes"]')).toContainText(
    'Now “Loan car given”',
  );
  await mine.getByRole('button', { name: 'Keep mine' }).click();
  await expect(mine.getByRole('status')).toHaveText('Saved.');
  await expect(mine.getByLabel('Concern', { exact: true })).toHaveValue(
    'Rattle, only over speed bumps',
  );
  await expect(mine.getByLabel('Notes', { exact: true })).toHaveValue('Loan car given');
  expect(await stored(page, workOrder)).toMatchObject({
    concern: 'Rattle, only over speed bumps',
    notes: 'Loan car given',
  });
  // Admin's page follows, and its form (saved, untouched since) takes the newer concern.
  await expect(theirs.getByLabel('Concern', { exact: true })).toHaveValue(
    'Rattle, only over speed bumps',
  );
  await saveEndState(testInfo, { staff: page, admin });
});

test("[STAFF][CUSTOMERS] a customer with another customer's email is refused, naming and linking that customer", async ({
  page,
}) => {
  await page.goto('/staff/customers/new');
  await page.getByLabel('Name', { exact: true }).fill(`Alice Twin ${uniqueTag()}`);
  await page.getByLabel('Email', { exact: true }).fill('ALICE@garage.test');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('Email is already the email of Alice Martin')).toBeVisible();
  await page.getByRole('link', { name: 'Open Alice Martin’s record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Martin' })).toBeVisible();
});

test('[STAFF][WORK ORDERS] a line repriced by someone else while staff edit it: the save is refused beside the price, and "Use theirs" saves on top', async ({
  page,
  pageAs,
}) => {
  const tag = uniqueTag();
  const vehicle = await newVehicle(
    page.request,
    await customerIdOf(page.request, customerNames.alice),
    tag,
    'Fit',
  );
  const workOrder = await newEstimate(page.request, vehicle, `Filter ${tag}`, [
    { kind: 'part', description: 'Air filter', quantity: '1', unitPriceCents: 1_500 },
  ]);
  const line = workOrder.lines[0];
  if (!line) throw new Error('the estimate has a line');
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  await page.getByRole('button', { name: 'Edit Air filter' }).click();
  const form = page.getByRole('form', { name: 'Edit line: Air filter' });
  await form.getByLabel('Description', { exact: true }).fill('Air filter (OEM)');

  const admin = await pageAs('admin');
  await mutate(admin.request, 'workOrder', 'updateLine', {
    id: line.id,
    version: line.version,
    unitPriceCents: 1_850,
  });

  await form.getByRole('button', { name: 'Save line' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    'Ada Admin changed this line',
  );
  await expect(form.locator('.their-value[data-field="unitPrice"]')).toContainText(
    'Unit price: Now “$18.50”, changed by Ada Admin',
  );
  await expect(form.getByLabel('Description', { exact: true })).toHaveValue('Air filter (OEM)');
  await form.getByRole('button', { name: 'Use theirs' }).click();
  await expect(form.getByLabel('Unit price', { exact: true })).toHaveValue('18.50');
  await form.getByRole('button', { name: 'Save line' }).click();
  await expect(form).toHaveCount(0);
  expect((await stored(page, workOrder)).lines[0]).toMatchObject({
    description: 'Air filter (OEM)',
    unitPriceCents: 1_850,
  });
});

test('[STAFF][VEHICLES] a vehicle moved to another owner while staff edit its notes: "Keep mine" keeps the notes and the new owner', async ({
  page,
  pageAs,
}) => {
  const tag = uniqueTag();
  const vehicle = await newVehicle(
    page.request,
    await customerIdOf(page.request, customerNames.alice),
    tag,
    'Insight',
  );
  await page.goto(`/staff/vehicles/${vehicle.id}/edit`);
  await page.getByLabel('Notes', { exact: true }).fill('Scratch on the tailgate');

  const admin = await pageAs('admin');
  await mutate(admin.request, 'vehicle', 'update', {
    id: vehicle.id,
    version: vehicle.version,
    ownerId: await customerIdOf(admin.request, customerNames.bob),
  });

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.their-value[data-field="ownerId"]')).toContainText(
    'Now “Bob Okafor”, changed by Ada Admin',
  );
  await page.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `2018 Honda Insight` })).toBeVisible();
  expect(await query(page.request, 'vehicle', 'byId', { id: vehicle.id })).toMatchObject({
    notes: 'Scratch on the tailgate',
    owner: { name: customerNames.bob },
  });
});
