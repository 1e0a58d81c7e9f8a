'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DeleteRecord } from '~/components/delete-record';
import { MeasurementHistory } from '~/components/inspections/measurement-history';
import { Failed, Loading } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { bookingPath } from '~/lib/booking-path';
import { formatMileage } from '~/lib/format';
import { newWorkOrderPath } from '~/lib/new-work-order';
import { useTRPC } from '~/trpc/react';
import { VehicleHistory } from './vehicle-history';

/** One vehicle with its owner, edit / move / delete, a new work order, and its service history. */
export function VehicleDetail({ id }: { id: number }) {
  const trpc = useTRPC();
  const vehicle = useQuery(trpc.vehicle.byId.queryOptions({ id }));
  if (vehicle.isPending) return <Loading what="vehicle" />;
  if (vehicle.isError) return <Failed error={vehicle.error} retry={() => vehicle.refetch()} />;
  const v = vehicle.data;
  const title = `${v.year} ${v.make} ${v.model}`;
  const none = <span className="muted">none</span>;
  return (
    <>
      <p>
        <Link href="/staff/vehicles">← All vehicles</Link>
      </p>
      <h1>{title}</h1>
      <dl className="card details">
        <dt>Owner</dt>
        <dd>
          <Link href={`/staff/customers/${v.owner.id}`}>{v.owner.name}</Link>
        </dd>
        <dt>Plate</dt>
        <dd>{v.plate}</dd>
        <dt>VIN</dt>
        <dd>
          <code>{v.vin}</code>
        </dd>
        <dt>Mileage</dt>
        <dd>{formatMileage(v.mileage)}</dd>
        <dt>Colour</dt>
        <dd>{v.colour ?? none}</dd>
        <dt>Notes</dt>
        <dd className="pre-line">{v.notes ?? none}</dd>
        <dt>Last changed</dt>
        <dd>
          <Timestamp at={v.updatedAt} />
        </dd>
      </dl>
      <div className="actions">
        <Link href={newWorkOrderPath(id)} className="button-link primary">
          New work order
        </Link>
        <Link href={bookingPath(id)} className="button-link">
          Book an appointment
        </Link>
        <Link href={`/staff/vehicles/${id}/edit`} className="button-link">
          Edit or move to another owner
        </Link>
        <DeleteRecord
          procedure={trpc.vehicle.delete}
          record={{ id, version: v.version }}
          what="vehicle"
          name={`${title} (${v.plate})`}
          listPath="/staff/vehicles"
        />
      </div>
      <MeasurementHistory vehicleId={id} />
      <VehicleHistory vehicleId={id} />
    </>
  );
}
