import PDFDocument from 'pdfkit';
import { drawable, formatDate, formatMileage, formatMoney, formatQuantity } from './format';
import type { Invoice } from './invoice';

// The invoice drawn with PDFKit's built-in Helvetica (its metrics ship inside the package, so
// nothing is read or fetched at run time beyond it), on one or more Letter pages.

const margin = 50;
const pageSize = { width: 612, height: 792 };
const contentWidth = pageSize.width - 2 * margin;
const lineGap = 3;

/** The columns of the lines table: x from the left margin and width, in points. */
const columns = {
  description: { x: 0, width: 272, align: 'left' },
  quantity: { x: 272, width: 60, align: 'right' },
  unitPrice: { x: 332, width: 90, align: 'right' },
  amount: { x: 422, width: 90, align: 'right' },
} as const;

type ColumnName = keyof typeof columns;
const columnNames: readonly ColumnName[] = ['description', 'quantity', 'unitPrice', 'amount'];
type Doc = InstanceType<typeof PDFDocument>;

const paymentMethodNames = {
  cash: 'Cash',
  card: 'Card',
  transfer: 'Bank transfer',
  other: 'Other',
} as const satisfies Record<Invoice['payments'][number]['method'], string>;

/** The invoice as a PDF file. */
export function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [pageSize.width, pageSize.height],
    margin,
    info: {
      Title: `Invoice ${invoice.invoiceNumber}`,
      Author: drawable(invoice.shop.name),
      Subject: `Work order ${invoice.number}`,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawInvoice(doc, invoice);
  doc.end();
  return done;
}

function drawInvoice(doc: Doc, invoice: Invoice) {
  const { shop } = invoice;
  const money = (cents: number) => formatMoney(cents, shop.currency);
  const day = (date: Date) => formatDate(date, shop.timeZone);

  // The shop, and the invoice's number and date on the right.
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
    .text('INVOICE', margin, top, { width: contentWidth, align: 'right' });
  doc.font('Helvetica').fontSize(10);
  for (const line of [
    `Invoice no. ${invoice.invoiceNumber}`,
    `Date: ${day(invoice.invoicedAt)}`,
    `Work order: ${invoice.number}`,
  ]) {
    doc.text(line, { width: contentWidth, align: 'right', lineGap });
  }
  doc.y = Math.max(shopBottom, doc.y) + 20;

  // Who is billed, and for which vehicle.
  const { customer, vehicle } = invoice;
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
    `Odometer at intake: ${formatMileage(invoice.odometerIn)}`,
  ]) {
    doc.text(drawable(line), vehicleX, undefined, { width: 240, lineGap });
  }
  doc.y = Math.max(customerBottom, doc.y) + 20;

  // The lines that count (declined ones are recommendations, not charges).
  const charged = invoice.lines.filter((line) => line.approval !== 'declined');
  doc.font('Helvetica-Bold');
  tableRow(doc, {
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
  });
  rule(doc);
  doc.font('Helvetica');
  for (const line of charged) {
    tableRow(doc, {
      description: line.description,
      quantity: formatQuantity(line.quantity),
      unitPrice: money(line.unitPriceCents),
      amount: money(line.netCents),
    });
  }
  rule(doc);

  // Totals, payments, and what is still owed.
  totalRow(doc, 'Subtotal', money(invoice.totals.subtotalCents));
  totalRow(doc, 'Tax', money(invoice.totals.taxCents));
  doc.font('Helvetica-Bold');
  totalRow(doc, 'Total', money(invoice.totals.totalCents));
  doc.font('Helvetica');
  doc.moveDown();

  heading(doc, 'Payments', margin, doc.y);
  if (invoice.payments.length === 0) doc.text('No payments yet.', margin, undefined, { lineGap });
  for (const payment of invoice.payments) {
    tableRow(doc, {
      description: `${day(payment.at)}  ${paymentMethodNames[payment.method]}`,
      quantity: '',
      unitPrice: '',
      amount: money(payment.amountCents),
    });
  }
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(12);
  totalRow(doc, 'Balance due', money(invoice.balanceCents));
}

function heading(doc: Doc, title: string, x: number, y: number) {
  doc.font('Helvetica-Bold').fontSize(11).text(title, x, y, { lineGap });
  doc.font('Helvetica').fontSize(10);
}

/** One row of the lines table, on a new page when it would not fit on this one. */
function tableRow(doc: Doc, cells: Record<ColumnName, string>) {
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
  doc.x = margin;
  doc.y = y + height + lineGap;
}

function totalRow(doc: Doc, label: string, amount: string) {
  tableRow(doc, { description: '', quantity: '', unitPrice: label, amount });
}

function rule(doc: Doc) {
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + contentWidth, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += lineGap;
}
