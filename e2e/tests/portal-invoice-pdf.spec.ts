import { readFile } from 'node:fs/promises';
import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { showPdfPage } from '../support/pdf-page';
import { saveReadmeScreenshot } from '../support/readme-screenshots';
import { detail, uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, makeReady, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('alice') });

test('[CUSTOMER][INVOICES] alice downloads her invoice as a PDF (signed out or as bob it is refused) and sees her next service due soon', async ({
  page,
  pageAs,
  browser,
}, testInfo) => {
  const staff = await pageAs('staff');
  const tag = uniqueTag();
  const invoiced =
    await test.step('staff invoices a work order of alice and takes a payment', async () => {
      const vehicle = await newVehicle(
        staff.request,
        await customerIdOf(staff.request, customerNames.alice),
        tag,
        'Fit',
      );
      const estimate = await newEstimate(staff.request, vehicle, `Brake noise ${tag}`, brakeJob);
      await makeReady(staff.request, estimate);
      const workOrder = await mutate(staff.request, 'workOrder', 'invoice', {
        id: estimate.id,
        nextService: {
          mileage: 37_500,
          date: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
        },
      });
      await mutate(staff.request, 'workOrder', 'addPayment', {
        workOrderId: workOrder.id,
        amountCents: 10_000,
        method: 'card',
      });
      return workOrder;
    });

  const pdf = await test.step('from her past work orders, she downloads the PDF', async () => {
    await page.goto('/portal');
    const row = page
      .getByRole('region', { name: /^Past work orders/ })
      .getByRole('row', { name: invoiced.number });
    await expect(row).toContainText('invoiced, payment due');
    const downloading = page.waitForEvent('download');
    await row.getByRole('link', { name: `Invoice of ${invoiced.number} (PDF)` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`invoice-${invoiced.invoiceNumber}.pdf`);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return bytes;
  });

  await test.step('her work order page offers the same PDF', async () => {
    await page.goto(`/portal/work-orders/${invoiced.id}`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download invoice (PDF)' }).click();
    const again = await readFile(await (await downloading).path());
    expect(again.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  await test.step("the web app passes on the API's headers (a private, unstored attachment), and only invoice names", async () => {
    const response = await page.request.get(`/invoices/${invoiced.id}.pdf`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="invoice-${invoiced.invoiceNumber}.pdf"`,
    );
    expect(headers['cache-control']).toBe('private, no-store');
    for (const name of [`${invoiced.id}.txt`, 'abc.pdf', '0.pdf']) {
      expect((await page.request.get(`/invoices/${name}`)).status()).toBe(404);
    }
  });

  await test.step('signed out the PDF asks for a sign-in; bob, not its customer, gets no PDF', async () => {
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const signedOut = await anonymous.request.get(`/invoices/${invoiced.id}.pdf`);
    expect(signedOut.status()).toBe(401);
    expect((await signedOut.body()).subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    await anonymous.close();
    const bob = await pageAs('bob');
    const refused = await bob.request.get(`/invoices/${invoiced.id}.pdf`);
    expect(refused.status()).toBe(404);
    expect(refused.headers()['content-type']).not.toContain('application/pdf');
  });

  await test.step('the PDF holds the invoice: its number, total, payment and balance', async () => {
    const viewer = await pageAs('alice');
    await viewer.setViewportSize({ width: 960, height: 1240 });
    const text = await showPdfPage(viewer, pdf);
    expect(text).toContain(`Invoice no. ${invoiced.invoiceNumber}`);
    expect(text).toContain(invoiced.number);
    expect(text).toContain(customerNames.alice);
    expect(text).toMatch(/Total\s+\$227\.28/);
    expect(text).toMatch(/Balance due\s+\$127\.28/);
    await saveReadmeScreenshot(viewer, testInfo, 'invoice-pdf');
  });

  await test.step('her car shows the next service the invoice set, due soon by its date', async () => {
    await page.goto('/portal');
    await page
      .getByRole('region', { name: /^Past work orders/ })
      .getByRole('row', { name: invoiced.number })
      .getByRole('link', { name: '2018 Honda Fit' })
      .click();
    const next = page.getByRole('region', { name: 'Next service' });
    await expect(next).toContainText('Due soon');
    await expect(detail(next, 'At')).toHaveText('37,500 mi');
    await expect(detail(next, 'By')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    await expect(next).toContainText('Whichever comes first.');
  });

  await saveEndState(testInfo, { alice: page });
});
