import {
  drawBillTo,
  drawHeader,
  drawLinesAndTotals,
  heading,
  margin,
  moneyWriter,
  paragraph,
  renderPdf,
  totalRow,
} from './draw';
import { drawable, formatDate } from './format';
import type { Invoice } from './invoice';
import { drawMovements } from './movements-table';

/** The invoice as a PDF file. */
export function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  const { document } = invoice;
  return renderPdf(
    {
      Title: `Invoice ${document.number}`,
      Author: drawable(document.shop.name),
      Subject: `Work order ${document.workOrderNumber}`,
    },
    (doc) => {
      const { shop } = document;
      const money = moneyWriter(shop);
      const day = (date: Date) => formatDate(date, shop.timeZone);
      drawHeader(doc, shop, invoice.credit ? 'INVOICE (CREDITED)' : 'INVOICE', [
        `Invoice no. ${document.number}`,
        `Date: ${day(document.issuedAt)}`,
        `Work order: ${document.workOrderNumber}`,
        ...invoice.replaces.map(
          (each) =>
            `Replaces invoice no. ${each.invoiceNumber} (credit note no. ${each.creditNoteNumber})`,
        ),
      ]);
      drawBillTo(doc, document.billTo);
      // The lines that count (declined ones are recommendations, not charges).
      drawLinesAndTotals(doc, document, { sign: 1, totalLabel: 'Total' });

      heading(doc, 'Payments', margin, doc.y);
      drawMovements(doc, shop, invoice);
      doc.moveDown(0.5);
      if (invoice.credit) {
        const { credit } = invoice;
        totalRow(doc, `Credit note no. ${credit.number}`, money(-document.totals.totalCents));
        doc.moveDown(0.5);
        paragraph(
          doc,
          `Credited in full by credit note no. ${credit.number} on ${day(credit.issuedAt)}: ${credit.reason}. Nothing is due on this invoice.${invoice.paidCents > 0 ? ` Payments received stay on work order ${document.workOrderNumber} and count toward its next invoice.` : ''}`,
        );
        return;
      }
      doc.font('Helvetica-Bold').fontSize(12);
      totalRow(doc, 'Balance due', money(document.totals.totalCents - invoice.paidCents));
    },
  );
}
