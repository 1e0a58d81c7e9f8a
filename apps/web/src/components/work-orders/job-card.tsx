'use client';

import type { RouterOutputs } from '@garage/api';
import { skipToken, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';
import { PrintButton } from '~/components/print-button';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp, TimestampOr } from '~/components/timestamp';
import { formatMileage, formatQuantity } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { LineWork } from './line-work';
import { TechnicianName } from './technician-name';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Line = WorkOrder['lines'][number];

/** The work the technician does: approved labour and parts. Fees are no work; prices stay off. */
function isWork(line: Line): boolean {
  return line.approval === 'approved' && line.kind !== 'fee';
}

/** "1.5 h" for labour (its quantity is hours), "4" for parts. */
function amountOf(line: Line): string {
  const quantity = formatQuantity(line.quantity);
  return line.kind === 'labor' ? `${quantity} h` : quantity;
}

/** "1 line awaits…" / "2 lines await…": work the customer has not decided on stays off the card. */
function pendingNote(count: number): string {
  const lines = count === 1 ? '1 line awaits' : `${count} lines await`;
  return `${lines} the customer’s decision: not on this card until approved.`;
}

const workColumns: Column<Line>[] = [
  { header: 'Done', cell: () => <span className="tick-box" aria-hidden="true" /> },
  {
    header: 'Work',
    cell: (line) => <LineWork line={line} />,
  },
  { header: 'Part no.', cell: (line) => (line.partNumber ? <code>{line.partNumber}</code> : null) },
  { header: 'Hours / qty', cell: amountOf, numeric: true },
];

/**
 * A work order's job card for the technician, one printed page: the shop, the vehicle (plate,
 * VIN, colour, odometer in), the customer's concern, the approved work with part numbers and
 * hours but no prices, the technician, the promised time, the shop's notes, and lines to write
 * the findings, the odometer out and a signature on.
 */
export function JobCard({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workOrder.byId.queryOptions({ id }));
  const shop = useQuery(trpc.settings.shop.queryOptions());
  const vehicleId = query.data?.vehicle.id;
  const record = useQuery(
    trpc.vehicle.byId.queryOptions(vehicleId === undefined ? skipToken : { id: vehicleId }),
  );
  if (query.isPending) return <Loading what="job card" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const workOrder = query.data;
  const { vehicle } = workOrder;
  const work = workOrder.lines.filter(isWork);
  const pending = workOrder.lines.filter((line) => line.approval === 'pending').length;
  return (
    <>
      <div className="page-tools screen-only">
        <p>
          <Link href={`/staff/work-orders/${workOrder.id}`}>← {workOrder.number}</Link>
        </p>
        <div className="actions">
          <PrintButton />
        </div>
      </div>
      <article className="job-card" aria-labelledby="job-card-title">
        <header className="job-card-head">
          <div>
            <h1 id="job-card-title">Job card {workOrder.number}</h1>
            <p>
              Opened <Timestamp at={workOrder.createdAt} />
            </p>
          </div>
          {shop.data ? (
            <address>
              <strong>{shop.data.name}</strong>
              {shop.data.address ? <span className="pre-line">{shop.data.address}</span> : null}
              {shop.data.phone ? <span>{shop.data.phone}</span> : null}
            </address>
          ) : null}
        </header>
        <dl className="job-card-facts">
          <div>
            <dt>Vehicle</dt>
            <dd>
              {vehicle.year} {vehicle.make} {vehicle.model}
            </dd>
          </div>
          <div>
            <dt>Colour</dt>
            <dd>{record.data?.colour ?? <span className="muted">not recorded</span>}</dd>
          </div>
          <div>
            <dt>Plate</dt>
            <dd>
              <span className="plate">{vehicle.plate}</span>
            </dd>
          </div>
          <div>
            <dt>VIN</dt>
            <dd>
              <code>{vehicle.vin}</code>
            </dd>
          </div>
          <div>
            <dt>Odometer in</dt>
            <dd>{formatMileage(workOrder.odometerIn)}</dd>
          </div>
          <div>
            <dt>Technician</dt>
            <dd>
              <TechnicianName technician={workOrder.technician} />
            </dd>
          </div>
          <div>
            <dt>Promised</dt>
            <dd>
              <TimestampOr at={workOrder.promisedAt} none="not promised" />
            </dd>
          </div>
        </dl>
        <section aria-labelledby="job-card-concern">
          <h2 id="job-card-concern">Concern</h2>
          <p className="pre-line">{workOrder.concern}</p>
        </section>
        <section aria-labelledby="job-card-work">
          <h2 id="job-card-work">Approved work</h2>
          {work.length === 0 ? (
            <p>No work is approved yet.</p>
          ) : (
            <DataTable
              columns={workColumns}
              rows={work}
              rowKey={(line) => line.id}
              rowLabel={(line) => line.description}
              className="job-card-work"
            />
          )}
          {pending > 0 ? <p className="muted">{pendingNote(pending)}</p> : null}
        </section>
        <section aria-labelledby="job-card-notes">
          <h2 id="job-card-notes">Notes</h2>
          <p className="pre-line">{workOrder.notes ?? <span className="muted">none</span>}</p>
        </section>
        <section aria-labelledby="job-card-findings">
          <h2 id="job-card-findings">Findings</h2>
          <div className="write-in" />
          <div className="write-in" />
          <div className="write-in" />
          <div className="write-in" />
        </section>
        <footer className="job-card-sign">
          <p>
            Odometer out <span className="write-in" />
          </p>
          <p>
            Signature <span className="write-in" />
          </p>
          <p>
            Date <span className="write-in" />
          </p>
        </footer>
      </article>
    </>
  );
}
