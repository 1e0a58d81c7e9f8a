'use client';

import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { AwaitingApproval, StatusBadge } from './status-badge';
import { TechnicianName } from './technician-name';

type ListedWorkOrder = RouterOutputs['workOrder']['list']['items'][number];

const columns: Column<ListedWorkOrder>[] = [
  {
    header: 'Number',
    cell: (workOrder) => (
      <Link href={`/staff/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
    ),
  },
  {
    header: 'Status',
    cell: (workOrder) => (
      <>
        <StatusBadge status={workOrder.status} />{' '}
        <AwaitingApproval awaiting={workOrder.awaitingApproval} />
      </>
    ),
  },
  {
    header: 'Vehicle',
    cell: ({ vehicle }) => (
      <>
        <Link href={`/staff/vehicles/${vehicle.id}`}>{vehicle.plate}</Link>{' '}
        <span className="muted">
          {vehicle.year} {vehicle.make} {vehicle.model}
        </span>
      </>
    ),
  },
  {
    header: 'Customer',
    cell: ({ customer }) => <Link href={`/staff/customers/${customer.id}`}>{customer.name}</Link>,
  },
  { header: 'Concern', cell: (workOrder) => workOrder.concern, wideOnly: true, className: 'clip' },
  {
    header: 'Technician',
    cell: (workOrder) => <TechnicianName technician={workOrder.technician} />,
    wideOnly: true,
  },
  {
    header: 'Promised',
    cell: (workOrder) => (workOrder.promisedAt ? <Timestamp at={workOrder.promisedAt} /> : '–'),
    wideOnly: true,
  },
  {
    header: 'Total',
    cell: (workOrder) => moneyIn(workOrder.money)(workOrder.totalCents),
    numeric: true,
  },
];

/** Work orders as rows linking to their pages, their vehicles and their customers. */
export function WorkOrderTable({ workOrders }: { workOrders: readonly ListedWorkOrder[] }) {
  return <DataTable columns={columns} rows={workOrders} rowKey={(workOrder) => workOrder.id} />;
}
