'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment } from 'react';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp, TimestampOr } from '~/components/timestamp';
import { formatMileage } from '~/lib/format';
import { creditNotePdfPath, invoicePdfPath } from '~/lib/invoice-pdf';
import { useTRPC } from '~/trpc/react';
import { CustomerStatus } from './customer-status';
import { EstimateLines } from './estimate-lines';
import { PortalPayments } from './portal-payments';

/**
 * One of the customer's work orders: what is happening to the car and when it is promised, the
 * estimate line by line to approve or decline, and once invoiced the invoice and payments.
 */
export function PortalWorkOrder({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workOrder.byId.queryOptions({ id }));
  if (query.isPending) return <Loading what="work order" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const workOrder = query.data;
  const { vehicle } = workOrder;
  return (
    <>
      <p>
        <Link href="/portal">← My vehicles and work orders</Link>
      </p>
      <h1>
        {workOrder.number}{' '}
        <CustomerStatus status={workOrder.status} awaiting={workOrder.awaitingApproval} />
      </h1>
      <dl className="card details">
        <dt>Vehicle</dt>
        <dd>
          {vehicle.year} {vehicle.make} {vehicle.model}{' '}
          <span className="plate">{vehicle.plate}</span>
        </dd>
        <dt>Your concern</dt>
        <dd className="pre-line">{workOrder.concern}</dd>
        <dt>Promised</dt>
        <dd>
          <TimestampOr at={workOrder.promisedAt} none="not set yet" />
        </dd>
        <dt>Opened</dt>
        <dd>
          <Timestamp at={workOrder.createdAt} />
        </dd>
        <dt>Odometer in</dt>
        <dd>{formatMileage(workOrder.odometerIn)}</dd>
        {workOrder.invoiceNumber !== null ? (
          <>
            <dt>Invoice</dt>
            <dd>
              No. {workOrder.invoiceNumber}
              {workOrder.invoicedAt ? (
                <>
                  {' '}
                  <span className="muted">
                    of <Timestamp at={workOrder.invoicedAt} dateOnly />
                  </span>
                </>
              ) : null}{' '}
              ·{' '}
              <a href={invoicePdfPath(workOrder.id)} download>
                Download invoice (PDF)
              </a>
            </dd>
          </>
        ) : null}
        {workOrder.creditNotes.map((note) => (
          <Fragment key={note.id}>
            <dt>Credit note</dt>
            <dd>
              No. {note.number}, crediting invoice {note.invoiceNumber}{' '}
              <span className="muted">
                of <Timestamp at={note.issuedAt} dateOnly />: {note.reason}
              </span>{' '}
              ·{' '}
              <a href={creditNotePdfPath(note.id)} download>
                Download credit note (PDF)
              </a>
            </dd>
          </Fragment>
        ))}
      </dl>
      <EstimateLines workOrder={workOrder} />
      <PortalPayments workOrder={workOrder} />
    </>
  );
}
