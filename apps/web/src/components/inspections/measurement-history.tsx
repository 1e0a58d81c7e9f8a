'use client';

import { useQuery } from '@tanstack/react-query';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { MeasurementChart, predictionText } from './measurement-chart';

/**
 * A vehicle's measurements across visits, each plotted against mileage with when it should reach
 * its limit (from the odometer's trend, as "Due soon" predicts). Nothing before a first reading.
 */
export function MeasurementHistory({ vehicleId }: { vehicleId: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.inspection.measurements.queryOptions({ vehicleId }));
  if (query.isPending) return <Loading what="measurements" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  if (query.data.series.length === 0) return null;
  return (
    <section className="card" aria-labelledby="measurements-title">
      <h2 id="measurements-title">Measurements</h2>
      <ul className="measurement-charts">
        {query.data.series.map((series) => {
          const predicted = predictionText(series);
          return (
            <li
              key={`${series.section}-${series.label}-${series.unit}`}
              className="measurement-chart"
            >
              <h3>{series.label}</h3>
              <MeasurementChart series={series} />
              {predicted ? (
                <p className={series.prediction?.dueSoon ? 'due-soon' : undefined}>
                  {predicted}
                  {series.prediction?.dueSoon ? ' (due soon)' : null}
                </p>
              ) : (
                <p className="muted">One more visit's reading gives a prediction.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
