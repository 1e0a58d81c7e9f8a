import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';

/** One row of customer.list. */
export type CustomerRow = RouterOutputs['customer']['list']['items'][number];

const columns: Column<CustomerRow>[] = [
  {
    header: 'Name',
    cell: (customer) => <Link href={`/staff/customers/${customer.id}`}>{customer.name}</Link>,
  },
  { header: 'Email', cell: (customer) => customer.email ?? '–', className: 'break' },
  { header: 'Phone', cell: (customer) => customer.phone ?? '–', wideOnly: true },
  { header: 'Vehicles', cell: (customer) => customer.vehicleCount, numeric: true },
];

/** Customers with their contact lines and how many vehicles they own. */
export function CustomerTable({ customers }: { customers: readonly CustomerRow[] }) {
  return <DataTable columns={columns} rows={customers} rowKey={(customer) => customer.id} />;
}
