import type { RouterOutputs } from '@garage/api';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels } from '~/lib/work-order-words';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/** The refunds of a work order, oldest first: when, how, of what, why and who, how much. */
export function RefundsTable({ workOrder }: { workOrder: WorkOrder }) {
  if (workOrder.refunds.length === 0) return null;
  return (
    <>
      <h3 id="refunds-title">Refunds</h3>
      <div className="table-wrap">
        <table aria-labelledby="refunds-title">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Method</th>
              <th scope="col">Of</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {workOrder.refunds.map((refund) => (
              <tr key={refund.id}>
                <td>
                  <Timestamp at={refund.at} />
                </td>
                <td>{paymentMethodLabels[refund.method]}</td>
                <td>
                  {refund.paymentId === null ? 'the work order' : `payment ${refund.paymentId}`}
                </td>
                <td>{refund.reason}</td>
                <td>{refund.recordedBy?.name ?? <span className="muted">unknown</span>}</td>
                <td className="num">
                  {moneyIn({ currency: refund.currency, locale: workOrder.money.locale })(
                    -refund.amountCents,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
