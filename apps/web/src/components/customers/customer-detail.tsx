'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DeleteRecord } from '~/components/delete-record';
import { CustomerMessages } from '~/components/messages/customer-messages';
import { Empty, Failed, Loading } from '~/components/query-state';
import { VehicleTable } from '~/components/vehicles/vehicle-table';
import { bookingPath } from '~/lib/booking-path';
import { useTRPC } from '~/trpc/react';
import { ContactDetails } from './contact-details';

/** A customer's contact details and vehicles (one query: customer.byId carries both). */
export function CustomerDetail({ id }: { id: number }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customer.byId.queryOptions({ id }));
  if (customer.isPending) return <Loading what="customer" />;
  if (customer.isError) return <Failed error={customer.error} retry={() => customer.refetch()} />;
  const { name, vehicles, version } = customer.data;
  return (
    <>
      <p>
        <Link href="/staff/customers">← All customers</Link>
      </p>
      <h1>{name}</h1>
      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title">Contact</h2>
        <ContactDetails customer={customer.data} />
        <div className="actions">
          <Link href={`/staff/customers/${id}/edit`} className="button-link">
            Edit
          </Link>
          <DeleteRecord
            procedure={trpc.customer.delete}
            record={{ id, version }}
            what="customer"
            name={name}
            listPath="/staff/customers"
            warning={
              vehicles.length > 0
                ? `${name} still owns ${vehicles.length} vehicle${vehicles.length === 1 ? '' : 's'}, so the garage will refuse until they are moved or deleted.`
                : undefined
            }
          />
        </div>
      </section>
      <section aria-labelledby="vehicles-title">
        <h2 id="vehicles-title">Vehicles ({vehicles.length})</h2>
        <p>
          <Link href={`/staff/vehicles/new?ownerId=${id}`}>Add a vehicle for {name}</Link>
        </p>
        {vehicles.length === 0 ? (
          <Empty>{name} has no vehicles.</Empty>
        ) : (
          <>
            <VehicleTable vehicles={vehicles} showOwner={false} />
            <ul className="inline-links" aria-label="Book an appointment">
              {vehicles.map((vehicle) => (
                <li key={vehicle.id}>
                  <Link href={bookingPath(vehicle.id)}>Book {vehicle.plate}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <CustomerMessages customerId={id} />
    </>
  );
}
