import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { formatMileage } from '~/lib/format';

type ListedVehicle = RouterOutputs['vehicle']['list']['items'][number];

/** A vehicle as vehicle.list or customer.byId lists it (the latter without its owner). */
export type VehicleRow = Pick<
  ListedVehicle,
  'id' | 'make' | 'model' | 'year' | 'plate' | 'vin' | 'mileage'
> &
  Partial<Pick<ListedVehicle, 'owner'>>;

/** A table of vehicles linking to their pages; the owner column is optional. */
export function VehicleTable({
  vehicles,
  showOwner = true,
}: {
  vehicles: readonly VehicleRow[];
  showOwner?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Plate</th>
            <th scope="col">Vehicle</th>
            <th scope="col" className="hide-narrow">
              VIN
            </th>
            <th scope="col" className="num hide-narrow">
              Mileage
            </th>
            {showOwner ? <th scope="col">Owner</th> : null}
          </tr>
        </thead>
        <tbody>
          {vehicles.map((vehicle) => (
            <tr key={vehicle.id}>
              <td>
                <Link href={`/staff/vehicles/${vehicle.id}`}>{vehicle.plate}</Link>
              </td>
              <td>
                {vehicle.year} {vehicle.make} {vehicle.model}
              </td>
              <td className="hide-narrow">
                <code>{vehicle.vin}</code>
              </td>
              <td className="num hide-narrow">{formatMileage(vehicle.mileage)}</td>
              {showOwner ? (
                <td>
                  {vehicle.owner ? (
                    <Link href={`/staff/customers/${vehicle.owner.id}`}>{vehicle.owner.name}</Link>
                  ) : (
                    '–'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
