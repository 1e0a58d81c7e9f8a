import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { formatMileage } from '~/lib/format';

type Vehicle = RouterOutputs['portal']['myVehicles'][number];

/**
 * One vehicle in the portal: make, model, year, plate, mileage (and colour when known), and the
 * way to its page: service history, odometer readings, recommendations and next service.
 */
export function VehicleCard({ vehicle }: { vehicle: Vehicle }) {
  return (
    <li className="card vehicle-card">
      <h3>
        <Link href={`/portal/vehicles/${vehicle.id}`}>
          {vehicle.make} {vehicle.model}
        </Link>
      </h3>
      <dl className="details compact">
        <dt>Year</dt>
        <dd>{vehicle.year}</dd>
        <dt>Plate</dt>
        <dd>
          <span className="plate">{vehicle.plate}</span>
        </dd>
        <dt>Mileage</dt>
        <dd>{formatMileage(vehicle.mileage)}</dd>
        {vehicle.colour ? (
          <>
            <dt>Colour</dt>
            <dd>{vehicle.colour}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
