import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { type Column, DataTable } from '~/components/data-table';
import { formatMileage } from '~/lib/format';

type ListedVehicle = RouterOutputs['vehicle']['list']['items'][number];

/** A vehicle as vehicle.list or customer.byId lists it (the latter without its owner). */
export type VehicleRow = Pick<
  ListedVehicle,
  'id' | 'make' | 'model' | 'year' | 'plate' | 'vin' | 'mileage'
> &
  Partial<Pick<ListedVehicle, 'owner'>>;

const columns: Column<VehicleRow>[] = [
  {
    header: 'Plate',
    cell: (vehicle) => <Link href={`/staff/vehicles/${vehicle.id}`}>{vehicle.plate}</Link>,
  },
  { header: 'Vehicle', cell: (vehicle) => `${vehicle.year} ${vehicle.make} ${vehicle.model}` },
  { header: 'VIN', cell: (vehicle) => <code>{vehicle.vin}</code>, wideOnly: true },
  {
    header: 'Mileage',
    cell: (vehicle) => formatMileage(vehicle.mileage),
    numeric: true,
    wideOnly: true,
  },
];

const ownerColumn: Column<VehicleRow> = {
  header: 'Owner',
  cell: ({ owner }) =>
    owner ? <Link href={`/staff/customers/${owner.id}`}>{owner.name}</Link> : '–',
};

/** A table of vehicles linking to their pages; the owner column is optional. */
export function VehicleTable({
  vehicles,
  showOwner = true,
}: {
  vehicles: readonly VehicleRow[];
  showOwner?: boolean;
}) {
  return (
    <DataTable
      columns={showOwner ? [...columns, ownerColumn] : columns}
      rows={vehicles}
      rowKey={(vehicle) => vehicle.id}
    />
  );
}
