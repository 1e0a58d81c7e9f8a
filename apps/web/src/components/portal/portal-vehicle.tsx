'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { NextServiceCard } from '~/components/vehicles/next-service-card';
import { LineWork } from '~/components/work-orders/line-work';
import { OdometerReadings } from '~/components/work-orders/odometer-readings';
import { formatMileage } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { useTRPC } from '~/trpc/react';
import { CustomerStatus } from './customer-status';

type History = RouterOutputs['vehicle']['history'];

const recommendationColumns: Column<History['recommendations'][number]>[] = [
  {
    header: 'Recommended',
    cell: (line) => (line.declinedAt ? <Timestamp at={line.declinedAt} dateOnly /> : '–'),
  },
  {
    header: 'Work',
    cell: (line) => <LineWork line={line} />,
    title: true,
  },
  { header: 'Price', cell: (line) => moneyIn(line.money)(line.totalCents), numeric: true },
  {
    header: 'Work order',
    cell: ({ workOrder }) => (
      <Link href={`/portal/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
    ),
  },
];

const workOrderColumns: Column<History['workOrders'][number]>[] = [
  {
    header: 'Work order',
    cell: (workOrder) => (
      <>
        <Link href={`/portal/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
        <div className="muted clip">{workOrder.concern}</div>
      </>
    ),
    title: true,
  },
  { header: 'Opened', cell: (workOrder) => <Timestamp at={workOrder.createdAt} dateOnly /> },
  { header: 'Status', cell: (workOrder) => <CustomerStatus status={workOrder.status} /> },
  {
    header: 'Odometer in',
    cell: (workOrder) => formatMileage(workOrder.odometerIn),
    numeric: true,
  },
  {
    header: 'Total',
    cell: (workOrder) => moneyIn(workOrder.money)(workOrder.totalCents),
    numeric: true,
  },
];

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
        <DataTable
          columns={recommendationColumns}
          rows={recommendations}
          rowKey={(line) => line.id}
          rowLabel={(line) => line.description}
          stack
          empty="Nothing outstanding: you have not declined any recommended work."
        />
      </section>
      <section aria-labelledby="work-orders-title">
        <h2 id="work-orders-title">Your work orders ({workOrders.length})</h2>
        <DataTable
          columns={workOrderColumns}
          rows={workOrders}
          rowKey={(workOrder) => workOrder.id}
          rowLabel={(workOrder) => workOrder.number}
          stack
          empty="No work orders on this vehicle yet."
        />
      </section>
      <section aria-labelledby="odometer-title">
        <h2 id="odometer-title">Odometer readings ({odometerLog.length})</h2>
        <OdometerReadings readings={odometerLog} empty="No readings recorded yet." />
      </section>
    </>
  );
}
