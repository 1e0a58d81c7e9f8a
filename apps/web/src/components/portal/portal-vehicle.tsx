'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Empty, Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { NextServiceCard } from '~/components/vehicles/next-service-card';
import { OdometerReadings } from '~/components/work-orders/odometer-readings';
import { formatMileage } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { kindLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { CustomerStatus } from './customer-status';

/**
 * One of the customer's vehicles (vehicle.history, the owner's view): the next service, the work
 * they declined (recommended still, with the day it was recommended), their work orders on it
 * and its odometer readings.
 */
export function PortalVehicle({ id }: { id: number }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.vehicle.history.queryOptions({ vehicleId: id }));
  if (history.isPending) return <Loading what="vehicle" />;
  if (history.isError) return <Failed error={history.error} retry={() => history.refetch()} />;
  const { vehicle, workOrders, odometerLog, recommendations, nextService } = history.data;
  return (
    <>
      <p>
        <Link href="/portal">← My vehicles and work orders</Link>
      </p>
      <h1>
        {vehicle.year} {vehicle.make} {vehicle.model}
      </h1>
      <dl className="card details">
        <dt>Plate</dt>
        <dd>
          <span className="plate">{vehicle.plate}</span>
        </dd>
        <dt>VIN</dt>
        <dd>
          <code>{vehicle.vin}</code>
        </dd>
        <dt>Mileage</dt>
        <dd>{formatMileage(vehicle.mileage)}</dd>
      </dl>
      <NextServiceCard next={nextService} />
      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">Recommended work ({recommendations.length})</h2>
        {recommendations.length === 0 ? (
          <Empty>Nothing outstanding: you have not declined any recommended work.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">Recommended</th>
                  <th scope="col">Work</th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col">Work order</th>
                </tr>
              </thead>
              <tbody>
                {recommendations.map((line) => (
                  <tr key={line.id} aria-label={line.description}>
                    <td data-label="Recommended">
                      {line.declinedAt ? <Timestamp at={line.declinedAt} dateOnly /> : '–'}
                    </td>
                    <td>
                      {line.description} <span className="muted">({kindLabels[line.kind]})</span>
                    </td>
                    <td className="num" data-label="Price">
                      {moneyIn(line.money)(line.totalCents)}
                    </td>
                    <td data-label="Work order">
                      <Link href={`/portal/work-orders/${line.workOrder.id}`}>
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
      <section aria-labelledby="work-orders-title">
        <h2 id="work-orders-title">Your work orders ({workOrders.length})</h2>
        {workOrders.length === 0 ? (
          <Empty>No work orders on this vehicle yet.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">Work order</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Odometer in
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {workOrders.map((workOrder) => (
                  <tr key={workOrder.id} aria-label={workOrder.number}>
                    <td>
                      <Link href={`/portal/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
                      <div className="muted clip">{workOrder.concern}</div>
                    </td>
                    <td data-label="Opened">
                      <Timestamp at={workOrder.createdAt} dateOnly />
                    </td>
                    <td data-label="Status">
                      <CustomerStatus status={workOrder.status} />
                    </td>
                    <td className="num" data-label="Odometer in">
                      {formatMileage(workOrder.odometerIn)}
                    </td>
                    <td className="num" data-label="Total">
                      {moneyIn(workOrder.money)(workOrder.totalCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="odometer-title">
        <h2 id="odometer-title">Odometer readings ({odometerLog.length})</h2>
        {odometerLog.length === 0 ? (
          <Empty>No readings recorded yet.</Empty>
        ) : (
          <OdometerReadings readings={odometerLog} />
        )}
      </section>
    </>
  );
}
