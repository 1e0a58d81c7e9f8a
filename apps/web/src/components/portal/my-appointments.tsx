'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Empty, Failed, Loading } from '~/components/query-state';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';

const inDays = (count: number) =>
  new Date(Date.now() + count * 86_400_000).toISOString().slice(0, 10);

/**
 * The customer's appointments ("requested" until the shop confirms, then "booked"), a cancel
 * button up to the shop's cut-off, and a request for a free slot for one of their vehicles.
 * Free slots name nobody: only the times the shop can still take a car.
 */
export function MyAppointments() {
  const trpc = useTRPC();
  const vehicles = useQuery(trpc.portal.myVehicles.queryOptions()).data ?? [];
  const format = useShopFormat();
  const mine = useQuery(trpc.portalSchedule.mine.queryOptions());
  const cancel = useMutation(trpc.portalSchedule.cancel.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  if (mine.isPending) return <Loading what="your appointments" />;
  if (mine.isError) return <Failed error={mine.error} retry={() => mine.refetch()} />;
  const now = Date.now();
  return (
    <section aria-labelledby="appointments-title">
      <h2 id="appointments-title">Appointments</h2>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {mine.data.appointments.length === 0 ? <Empty>No appointments yet.</Empty> : null}
      <ul className="plain">
        {mine.data.appointments.map((row) => {
          const cancellable =
            (row.status === 'requested' || row.status === 'booked') &&
            row.startsAt.getTime() - now >= mine.data.cutoffHours * 3_600_000;
          return (
            <li key={row.id} className="card">
              <strong>{format.dateTime(row.startsAt)}</strong> · {row.vehicle?.plate} ·{' '}
              {row.concern}{' '}
              <span className="badge" data-status={row.status}>
                {row.status.replace('_', '-')}
              </span>
              {cancellable ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    cancel.mutate(
                      { id: row.id, version: row.version },
                      { onError: (failure) => setError(failure.message) },
                    )
                  }
                >
                  Cancel
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <RequestSlot vehicles={vehicles} />
    </section>
  );
}

type PortalVehicle = {
  id: number;
  plate: string;
  year: number | null;
  make: string;
  model: string;
};

function RequestSlot({ vehicles }: { vehicles: PortalVehicle[] }) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const [day, setDay] = useState(inDays(1));
  const [chosenId, setVehicleId] = useState<number | null>(null);
  // The vehicles arrive after the first render: until one is chosen, the first of them.
  const vehicleId = chosenId ?? vehicles[0]?.id ?? 0;
  const [concern, setConcern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const slots = useQuery(trpc.portalSchedule.slots.queryOptions({ day }));
  const request = useMutation(trpc.portalSchedule.request.mutationOptions());
  if (vehicles.length === 0) return null;
  return (
    <form
      className="card"
      aria-label="Request an appointment"
      onSubmit={(event) => event.preventDefault()}
    >
      <h3>Request an appointment</h3>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <label>
        Vehicle
        <select value={vehicleId} onChange={(event) => setVehicleId(Number(event.target.value))}>
          {vehicles.map((vehicle) => (
            <option key={vehicle.id} value={vehicle.id}>
              {[vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ')} (
              {vehicle.plate})
            </option>
          ))}
        </select>
      </label>
      <label>
        What should we look at?
        <textarea value={concern} onChange={(event) => setConcern(event.target.value)} />
      </label>
      <label>
        Day
        <input
          type="date"
          value={day}
          min={inDays(0)}
          onChange={(event) => event.target.value && setDay(event.target.value)}
        />
      </label>
      {slots.isPending ? <Loading what="free times" /> : null}
      {slots.data && slots.data.slots.length === 0 ? (
        <p className="muted">No free time that day.</p>
      ) : null}
      <div className="actions">
        {slots.data?.slots.map((slot) => (
          <button
            type="button"
            key={slot.startsAt.toISOString()}
            disabled={request.isPending}
            onClick={() => {
              setError(null);
              request.mutate(
                { vehicleId, startsAt: slot.startsAt, concern },
                { onError: (failure) => setError(failure.message) },
              );
            }}
          >
            {format.dateTime(slot.startsAt)}
          </button>
        ))}
      </div>
    </form>
  );
}
