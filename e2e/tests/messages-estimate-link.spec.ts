import { estimateTokenIn, startSmtp } from '@garage/test-services/smtp';
import { customerNames, storageStateOf } from '../support/accounts';
import { expect, saveEndState, test } from '../support/fixtures';
import { detail, uniqueTag } from '../support/ui';
import { brakeJob, customerIdOf, newEstimate, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

test("[STAFF][MESSAGES] staff sends an estimate; the customer decides from the mail's link, signed out; staff see it without a reload", async ({
  page,
  browser,
}, testInfo) => {
  // The API mails to this port (see support/app-servers.ts): the flow reads what it receives.
  const smtp = await startSmtp(Number(process.env.E2E_SMTP_PORT));
  try {
    const tag = uniqueTag();
    const estimate = await test.step('staff prices an estimate for a car of alice', async () => {
      const vehicle = await newVehicle(
        page.request,
        await customerIdOf(page.request, customerNames.alice),
        tag,
      );
      return newEstimate(page.request, vehicle, `Squeal when braking ${tag}`, brakeJob);
    });

    const messages = page.getByRole('region', { name: 'Messages to the customer' });
    await test.step('staff marks it ready for approval; the message shows as sent, live', async () => {
      await page.goto(`/staff/work-orders/${estimate.id}`);
      await messages.getByRole('button', { name: 'Estimate ready: send for approval' }).click();
      await expect(messages.getByRole('row', { name: /Estimate for approval/ })).toContainText(
        'Sent',
      );
    });

    const mail = await test.step('alice receives exactly one mail, with the link', async () => {
      const about = (each: { subject: string }) => each.subject.includes(estimate.number);
      await smtp.until((received) => received.some(about));
      const mails = smtp.received.filter(about);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toBe('alice@garage.test');
      return mails[0];
    });
    if (!mail) throw new Error('no mail');
    const link = `/estimate/${estimateTokenIn(mail)}`;
    expect(mail.text).toContain(`${process.env.E2E_WEB_URL}${link}`);

    // A fresh browser context: no session, nothing but the link.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const visitor = await context.newPage();
    await test.step('the link opens the approval page signed out; she approves one line and declines one', async () => {
      await visitor.goto(link);
      await expect(visitor.getByRole('heading', { level: 1 })).toContainText(estimate.number);
      await expect(visitor.getByRole('status')).toContainText('Total: $227.28');
      await visitor.getByRole('button', { name: 'Approve Replace front brake pads' }).click();
      await expect(
        visitor.getByRole('listitem').filter({ hasText: 'Replace front brake pads' }),
      ).toContainText('Approved');
      await visitor.getByRole('button', { name: 'Decline Brake pad set' }).click();
      await expect(visitor.getByRole('status')).toContainText(
        'Total: $194.85 · every line is decided',
      );
      await expect(visitor.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
    });

    await test.step('staff see both decisions and the approval without reloading', async () => {
      const lines = page.getByRole('region', { name: 'Lines' });
      await expect(lines.getByRole('row', { name: 'Replace front brake pads' })).toContainText(
        'Approved through the estimate link',
      );
      await expect(lines.getByRole('row', { name: 'Brake pad set' })).toContainText(
        'Declined through the estimate link',
      );
      await expect(detail(page, 'Total')).toHaveText('$194.85');
    });
    await saveEndState(testInfo, { staff: page, visitor });
    await context.close();
  } finally {
    await smtp.stop();
  }
});
