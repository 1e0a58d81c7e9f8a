import { formatMileage } from '~/lib/format';

/** One vehicle in the portal: make, model, year, plate, mileage (and colour when known). */
export function VehicleCard({
  vehicle,
}: {
  vehicle: {
    make: string;
    model: string;
    year: number;
    plate: string;
    mileage: number;
    colour: string | null;
  };
}) {
  return (
    <li className="card vehicle-card">
      <h2>
        {vehicle.make} {vehicle.model}
      </h2>
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
