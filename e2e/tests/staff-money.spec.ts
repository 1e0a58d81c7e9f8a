import { readFile } from 'node:fs/promises';
import { storageStateOf } from '../support/accounts';
import { mutate, query } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { detail, uniqueTag } from '../support/ui';
import { brakeJob, makeReady, newEstimate, newVehicle } from '../support/work-orders';

// Money that moved by mistake, and an invoice that was wrong, set right on the staff work
// order page: nothing is edited or deleted, everything is confirmed first and stays on record.

test.use({ storageState: storageStateOf('staff') });

/** A ready work order (DESIGN.md's brake job, $227.28) of a new customer of this flow. */
async function readyWorkOrder(request: Parameters<typeof mutate>[0], extraLine = false) {
  const tag = uniqueTag();
  const owner = await mutate(request, 'customer', 'create', { name: `E2E Money ${tag}` });
  const vehicle = await newVehicle(request, owner.id, tag, 'Jazz');
  const lines = extraLine
    ? [
        ...brakeJob,
        {
          kind: 'part' as const,
          description: 'Wiper blades',
          quantity: '2',
          unitPriceCents: 1_500,
        },
      ]
    : brakeJob;
  const estimate = await newEstimate(request, vehicle, `Brakes ${tag}`, lines);
  if (extraLine) {
    await mutate(request, 'workOrder', 'decideLines', {
      workOrderId: estimate.id,
      decisions: estimate.lines.map((line) => ({
        lineId: line.id,
        approved: line.description !== 'Wiper blades',
      })),
      channel: 'phone',
    });
    await mutate(request, 'workOrder', 'setStatus', { id: estimate.id, status: 'in_progress' });
    await mutate(request, 'workOrder', 'setStatus', { id: estimate.id, status: 'ready' });
  } else {
    await makeReady(request, estimate);
  }
  return estimate;
}

test('[STAFF][INVOICES] invoicing confirms first: what is invoiced, what is declined, the total, what locks; cancel changes nothing', async ({
  page,
}, testInfo) => {
  const workOrder = await readyWorkOrder(page.request, true);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  const invoice = page.getByRole('region', { name: 'Invoice' });
  await invoice.getByLabel('Next service mileage', { exact: true }).fill('40,000');
  await invoice.getByRole('button', { name: 'Invoice', exact: true }).click();

  const confirm = page.getByRole('dialog', { name: `Invoice ${workOrder.number}?` });
  await expect(confirm).toBeVisible();
  const invoiced = confirm.getByRole('list', { name: 'Lines to invoice' });
  await expect(invoiced.getByRole('listitem')).toHaveCount(2);
  await expect(invoiced).toContainText('Replace front brake pads');
  await expect(invoiced).toContainText('Brake pad set');
  await expect(confirm.getByRole('list', { name: 'Declined lines' })).toContainText('Wiper blades');
  await expect(detail(confirm, 'Total')).toHaveText('$227.28');
  await expect(confirm).toContainText('Next service: at 40,000 mi');
  await expect(confirm).toContainText("locks its lines, its details and the customer's decisions");
  await saveEndState(testInfo, { staff: page });

  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ready');
  await expect(invoice.getByLabel('Next service mileage', { exact: true })).toHaveValue('40,000');
  await expect(page.getByRole('form', { name: 'Add a line' })).toBeVisible();
  const unchanged = await query(page.request, 'workOrder', 'byId', { id: workOrder.id });
  expect([unchanged.status, unchanged.invoiceNumber]).toEqual(['ready', null]);
});

