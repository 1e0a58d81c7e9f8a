import type { RouterOutputs } from '@garage/api';
import { type Column, DataTable } from '~/components/data-table';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels } from '~/lib/work-order-words';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Refund = WorkOrder['refunds'][number];

/** The columns of the refunds; amounts in the refund's currency, written in `locale`. */
function refundColumns(locale: string | null): Column<Refund>[] {
  return [
    { header: 'When', cell: (refund) => <Timestamp at={refund.at} /> },
    { header: 'Method', cell: (refund) => paymentMethodLabels[refund.method] },
    {
      header: 'Of',
      cell: (refund) =>
        refund.paymentId === null ? 'the work order' : `payment ${refund.paymentId}`,
    },
    { header: 'Reason', cell: (refund) => refund.reason },
    {
      header: 'By',
      cell: (refund) => refund.recordedBy?.name ?? <span className="muted">unknown</span>,
    },
    {
      header: 'Amount',
      cell: (refund) => moneyIn({ currency: refund.currency, locale })(-refund.amountCents),
      numeric: true,
    },
  ];
}

/** The refunds of a work order, oldest first: when, how, of what, why and who, how much. */
export function RefundsTable({ workOrder }: { workOrder: WorkOrder }) {
  if (workOrder.refunds.length === 0) return null;
  return (
    <>
      <h3 id="refunds-title">Refunds</h3>
      <DataTable
        columns={refundColumns(workOrder.money.locale)}
        rows={workOrder.refunds}
        rowKey={(refund) => refund.id}
        labelledBy="refunds-title"
      />
    </>
  );
}
