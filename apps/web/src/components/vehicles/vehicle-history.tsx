'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { LineWork } from '~/components/work-orders/line-work';
import { OdometerReadings } from '~/components/work-orders/odometer-readings';
import { StatusBadge } from '~/components/work-orders/status-badge';
import { formatMileage, formatQuantity } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { useTRPC } from '~/trpc/react';
import { NextServiceCard } from './next-service-card';

type History = RouterOutputs['vehicle']['history'];

const workOrderColumns: Column<History['workOrders'][number]>[] = [
  {
    header: 'Number',
    cell: (workOrder) => (
      <Link href={`/staff/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
    ),
  },
  { header: 'Status', cell: (workOrder) => <StatusBadge status={workOrder.status} /> },
  { header: 'Opened', cell: (workOrder) => <Timestamp at={workOrder.createdAt} dateOnly /> },
  { header: 'Concern', cell: (workOrder) => workOrder.concern, className: 'clip' },
  {
    header: 'Customer',
    cell: ({ customer }) => <Link href={`/staff/customers/${customer.id}`}>{customer.name}</Link>,
    wideOnly: true,
  },
  {
    header: 'Odometer in',
    cell: (workOrder) => formatMileage(workOrder.odometerIn),
    numeric: true,
    wideOnly: true,
  },
  {
    header: 'Total',
    cell: (workOrder) => moneyIn(workOrder.money)(workOrder.totalCents),
    numeric: true,
  },
];

const recommendationColumns: Column<History['recommendations'][number]>[] = [
  {
    header: 'Declined',
    cell: (line) => (line.declinedAt ? <Timestamp at={line.declinedAt} dateOnly /> : '–'),
  },
  {
    header: 'Work',
    cell: (line) => <LineWork line={line} />,
  },
  { header: 'Qty', cell: (line) => formatQuantity(line.quantity), numeric: true },
  { header: 'Amount', cell: (line) => moneyIn(line.money)(line.totalCents), numeric: true },
  {
    header: 'Work order',
    cell: ({ workOrder }) => (
      <Link href={`/staff/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
    ),
  },
];

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
        <DataTable
          columns={workOrderColumns}
          rows={workOrders}
          rowKey={(workOrder) => workOrder.id}
          empty="No work orders yet."
        />
      </section>
      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">Recommendations ({recommendations.length})</h2>
        <DataTable
          columns={recommendationColumns}
          rows={recommendations}
          rowKey={(line) => line.id}
          empty="Nothing declined: no recommended work is outstanding."
        />
      </section>
      <section aria-labelledby="odometer-log-title">
        <h2 id="odometer-log-title">Odometer log ({odometerLog.length})</h2>
        <OdometerReadings readings={odometerLog} showWorkOrder empty="No readings recorded yet." />
      </section>
    </>
  );
}
