'use client';

import type { RouterOutputs } from '@garage/api';
import { Timestamp } from '~/components/timestamp';
import { invoicePdfPath } from '~/lib/invoice-pdf';
import { CreditInvoice } from './credit-invoice';
import { CreditNotes } from './credit-notes';
import { InvoiceForm } from './invoice-form';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * Staff: the work order's invoice. Once invoiced, its number, date and PDF, and crediting it;
 * a ready work order, the invoicing form (with its confirmation); and the credit notes of any
 * invoice credited before.
 */
export function InvoiceSection({ workOrder }: { workOrder: WorkOrder }) {
  const { creditNotes } = workOrder;
  if (workOrder.invoiceNumber !== null) {
    return (
      <section className="card" aria-labelledby="invoice-title">
        <h2 id="invoice-title">Invoice</h2>
        <dl className="details">
          <dt>Invoice number</dt>
          <dd>{workOrder.invoiceNumber}</dd>
          <dt>Invoiced</dt>
          <dd>{workOrder.invoicedAt ? <Timestamp at={workOrder.invoicedAt} /> : null}</dd>
        </dl>
        <div className="actions">
          <a href={invoicePdfPath(workOrder.id)} className="button-link" download>
            Download PDF
          </a>
        </div>
        <CreditInvoice key={workOrder.invoiceNumber} workOrder={workOrder} />
        <CreditNotes notes={creditNotes} />
      </section>
    );
  }
  if (workOrder.status === 'ready') {
    return (
      <>
        <InvoiceForm workOrder={workOrder} />
        {creditNotes.length > 0 ? <CreditedInvoices workOrder={workOrder} /> : null}
      </>
    );
  }
  return creditNotes.length > 0 ? <CreditedInvoices workOrder={workOrder} /> : null;
}

/** The invoices credited on a work order not invoiced again (yet): the last one's PDF, the notes. */
function CreditedInvoices({ workOrder }: { workOrder: WorkOrder }) {
  const last = workOrder.creditNotes.at(-1);
  return (
    <section className="card" aria-labelledby="credited-title">
      <h2 id="credited-title">Credited invoices</h2>
      <p>
        Invoice {last?.invoiceNumber} was credited in full; the work order is to be invoiced again.{' '}
        <a href={invoicePdfPath(workOrder.id)} download>
          Download the credited invoice (PDF)
        </a>
      </p>
      <CreditNotes notes={workOrder.creditNotes} />
    </section>
  );
}
