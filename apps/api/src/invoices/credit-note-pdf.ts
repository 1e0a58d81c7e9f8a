import type { CreditNote } from './credit-note';
import {
  drawBillTo,
  drawHeader,
  drawLinesAndTotals,
  heading,
  margin,
  moneyWriter,
  paragraph,
  renderPdf,
} from './draw';
import { drawable, formatDate } from './format';

/**
 * The credit note as a PDF file: the shop, the bill-to and the lines of the invoice it credits,
 * as that was issued (in its currency), negated, with the reason and what becomes of payments.
 */
export function renderCreditNotePdf(note: CreditNote): Promise<Buffer> {
  const { invoice } = note;
  return renderPdf(
    {
      Title: `Credit note ${note.number}`,
      Author: drawable(invoice.shop.name),
      Subject: `Credits invoice ${invoice.number} (work order ${invoice.workOrderNumber})`,
    },
    (doc) => {
      const money = moneyWriter(invoice.shop);
      const day = (date: Date) => formatDate(date, invoice.shop.timeZone);
      drawHeader(doc, invoice.shop, 'CREDIT NOTE', [
        `Credit note no. ${note.number}`,
        `Date: ${day(note.issuedAt)}`,
        `Credits invoice no. ${invoice.number} of ${day(invoice.issuedAt)}`,
        `Work order: ${invoice.workOrderNumber}`,
      ]);
      drawBillTo(doc, invoice.billTo);
      heading(doc, 'Reason', margin, doc.y);
      paragraph(doc, note.reason);
      doc.moveDown();
      drawLinesAndTotals(doc, invoice, { sign: -1, totalLabel: 'Total credited' });
      paragraph(
        doc,
        note.paidCents > 0
          ? `Payments of ${money(note.paidCents)} received on invoice no. ${invoice.number} stay on work order ${invoice.workOrderNumber} and count toward its next invoice; money given back is recorded as a refund.`
          : `No payment was kept on invoice no. ${invoice.number}: nothing is carried to the next invoice.`,
      );
    },
  );
}
