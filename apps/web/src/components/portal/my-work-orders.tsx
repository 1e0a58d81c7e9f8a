'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp, TimestampOr } from '~/components/timestamp';
import { invoicePdfPath } from '~/lib/invoice-pdf';
import { moneyIn } from '~/lib/money-of';
import { useTRPC } from '~/trpc/react';
import { CustomerStatus } from './customer-status';

type WorkOrder = RouterOutputs['portal']['myWorkOrders']['open'][number];

/**
 * The vehicle a work order was for, a link to its page while the customer still owns it. The
 * plate is part of the text, not a plate badge: the vehicle cards below show those.
 */
function VehicleOf({ workOrder, owned }: { workOrder: WorkOrder; owned: ReadonlySet<number> }) {
  const { vehicle } = workOrder;
  const name = `${vehicle.year} ${vehicle.make} ${vehicle.model}`;
  return (
    <>
      {owned.has(vehicle.id) ? <Link href={`/portal/vehicles/${vehicle.id}`}>{name}</Link> : name}
      {` · ${vehicle.plate}`}
    </>
  );
}

/** A work order's number, linking to its page in the portal. */
function NumberLink({ workOrder }: { workOrder: WorkOrder }) {
  return <Link href={`/portal/work-orders/${workOrder.id}`}>{workOrder.number}</Link>;
}

/** The vehicle column: a link to the vehicle's page among `owned`, the vehicles still theirs. */
function vehicleColumn(owned: ReadonlySet<number>): Column<WorkOrder> {
  return {
    header: 'Vehicle',
    cell: (workOrder) => <VehicleOf workOrder={workOrder} owned={owned} />,
  };
}

const total: Column<WorkOrder> = {
  header: 'Total',
  cell: (workOrder) => moneyIn(workOrder.money)(workOrder.totalCents),
  numeric: true,
};

/** Open: the number with the concern under it, the vehicle, the status, the promised time. */
function openColumns(owned: ReadonlySet<number>): Column<WorkOrder>[] {
  return [
    {
      header: 'Work order',
      cell: (workOrder) => (
        <>
          <NumberLink workOrder={workOrder} />
          <div className="muted clip">{workOrder.concern}</div>
        </>
      ),
      title: true,
    },
    vehicleColumn(owned),
    {
      header: 'Status',
      cell: (workOrder) => (
        <CustomerStatus status={workOrder.status} awaiting={workOrder.awaitingApproval} />
      ),
    },
    {
      header: 'Promised',
      cell: (workOrder) => <TimestampOr at={workOrder.promisedAt} none="not set yet" />,
    },
    total,
  ];
}

/** Past: the number, the vehicle, when it was opened, how it ended, and the invoice's PDF. */
function pastColumns(owned: ReadonlySet<number>): Column<WorkOrder>[] {
  return [
    {
      header: 'Work order',
      cell: (workOrder) => <NumberLink workOrder={workOrder} />,
      title: true,
    },
    vehicleColumn(owned),
    { header: 'Opened', cell: (workOrder) => <Timestamp at={workOrder.createdAt} dateOnly /> },
    { header: 'Status', cell: (workOrder) => <CustomerStatus status={workOrder.status} /> },
    total,
    {
      header: 'Invoice',
      cell: (workOrder) =>
        workOrder.status === 'cancelled' ? (
          <span className="muted">none</span>
        ) : (
          <a
            href={invoicePdfPath(workOrder.id)}
            download
            aria-label={`Invoice of ${workOrder.number} (PDF)`}
          >
            PDF
          </a>
        ),
    },
  ];
}

/**
 * The customer's work orders (portal.myWorkOrders) and which vehicles they still own (only
 * those have a page to link to). The work orders stay theirs after a car is sold.
 */
function useMyWorkOrders() {
  const trpc = useTRPC();
  const query = useQuery(trpc.portal.myWorkOrders.queryOptions());
  const vehicles = useQuery(trpc.portal.myVehicles.queryOptions());
  const owned: ReadonlySet<number> = new Set(vehicles.data?.map((vehicle) => vehicle.id));
  return { query, owned };
}

/**
 * One part of the customer's work orders (`open` or `past`) under its heading, with how many,
 * in the columns of that part.
 */
function MyWorkOrders({
  part,
  title,
  loading,
  empty,
  columns,
}: {
  part: 'open' | 'past';
  title: string;
  loading: string;
  empty: string;
  columns: (owned: ReadonlySet<number>) => Column<WorkOrder>[];
}) {
  const { query, owned } = useMyWorkOrders();
  if (query.isPending) return <Loading what={loading} />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const workOrders = query.data[part];
  return (
    <section aria-labelledby={`${part}-title`}>
      <h2 id={`${part}-title`}>
        {title} ({workOrders.length})
      </h2>
      <DataTable
        columns={columns(owned)}
        rows={workOrders}
        rowKey={(workOrder) => workOrder.id}
        rowLabel={(workOrder) => workOrder.number}
        stack
        empty={empty}
      />
    </section>
  );
}

/** The customer's work orders still in the shop: what is happening, in plain words, and when. */
export function OpenWorkOrders() {
  return (
    <MyWorkOrders
      part="open"
      title="In the shop"
      loading="your work orders"
      empty="None of your vehicles is in the shop right now."
      columns={openColumns}
    />
  );
}

/** The customer's past work orders (invoiced, paid or cancelled), with their invoices as PDFs. */
export function PastWorkOrders() {
  return (
    <MyWorkOrders
      part="past"
      title="Past work orders"
      loading="your past work orders"
      empty="No past work orders yet."
      columns={pastColumns}
    />
  );
}
