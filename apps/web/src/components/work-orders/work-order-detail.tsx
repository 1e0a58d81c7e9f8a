'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { InspectionSection } from '~/components/inspections/inspection-section';
import { WorkOrderMessages } from '~/components/messages/work-order-messages';
import { PrintButton } from '~/components/print-button';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp, TimestampOr } from '~/components/timestamp';
import { formatMileage } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ApprovalRecorder } from './approval-recorder';
import { DetailsForm } from './details-form';
import { InsertSavedJob } from './insert-saved-job';
import { InvoiceSection } from './invoice-section';
import { LinesSection } from './lines-section';
import { MoneyAudit } from './money-audit';
import { OdometerReadings } from './odometer-readings';
import { PaymentsSection } from './payments-section';
import { AwaitingApproval, StatusBadge } from './status-badge';
import { StatusControls } from './status-controls';
import { StatusHistory } from './status-history';
import { TechnicianName } from './technician-name';

/**
 * A work order's page: who and what, status moves, the lines with the server's totals, the
 * invoice and its payments, the customer's decisions recorded on their behalf, the details,
 * odometer and status history.
 */
export function WorkOrderDetail({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workOrder.byId.queryOptions({ id }));
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (query.isPending || settings.isPending) return <Loading what="work order" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  if (settings.isError) return <Failed error={settings.error} retry={() => settings.refetch()} />;
  const workOrder = query.data;
  const { vehicle, customer, editable } = workOrder;
  return (
    <>
      <div className="page-tools screen-only">
        <p>
          <Link href="/staff/work-orders">← All work orders</Link> ·{' '}
          <Link href="/staff/board">Board</Link>
        </p>
        <div className="actions">
          <Link href={`/staff/work-orders/${workOrder.id}/job-card`} className="button-link">
            Job card
          </Link>
          <PrintButton />
        </div>
      </div>
      <h1>
        {workOrder.number} <StatusBadge status={workOrder.status} />{' '}
        <AwaitingApproval awaiting={workOrder.awaitingApproval} />
      </h1>
      <dl className="card details">
        <dt>Concern</dt>
        <dd className="pre-line">{workOrder.concern}</dd>
        <dt>Vehicle</dt>
        <dd>
          <Link href={`/staff/vehicles/${vehicle.id}`}>
            {vehicle.year} {vehicle.make} {vehicle.model}
          </Link>{' '}
          <span className="plate">{vehicle.plate}</span>
        </dd>
        <dt>Customer</dt>
        <dd>
          <Link href={`/staff/customers/${customer.id}`}>{customer.name}</Link>
          {customer.phone ? <span className="muted"> · {customer.phone}</span> : null}
          {customer.email ? <span className="muted"> · {customer.email}</span> : null}
        </dd>
        <dt>Technician</dt>
        <dd>
          <TechnicianName technician={workOrder.technician} />
        </dd>
        <dt>Promised</dt>
        <dd>
          <TimestampOr at={workOrder.promisedAt} none="not promised" />
        </dd>
        <dt>Opened</dt>
        <dd>
          <Timestamp at={workOrder.createdAt} />
        </dd>
        <dt>Odometer in</dt>
        <dd>{formatMileage(workOrder.odometerIn)}</dd>
        <dt>Odometer out</dt>
        <dd>
          {workOrder.odometerOut === null ? (
            <span className="muted">not yet</span>
          ) : (
            formatMileage(workOrder.odometerOut)
          )}
        </dd>
        {/* On screen the notes are in the details form below, which paper leaves out. */}
        {editable && workOrder.notes ? (
          <>
            <dt className="print-only">Notes</dt>
            <dd className="print-only pre-line">{workOrder.notes}</dd>
          </>
        ) : null}
      </dl>
      <div className="screen-only">
        <StatusControls key={`status-${workOrder.status}`} workOrder={workOrder} />
      </div>
      <LinesSection workOrder={workOrder} settings={settings.data} />
      {editable ? (
        <div className="screen-only">
          <InsertSavedJob workOrder={workOrder} />
        </div>
      ) : null}
      <div className="screen-only">
        <InspectionSection workOrder={workOrder} />
      </div>
      <InvoiceSection workOrder={workOrder} />
      <PaymentsSection workOrder={workOrder} />
      {workOrder.lines.some((line) => line.decidable) ? (
        <ApprovalRecorder
          // Fresh choices when a line comes or goes.
          key={workOrder.lines.map((line) => line.id).join(',')}
          workOrder={workOrder}
        />
      ) : null}
      <WorkOrderMessages workOrder={workOrder} />
      <DetailsForm key={`details-${workOrder.id}`} workOrder={workOrder} />
      {workOrder.odometerReadings.length > 0 ? (
        <section className="card" aria-labelledby="odometer-title">
          <h2 id="odometer-title">Odometer readings</h2>
          <OdometerReadings readings={[...workOrder.odometerReadings].reverse()} />
        </section>
      ) : null}
      <StatusHistory changes={workOrder.statusHistory} />
      <MoneyAudit workOrder={workOrder} />
    </>
  );
}
