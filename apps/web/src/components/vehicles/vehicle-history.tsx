'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Empty, Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { OdometerReadings } from '~/components/work-orders/odometer-readings';
import { StatusBadge } from '~/components/work-orders/status-badge';
import { formatMileage, formatQuantity } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { kindLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { NextServiceCard } from './next-service-card';

/**
 * A vehicle's service history (vehicle.history): its next service, its work orders, its
 * odometer log, and the work its customers declined, kept as recommendations.
 */
export function VehicleHistory({ vehicleId }: { vehicleId: number }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.vehicle.history.queryOptions({ vehicleId }));
  if (history.isPending) return <Loading what="service history" />;
  if (history.isError) return <Failed error={history.error} retry={() => history.refetch()} />;
  const { workOrders, odometerLog, recommendations, nextService } = history.data;
  return (
    <>
      <NextServiceCard next={nextService} />
      <section aria-labelledby="work-orders-title">
        <h2 id="work-orders-title">Work orders ({workOrders.length})</h2>
        {workOrders.length === 0 ? (
          <Empty>No work orders yet.</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Status</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Concern</th>
                  <th scope="col" className="hide-narrow">
                    Customer
                  </th>
                  <th scope="col" className="num hide-narrow">
                    Odometer in
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {workOrders.map((workOrder) => (
                  <tr key={workOrder.id}>
                    <td>
                      <Link href={`/staff/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
                    </td>
                    <td>
                      <StatusBadge status={workOrder.status} />
                    </td>
                    <td>
                      <Timestamp at={workOrder.createdAt} dateOnly />
                    </td>
                    <td className="clip">{workOrder.concern}</td>
                    <td className="hide-narrow">
                      <Link href={`/staff/customers/${workOrder.customer.id}`}>
                        {workOrder.customer.name}
                      </Link>
                    </td>
                    <td className="num hide-narrow">{formatMileage(workOrder.odometerIn)}</td>
                    <td className="num">{moneyIn(workOrder.money)(workOrder.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">Recommendations ({recommendations.length})</h2>
        {recommendations.length === 0 ? (
          <Empty>Nothing declined: no recommended work is outstanding.</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Declined</th>
                  <th scope="col">Work</th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Work order</th>
                </tr>
              </thead>
              <tbody>
                {recommendations.map((line) => (
                  <tr key={line.id}>
                    <td>{line.declinedAt ? <Timestamp at={line.declinedAt} dateOnly /> : '–'}</td>
                    <td>
                      {line.description} <span className="muted">({kindLabels[line.kind]})</span>
                    </td>
                    <td className="num">{formatQuantity(line.quantity)}</td>
                    <td className="num">{moneyIn(line.money)(line.totalCents)}</td>
                    <td>
                      <Link href={`/staff/work-orders/${line.workOrder.id}`}>
                        {line.workOrder.number}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="odometer-log-title">
        <h2 id="odometer-log-title">Odometer log ({odometerLog.length})</h2>
        {odometerLog.length === 0 ? (
          <Empty>No readings recorded yet.</Empty>
        ) : (
          <OdometerReadings readings={odometerLog} showWorkOrder />
        )}
      </section>
    </>
  );
}
