import type { InvoiceShop } from './document';
import { type Doc, moneyWriter, paragraph, paymentMethodNames, tableRow, totalRow } from './draw';
import { formatDate } from './format';
import type { Invoice } from './invoice';

/**
 * The payments (a voided one marked VOID with its reason, its amount struck through) and the
 * refunds, oldest first, then what they leave paid.
 */
export function drawMovements(
  doc: Doc,
  shop: InvoiceShop,
  movements: Pick<Invoice, 'payments' | 'refunds' | 'paidCents'>,
) {
  const money = moneyWriter(shop);
  const day = (date: Date) => formatDate(date, shop.timeZone);
  const { payments, refunds } = movements;
  if (payments.length === 0 && refunds.length === 0) {
    paragraph(doc, 'No payments yet.');
    return;
  }
  const rows = [
    ...payments.map((payment) => ({
      at: payment.at,
      draw: () => {
        const method = paymentMethodNames[payment.method];
        const voided = payment.voided
          ? `  VOID (${day(payment.voided.at)}): ${payment.voided.reason}`
          : '';
        tableRow(
          doc,
          {
            description: `${day(payment.at)}  ${method}${voided}`,
            quantity: '',
            unitPrice: '',
            amount: money(payment.amountCents, payment.currency),
          },
          { struck: payment.voided !== null },
        );
      },
    })),
    ...refunds.map((refund) => ({
      at: refund.at,
      draw: () =>
        tableRow(doc, {
          description: `${day(refund.at)}  Refund, ${paymentMethodNames[refund.method].toLowerCase()}: ${refund.reason}`,
          quantity: '',
          unitPrice: '',
          amount: money(-refund.amountCents, refund.currency),
        }),
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const row of rows) row.draw();
  totalRow(doc, 'Paid', money(movements.paidCents));
}
