'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { gradeLabels, measurementText, photoUrl } from './inspection-words';

/**
 * What the technician found that a line was recommended for, beside the first of its lines:
 * the grade, the measurement, the note and the photos, so the customer decides on what they see.
 */
export function LineFinding({ workOrderId, lineId }: { workOrderId: number; lineId: number }) {
  const trpc = useTRPC();
  const finding = useQuery({
    ...trpc.inspection.byWorkOrder.queryOptions({ workOrderId }),
    select: ({ inspection }) => inspection?.items.find((item) => item.lines[0]?.id === lineId),
  });
  const item = finding.data;
  if (!item) return null;
  const measured = measurementText(item);
  return (
    <figure className="line-finding" aria-label={`Inspection finding: ${item.label}`}>
      {item.photos.map((photo) => (
        <a key={photo.id} href={photoUrl(photo.id)} target="_blank" rel="noreferrer">
          <img
            src={photoUrl(photo.id)}
            alt={`${item.label} as the technician found it`}
            width={160}
            height={Math.round((160 * photo.height) / photo.width)}
          />
        </a>
      ))}
      <figcaption>
        {item.grade ? (
          <span className={`badge grade-${item.grade}`}>{gradeLabels[item.grade]}</span>
        ) : null}{' '}
        {item.label}
        {measured ? `: ${measured}` : null}
        {item.note ? <span className="muted"> · {item.note}</span> : null}
      </figcaption>
    </figure>
  );
}
