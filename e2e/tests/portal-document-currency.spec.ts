import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, makeReady, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('alice') });

// Issue 22: changing the shop's currency relabelled issued invoices ($483.86 became €483.86).
// An invoice, its total and its payments stay in the currency it was issued in; a work order
// still in the shop follows the settings.

test('[CUSTOMER][INVOICES] after the shop switches to euros, her invoiced work order and its payment still show dollars; an open one shows euros', async ({
  page,
  pageAs,
}, testInfo) => {
  const staff = await pageAs('staff');
  const admin = await pageAs('admin');
  const tag = uniqueTag();
  const { invoiced, open } =
    await test.step('staff invoices one work order in dollars, takes a payment, and opens another', async () => {
      const aliceId = await customerIdOf(staff.request, customerNames.alice);
      const vehicle = await newVehicle(staff.request, aliceId, tag, 'Insight');
      const first = await newEstimate(staff.request, vehicle, `Brakes ${tag}`, brakeJob);
      await makeReady(staff.request, first);
      const invoiced = await mutate(staff.request, 'workOrder', 'invoice', { id: first.id });
      await mutate(staff.request, 'workOrder', 'addPayment', {
        workOrderId: invoiced.id,
        amountCents: 2_728,
        method: 'card',
      });
      const open = await newEstimate(staff.request, vehicle, `Tyres ${tag}`, brakeJob);
      return { invoiced, open };
    });

  await mutate(admin.request, 'settings', 'update', { currency: 'EUR' });
  try {
    await test.step('her lists: the invoice in dollars, the estimate in euros', async () => {
      await page.goto('/portal');
      const past = page
        .getByRole('region', { name: /^Past work orders/ })
        .getByRole('row', { name: invoiced.number });
      await expect(past).toContainText('$227.28');
      const current = page
        .getByRole('region', { name: /^In the shop/ })
        .getByRole('row', { name: open.number });
      await expect(current).toContainText('€227.28');
    });

    await test.step('her invoiced work order: lines, totals and payment in dollars', async () => {
      await page.goto(`/portal/work-orders/${invoiced.id}`);
      await expect(page.getByRole('region', { name: 'Invoiced work' })).toContainText('$227.28');
      await expect(page.getByRole('region', { name: 'Payments' })).toContainText('$27.28');
      await expect(page.getByRole('main')).not.toContainText('€');
    });

    await test.step('staff see the same on the work order page', async () => {
      await staff.goto(`/staff/work-orders/${invoiced.id}`);
      const payments = staff.getByRole('region', { name: 'Payments' });
      await expect(payments).toContainText('$27.28');
      await expect(payments).toContainText('$200.00');
      await expect(staff.getByRole('main')).not.toContainText('€');
    });
    await saveEndState(testInfo, { alice: page, staff });
  } finally {
    await mutate(admin.request, 'settings', 'update', { currency: 'USD' });
  }
});