test('[STAFF][PAYMENTS] voids a payment of a paid work order: it stays struck through with its reason, and the work order is invoiced again; a refund follows', async ({
  page,
}, testInfo) => {
  const workOrder = await readyWorkOrder(page.request);
  await mutate(page.request, 'workOrder', 'invoice', { id: workOrder.id });
  const cash = await mutate(page.request, 'workOrder', 'addPayment', {
    workOrderId: workOrder.id,
    amountCents: 10_000,
    method: 'cash',
  });
  await mutate(page.request, 'workOrder', 'addPayment', {
    workOrderId: workOrder.id,
    amountCents: 12_728,
    method: 'card',
  });
  const cashId = cash.payments[0]?.id ?? 0;

  await page.goto(`/staff/work-orders/${workOrder.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid');
  const payments = page.getByRole('region', { name: 'Payments' });

  await test.step('void the cash payment, giving the reason, after a confirmation', async () => {
    await payments.getByRole('button', { name: `Void payment ${cashId}`, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Void the payment of $100.00?' });
    await expect(confirm).toContainText('The work order goes back to invoiced.');
    await confirm.getByRole('button', { name: 'Void payment' }).click();
    // No reason: refused, nothing voided.
    await expect(confirm.getByText('Reason is required')).toBeVisible();
    await confirm.getByLabel('Reason', { exact: true }).fill('typed 100 for 1.00');
    await confirm.getByRole('button', { name: 'Void payment' }).click();
    await expect(confirm).toBeHidden();
  });

  await test.step('paid becomes invoiced; the row stays, struck through, with the reason', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoiced');
    await expect(payments.getByRole('status')).toHaveText(
      'Payment voided. The work order is invoiced again.',
    );
    const row = payments.getByRole('row', { name: `Payment ${cashId}`, exact: true });
    await expect(row).toContainText('Void: typed 100 for 1.00 (Sam Staff');
    await expect(row.locator('td.amount')).toHaveText('$100.00');
    await expect(row.locator('td.amount')).toHaveCSS('text-decoration-line', 'line-through');
    await expect(row.getByRole('button', { name: /Void/ })).toHaveCount(0);
    await expect(detail(payments, 'Paid')).toHaveText('$127.28');
    await expect(detail(payments, 'Balance due')).toHaveText('$100.00');
    await expect(page.getByRole('region', { name: 'Status history' })).toContainText(
      `Paid → Invoiced by Sam Staff (Payment ${cashId} voided: typed 100 for 1.00)`,
    );
    await expect(page.getByRole('region', { name: 'Money audit' })).toContainText(
      `Payment ${cashId} of $100.00 voided: typed 100 for 1.00 — Sam Staff`,
    );
  });

  await test.step('a refund of part of the card payment, confirmed, raises the balance', async () => {
    const form = payments.getByRole('form', { name: 'Record a refund' });
    await form.getByLabel('Refund of', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Refund amount', { exact: true }).fill('200');
    await form.getByLabel('Refunded by', { exact: true }).selectOption({ label: 'Card' });
    await form.getByLabel('Refund reason', { exact: true }).fill('wait was too long');
    await form.getByRole('button', { name: 'Refund…' }).click();
    // More than the card payment: refused by the API, naming the amount.
    await page
      .getByRole('dialog', { name: 'Refund $200.00?' })
      .getByRole('button', {
        name: 'Record the refund',
      })
      .click();
    await expect(
      form.getByText(/^Refund amount is more than what is left to refund/),
    ).toBeVisible();
    await form.getByLabel('Refund amount', { exact: true }).fill('10');
    await form.getByRole('button', { name: 'Refund…' }).click();
    await page
      .getByRole('dialog', { name: 'Refund $10.00?' })
      .getByRole('button', { name: 'Record the refund' })
      .click();
    await expect(payments.getByRole('status')).toHaveText('Refund recorded.');
    await expect(payments.getByRole('table', { name: 'Refunds' })).toContainText(
      'wait was too long',
    );
    await expect(detail(payments, 'Balance due')).toHaveText('$110.00');
  });
  await saveEndState(testInfo, { staff: page });
});

test('[STAFF][INVOICES] credits an invoice with a credit note, then invoices again under the next number', async ({
  page,
}, testInfo) => {
  const ready = await readyWorkOrder(page.request);
  const first = await mutate(page.request, 'workOrder', 'invoice', { id: ready.id });
  await page.goto(`/staff/work-orders/${ready.id}`);
  const invoice = page.getByRole('region', { name: 'Invoice' });
  await expect(detail(invoice, 'Invoice number')).toHaveText(String(first.invoiceNumber));

  await test.step('credit it, with a reason, after a confirmation', async () => {
    await invoice.getByRole('button', { name: 'Credit this invoice' }).click();
    const confirm = page.getByRole('dialog', { name: `Credit invoice ${first.invoiceNumber}?` });
    await expect(confirm).toContainText('cancels invoice');
    await confirm.getByLabel('Reason', { exact: true }).fill('billed the wrong labour rate');
    await confirm.getByRole('button', { name: 'Issue the credit note' }).click();
    await expect(confirm).toBeHidden();
  });

  const credited = page.getByRole('region', { name: 'Credited invoices' });
  const note =
    await test.step('the work order is ready again; the credit note is listed with its PDF', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Ready');
      const after = await query(page.request, 'workOrder', 'byId', { id: ready.id });
      const creditNote = after.creditNotes[0];
      if (!creditNote) throw new Error('no credit note');
      await expect(credited).toContainText(
        `Credit note ${creditNote.number}: credits invoice ${first.invoiceNumber} in full, $227.28.`,
      );
      await expect(credited).toContainText('billed the wrong labour rate');
      await expect(page.getByRole('region', { name: 'Status history' })).toContainText(
        `Invoiced → Ready by Sam Staff (Invoice ${first.invoiceNumber} credited by credit note ${creditNote.number}: billed the wrong labour rate)`,
      );
      const downloading = page.waitForEvent('download');
      await credited.getByRole('link', { name: `Credit note ${creditNote.number} (PDF)` }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`credit-note-${creditNote.number}.pdf`);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      return creditNote;
    });

  await test.step('the lines can be corrected, and it is invoiced again under the next number', async () => {
    await expect(page.getByRole('form', { name: 'Add a line' })).toBeVisible();
    await invoice.getByRole('button', { name: 'Invoice', exact: true }).click();
    await page
      .getByRole('dialog', { name: `Invoice ${ready.number}?` })
      .getByRole('button', { name: 'Issue the invoice' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoiced');
    await expect(detail(invoice, 'Invoice number')).toHaveText(
      String((first.invoiceNumber ?? 0) + 1),
    );
    await expect(invoice.getByRole('list', { name: 'Credit notes' })).toContainText(
      `Credit note ${note.number}`,
    );
  });
  await saveEndState(testInfo, { staff: page });
});
