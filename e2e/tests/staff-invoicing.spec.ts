import { storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { detail, uniqueTag } from '../support/ui';
import { brakeJob, makeReady, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

/** The day `days` from now as an <input type="date"> takes it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('[STAFF][INVOICES] invoices a ready work order with a next service after confirming what is invoiced, refuses an overpayment, takes two payments to paid, and the service shows as due soon', async ({
  page,
}, testInfo) => {
  const tag = uniqueTag();
  const customer = `E2E Payer ${tag}`;
  const { workOrder, plate } = await test.step('a ready work order of a new customer', async () => {
    const owner = await mutate(page.request, 'customer', 'create', {
      name: customer,
      phone: '+1 312 555 0199',
    });
    const vehicle = await newVehicle(page.request, owner.id, tag, 'Accord');
    const estimate = await newEstimate(page.request, vehicle, `Brakes ${tag}`, brakeJob);
    await makeReady(page.request, estimate);
    return { workOrder: estimate, plate: vehicle.plate };
  });

  const invoice = page.getByRole('region', { name: 'Invoice' });
  await test.step('staff invoices it, setting the next service by mileage and date', async () => {
    await page.goto(`/staff/work-orders/${workOrder.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ready');
    await expect(invoice).toContainText('the total due is $227.28');
    await invoice.getByLabel('Next service mileage', { exact: true }).fill('37,500');
    await invoice.getByLabel('Next service date', { exact: true }).fill(daysFromNow(10));
    await invoice.getByRole('button', { name: 'Invoice', exact: true }).click();
    // A confirmation first: what is invoiced, the total, what gets locked.
    const confirm = page.getByRole('dialog', { name: `Invoice ${workOrder.number}?` });
    await expect(confirm.getByRole('list', { name: 'Lines to invoice' })).toContainText(
      'Replace front brake pads',
    );
    await expect(confirm).toContainText('$227.28');
    await confirm.getByRole('button', { name: 'Issue the invoice' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoiced');
    await expect(detail(invoice, 'Invoice number')).toHaveText(/^\d+$/);
    await expect(invoice.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      `/invoices/${workOrder.id}.pdf`,
    );
    // Invoiced lines are locked: the editor is gone.
    await expect(page.getByRole('form', { name: 'Add a line' })).toHaveCount(0);
  });

  const payments = page.getByRole('region', { name: 'Payments' });
  const form = payments.getByRole('form', { name: 'Add a payment' });
  const amount = form.getByLabel('Amount', { exact: true });
  await test.step('an amount above the balance is refused, naming the amount', async () => {
    await expect(payments).toContainText('No payment taken yet.');
    await expect(amount).toHaveValue('227.28');
    await amount.fill('300');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expect(form.getByText(/^Amount is more than the balance due/)).toBeVisible();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(detail(payments, 'Balance due')).toHaveText('$227.28');
  });

  await test.step('a first payment in cash leaves a balance', async () => {
    await amount.fill('100.00');
    await form.getByLabel('Method', { exact: true }).selectOption({ label: 'Cash' });
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expect(payments.getByRole('status')).toHaveText('Payment recorded.');
    await expect(payments.getByRole('row').filter({ hasText: 'Cash' })).toContainText('$100.00');
    await expect(detail(payments, 'Paid')).toHaveText('$100.00');
    await expect(detail(payments, 'Balance due')).toHaveText('$127.28');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoiced');
  });

  await test.step('the second, by card, pays the rest: balance 0, the work order is paid', async () => {
    await expect(amount).toHaveValue('127.28');
    await form.getByLabel('Method', { exact: true }).selectOption({ label: 'Card' });
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expect(payments.getByRole('status')).toHaveText(
      'Payment recorded. The work order is now paid.',
    );
    await expect(detail(payments, 'Balance due')).toHaveText('$0.00');
    await expect(payments.getByRole('row').filter({ hasText: 'Card' })).toContainText('$127.28');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid');
    await expect(form).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Status history' })).toContainText(
      'Invoiced → Paid by Sam Staff',
    );
  });

  await test.step('the next service is due soon; its row leads to the customer and a new work order', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Due soon' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Due soon' })).toBeVisible();
    const row = page.getByRole('row', { name: `Next service: ${plate}` });
    await expect(row).toContainText('at 37,500 mi');
    await expect(row).toContainText('By date');
    await expect(row).toContainText('+1 312 555 0199');
    await row.getByRole('link', { name: `Contact details of ${customer}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: customer })).toBeVisible();
    await expect(detail(page, 'Phone')).toHaveText('+1 312 555 0199');
    await page.goBack();
    await row.getByRole('link', { name: `New work order: Next service for ${plate}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New work order' })).toBeVisible();
    await expect(page.getByLabel('Concern', { exact: true })).toHaveValue('Next service');
    await expect(page.getByRole('main')).toContainText(`owned by ${customer}`);
  });

  await saveEndState(testInfo, { staff: page });
});
