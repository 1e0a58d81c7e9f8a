import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';

/** One row of customer.list. */
export type CustomerRow = RouterOutputs['customer']['list']['items'][number];

/** Customers with their contact lines and how many vehicles they own. */
export function CustomerTable({ customers }: { customers: readonly CustomerRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col" className="hide-narrow">
              Phone
            </th>
            <th scope="col" className="num">
              Vehicles
            </th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id}>
              <td>
                <Link href={`/staff/customers/${customer.id}`}>{customer.name}</Link>
              </td>
              <td className="break">{customer.email ?? '–'}</td>
              <td className="hide-narrow">{customer.phone ?? '–'}</td>
              <td className="num">{customer.vehicleCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
