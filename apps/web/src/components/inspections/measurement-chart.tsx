import type { RouterOutputs } from '@garage/api';
import { formatMileage } from '~/lib/format';

type Series = RouterOutputs['inspection']['measurements']['series'][number];

const width = 480;
const height = 200;
const pad = { left: 44, right: 16, top: 12, bottom: 32 };

/** Where a value falls between `from` and `to` on a scale from `start` to `end` pixels. */
const scale = (from: number, to: number, start: number, end: number) => (value: number) =>
  to === from ? (start + end) / 2 : start + ((value - from) / (to - from)) * (end - start);

/**
 * One measured item across visits, plotted against mileage: the readings, the limits, and the
 * predicted line to where it reaches its limit. SVG, no library: a handful of points.
 */
export function MeasurementChart({ series }: { series: Series }) {
  const { points, prediction } = series;
  const limits = [series.advisoryLimit, series.requiredLimit].filter(
    (limit): limit is number => limit !== null,
  );
  const mileages = [...points.map((p) => p.mileage), ...(prediction ? [prediction.mileage] : [])];
  const values = [...points.map((p) => p.value), ...limits];
  const [minX, maxX] = [Math.min(...mileages), Math.max(...mileages)];
  const [minY, maxY] = [Math.min(...values, 0), Math.max(...values)];
  const x = scale(minX, maxX, pad.left, width - pad.right);
  const y = scale(minY, maxY, height - pad.bottom, pad.top);
  const last = points.at(-1);
  const title = `${series.label} (${series.unit}) by mileage`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      <line
        x1={pad.left}
        y1={height - pad.bottom}
        x2={width - pad.right}
        y2={height - pad.bottom}
        stroke="currentColor"
        strokeOpacity="0.4"
      />
      {limits.map((limit) => (
        <g key={limit}>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(limit)}
            y2={y(limit)}
            stroke={limit === series.requiredLimit ? '#b42318' : '#b54708'}
            strokeDasharray="4 4"
          />
          <text x={4} y={y(limit) + 4} fontSize="11">
            {limit} {series.unit}
          </text>
        </g>
      ))}
      {prediction && last && !prediction.reached ? (
        <line
          x1={x(last.mileage)}
          y1={y(last.value)}
          x2={x(prediction.mileage)}
          y2={y(prediction.limit)}
          stroke="#475467"
          strokeDasharray="2 3"
        />
      ) : null}
      <polyline
        fill="none"
        stroke="#1d4ed8"
        strokeWidth="2"
        points={points.map((p) => `${x(p.mileage)},${y(p.value)}`).join(' ')}
      />
      {points.map((p) => (
        <circle
          key={`${p.workOrderId}-${p.mileage}`}
          cx={x(p.mileage)}
          cy={y(p.value)}
          r={4}
          fill="#1d4ed8"
        >
          <title>{`${p.value} ${series.unit} at ${formatMileage(p.mileage)}`}</title>
        </circle>
      ))}
      <text x={pad.left} y={height - 10} fontSize="11">
        {formatMileage(minX)}
      </text>
      <text x={width - pad.right} y={height - 10} fontSize="11" textAnchor="end">
        {formatMileage(maxX)}
      </text>
    </svg>
  );
}

/** "Front pad thickness reaches 3 mm around 2027-04 / 61,000 mi", or that it has. */
export function predictionText(series: Series): string | null {
  const { prediction } = series;
  if (!prediction) return null;
  if (prediction.reached) return `${series.label} has reached ${prediction.limit} ${series.unit}`;
  const when = [prediction.day?.slice(0, 7), formatMileage(prediction.mileage)].filter(Boolean);
  return `${series.label} reaches ${prediction.limit} ${series.unit} around ${when.join(' / ')}`;
}
