'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Empty, Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
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

/** The customer's work orders still in the shop: what is happening, in plain words, and when. */
export function OpenWorkOrders() {
  const { query, owned } = useMyWorkOrders();
  if (query.isPending) return <Loading what="your work orders" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const { open } = query.data;
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">In the shop ({open.length})</h2>
      {open.length === 0 ? (
        <Empty>None of your vehicles is in the shop right now.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Work order</th>
                <th scope="col">Vehicle</th>
                <th scope="col">Status</th>
                <th scope="col">Promised</th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {open.map((workOrder) => (
                <tr key={workOrder.id} aria-label={workOrder.number}>
                  <td>
                    <NumberLink workOrder={workOrder} />
                    <div className="muted clip">{workOrder.concern}</div>
                  </td>
                  <td data-label="Vehicle">
                    <VehicleOf workOrder={workOrder} owned={owned} />
                  </td>
                  <td data-label="Status">
                    <CustomerStatus
                      status={workOrder.status}
                      awaiting={workOrder.awaitingApproval}
                    />
                  </td>
                  <td data-label="Promised">
                    {workOrder.promisedAt ? (
                      <Timestamp at={workOrder.promisedAt} />
                    ) : (
                      <span className="muted">not set yet</span>
                    )}
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
  );
}

/** The customer's past work orders (invoiced, paid or cancelled), with their invoices as PDFs. */
export function PastWorkOrders() {
  const { query, owned } = useMyWorkOrders();
  if (query.isPending) return <Loading what="your past work orders" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const { past } = query.data;
  return (
    <section aria-labelledby="past-title">
      <h2 id="past-title">Past work orders ({past.length})</h2>
      {past.length === 0 ? (
        <Empty>No past work orders yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Work order</th>
                <th scope="col">Vehicle</th>
                <th scope="col">Opened</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Invoice</th>
              </tr>
            </thead>
            <tbody>
              {past.map((workOrder) => (
                <tr key={workOrder.id} aria-label={workOrder.number}>
                  <td>
                    <NumberLink workOrder={workOrder} />
                  </td>
                  <td data-label="Vehicle">
                    <VehicleOf workOrder={workOrder} owned={owned} />
                  </td>
                  <td data-label="Opened">
                    <Timestamp at={workOrder.createdAt} dateOnly />
                  </td>
                  <td data-label="Status">
                    <CustomerStatus status={workOrder.status} />
                  </td>
                  <td className="num" data-label="Total">
                    {moneyIn(workOrder.money)(workOrder.totalCents)}
                  </td>
                  <td data-label="Invoice">
                    {workOrder.status === 'cancelled' ? (
                      <span className="muted">none</span>
                    ) : (
                      <a
                        href={invoicePdfPath(workOrder.id)}
                        download
                        aria-label={`Invoice of ${workOrder.number} (PDF)`}
                      >
                        PDF
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
