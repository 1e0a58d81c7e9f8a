import PDFDocument from 'pdfkit';
import type { PaymentMethod } from '../domain/work-orders/status';
import type { BillTo, InvoiceDocument, InvoiceShop } from './document';
import { drawable, formatMileage, formatMoney, formatQuantity } from './format';

// The pieces invoices and credit notes share, drawn with PDFKit's built-in Helvetica (its
// metrics ship inside the package, so nothing is read or fetched at run time beyond it), on
// one or more Letter pages.

export const margin = 50;
const pageSize = { width: 612, height: 792 };
export const contentWidth = pageSize.width - 2 * margin;
export const lineGap = 3;

/** The columns of the lines table: x from the left margin and width, in points. */
const columns = {
  description: { x: 0, width: 272, align: 'left' },
  quantity: { x: 272, width: 60, align: 'right' },
  unitPrice: { x: 332, width: 90, align: 'right' },
  amount: { x: 422, width: 90, align: 'right' },
} as const;

type ColumnName = keyof typeof columns;
const columnNames: readonly ColumnName[] = ['description', 'quantity', 'unitPrice', 'amount'];
export type Doc = InstanceType<typeof PDFDocument>;
export type Cells = Record<ColumnName, string>;

export const paymentMethodNames = {
  cash: 'Cash',
  card: 'Card',
  transfer: 'Bank transfer',
  other: 'Other',
} as const satisfies Record<PaymentMethod, string>;

/** Amounts in `currency`, in the shop's locale when the document was issued with one. */
export function moneyWriter(shop: InvoiceShop) {
  return (cents: number, currency = shop.currency) => formatMoney(cents, currency, shop.locale);
}

/** Draws a document with `draw` and answers its bytes. */
export function renderPdf(
  info: { Title: string; Author: string; Subject: string },
  draw: (doc: Doc) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: [pageSize.width, pageSize.height], margin, info });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** The shop on the left; the document's title and its facts (number, date, ...) on the right. */
export function drawHeader(doc: Doc, shop: InvoiceShop, title: string, facts: readonly string[]) {
  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(18).text(drawable(shop.name), margin, top, { width: 300 });
  doc.font('Helvetica').fontSize(10);
  for (const line of [shop.address, shop.phone]) {
    if (line) doc.text(drawable(line), { width: 300, lineGap });
  }
  const shopBottom = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(title, margin, top, { width: contentWidth, align: 'right' });
  doc.font('Helvetica').fontSize(10);
  for (const line of facts) {
    doc.text(drawable(line), { width: contentWidth, align: 'right', lineGap });
  }
  doc.y = Math.max(shopBottom, doc.y) + 20;
}

/** Who is billed, and for which vehicle: as the invoice recorded them when it was issued. */
export function drawBillTo(doc: Doc, { customer, vehicle, odometerIn }: BillTo) {
  const blockTop = doc.y;
  heading(doc, 'Bill to', margin, blockTop);
  for (const line of [customer.name, customer.address, customer.email, customer.phone]) {
    if (line) doc.text(drawable(line), { width: 240, lineGap });
  }
  const customerBottom = doc.y;
  const vehicleX = margin + 272;
  heading(doc, 'Vehicle', vehicleX, blockTop);
  for (const line of [
    `${vehicle.year} ${vehicle.make} ${vehicle.model}`,
    `Plate: ${vehicle.plate}`,
    `VIN: ${vehicle.vin}`,
    `Odometer at intake: ${formatMileage(odometerIn)}`,
  ]) {
    doc.text(drawable(line), vehicleX, undefined, { width: 240, lineGap });
  }
  doc.y = Math.max(customerBottom, doc.y) + 20;
}

/** The lines charged, then subtotal, tax and total (negated on a credit note). */
export function drawLinesAndTotals(
  doc: Doc,
  invoice: Pick<InvoiceDocument, 'lines' | 'totals' | 'shop'>,
  options: { sign: 1 | -1; totalLabel: string },
) {
  const money = moneyWriter(invoice.shop);
  const { sign } = options;
  doc.font('Helvetica-Bold');
  tableRow(doc, {
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
  });
  rule(doc);
  doc.font('Helvetica');
  for (const line of invoice.lines) {
    tableRow(doc, {
      description: line.description,
      quantity: formatQuantity(line.quantity),
      unitPrice: money(line.unitPriceCents),
      amount: money(sign * line.netCents),
    });
  }
  rule(doc);
  totalRow(doc, 'Subtotal', money(sign * invoice.totals.subtotalCents));
  totalRow(doc, 'Tax', money(sign * invoice.totals.taxCents));
  doc.font('Helvetica-Bold');
  totalRow(doc, options.totalLabel, money(sign * invoice.totals.totalCents));
  doc.font('Helvetica');
  doc.moveDown();
}

export function heading(doc: Doc, title: string, x: number, y: number) {
  doc.font('Helvetica-Bold').fontSize(11).text(title, x, y, { lineGap });
  doc.font('Helvetica').fontSize(10);
}

/** A paragraph across the page. */
export function paragraph(doc: Doc, text: string) {
  doc.text(drawable(text), margin, undefined, { width: contentWidth, lineGap });
}

/**
 * One row of the lines table, on a new page when it would not fit on this one; `struck` draws
 * a line through its amount (a voided payment: on record, no longer counted).
 */
export function tableRow(doc: Doc, cells: Cells, { struck = false } = {}) {
  const height = Math.max(
    ...columnNames.map((name) =>
      doc.heightOfString(drawable(cells[name]), { width: columns[name].width }),
    ),
  );
  if (doc.y + height > pageSize.height - margin) doc.addPage();
  const y = doc.y;
  for (const name of columnNames) {
    const column = columns[name];
    doc.text(drawable(cells[name]), margin + column.x, y, {
      width: column.width,
      align: column.align,
    });
  }
  if (struck) {
    const width = doc.widthOfString(drawable(cells.amount));
    const right = margin + columns.amount.x + columns.amount.width;
    const middle = y + doc.currentLineHeight() / 2;
    doc
      .moveTo(right - width, middle)
      .lineTo(right, middle)
      .lineWidth(0.75)
      .stroke();
  }
  doc.x = margin;
  doc.y = y + height + lineGap;
}

export function totalRow(doc: Doc, label: string, amount: string) {
  tableRow(doc, { description: '', quantity: '', unitPrice: label, amount });
}

export function rule(doc: Doc) {
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + contentWidth, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += lineGap;
}
