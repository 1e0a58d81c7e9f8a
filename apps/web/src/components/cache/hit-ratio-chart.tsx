'use client';

import { useEffect, useRef, useState } from 'react';
import {
  chartPoints,
  formatRatio,
  intervalSample,
  pushSample,
  type RatioSample,
  type RouteCounters,
  totals,
} from '~/lib/hit-ratio';

const maxSamples = 60;
// Plot area inside the SVG's viewBox; the left margin holds the percent labels.
const left = 44;
const top = 8;
const plotWidth = 548;
const plotHeight = 140;

/**
 * The overall hit ratio per poll interval as an SVG line. The panel polls cache.stats; each
 * new answer adds a point (counters are cumulative, so consecutive answers are diffed).
 */
export function HitRatioChart({
  routes,
  updatedAt,
  pollMs,
}: {
  routes: readonly RouteCounters[];
  updatedAt: number;
  pollMs: number;
}) {
  const [samples, setSamples] = useState<RatioSample[]>([]);
  const previous = useRef<{ hits: number; misses: number } | undefined>(undefined);
  useEffect(() => {
    const current = totals(routes);
    const sample = intervalSample(previous.current, current, updatedAt);
    setSamples((existing) => pushSample(existing, sample, maxSamples));
    previous.current = current;
  }, [routes, updatedAt]);
  const latest = samples.findLast((sample) => sample.ratio !== null)?.ratio ?? null;
  const hasData = samples.some((sample) => sample.ratio !== null);
  const seconds = Math.round(pollMs / 1000);
  const points = chartPoints(padded(samples), plotWidth, plotHeight);
  return (
    <section aria-labelledby="chart-title" className="card">
      <h2 id="chart-title">Hit ratio over time</h2>
      <p className="muted" aria-live="polite">
        Latest: {formatRatio(latest)} · one point per {seconds} s of traffic, last{' '}
        {Math.round((maxSamples * pollMs) / 60_000)} min kept while this page is open
      </p>
      <svg
        className="chart"
        viewBox={`0 0 ${left + plotWidth + 8} ${top + plotHeight + 24}`}
        role="img"
        aria-labelledby="chart-svg-title"
      >
        <title id="chart-svg-title">
          {hasData
            ? `Hit ratio per interval, latest ${formatRatio(latest)}`
            : 'Hit ratio per interval: no cached reads yet'}
        </title>
        {[0, 0.5, 1].map((level) => {
          const y = top + (1 - level) * plotHeight;
          return (
            <g key={level}>
              <line
                x1={left}
                x2={left + plotWidth}
                y1={y}
                y2={y}
                stroke="currentColor"
                strokeOpacity={0.2}
              />
              <text x={left - 6} y={y + 4} textAnchor="end" fontSize={12} fill="currentColor">
                {level * 100}%
              </text>
            </g>
          );
        })}
        <text x={left} y={top + plotHeight + 18} fontSize={12} fill="currentColor">
          older
        </text>
        <text
          x={left + plotWidth}
          y={top + plotHeight + 18}
          fontSize={12}
          textAnchor="end"
          fill="currentColor"
        >
          now
        </text>
        <g transform={`translate(${left} ${top})`}>
          <polyline
            points={points}
            fill="none"
            stroke="var(--accent)"
            strokeWidth={2.5}
            strokeLinejoin="round"
          />
          {points
            .split(' ')
            .filter(Boolean)
            .map((point) => {
              const [x, y] = point.split(',');
              return <circle key={point} cx={x} cy={y} r={3} fill="var(--accent)" />;
            })}
        </g>
      </svg>
      {hasData ? null : (
        <p className="muted">
          No cached reads since this page opened. Browse customers or vehicles in another tab and
          the line appears.
        </p>
      )}
    </section>
  );
}

/** Leading empty slots, so the line grows from the right edge ("now") as points arrive. */
function padded(samples: readonly RatioSample[]): RatioSample[] {
  const empty = Array.from({ length: maxSamples - samples.length }, () => ({
    at: 0,
    ratio: null,
  }));
  return [...empty, ...samples];
}
