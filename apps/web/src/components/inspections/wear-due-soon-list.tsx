'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Empty, Failed, Loading } from '~/components/query-state';
import { formatMileage } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

/** Worn parts the inspections' measurements predict at their limit soon, beside next services. */
export function WearDueSoonList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.inspection.wearDueSoon.queryOptions());
  if (query.isPending) return <Loading what="worn parts" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  if (query.data.items.length === 0) return <Empty>No measured part is near its limit.</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th>Vehicle</th>
          <th>Customer</th>
          <th>Part</th>
          <th>Predicted</th>
        </tr>
      </thead>
      <tbody>
        {query.data.items.map((row) => (
          <tr key={`${row.vehicle.id}-${row.label}`}>
            <td>
              <Link href={`/staff/vehicles/${row.vehicle.id}`}>
                {row.vehicle.year} {row.vehicle.make} {row.vehicle.model}
              </Link>{' '}
              <span className="plate">{row.vehicle.plate}</span>
            </td>
            <td>
              {row.customer.name}
              {row.customer.phone ? <span className="muted"> · {row.customer.phone}</span> : null}
            </td>
            <td>
              {row.label} ({row.limit} {row.unit})
            </td>
            <td>
              {row.reached
                ? 'at its limit now'
                : [row.day, formatMileage(row.mileage)].filter(Boolean).join(' / ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
