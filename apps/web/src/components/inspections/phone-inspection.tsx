'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { InspectionProgressText } from './inspection-progress';
import type { InspectionItem } from './inspection-words';
import { ItemCard } from './item-card';

/** The items of each section, in the template's order. */
function bySection(items: readonly InspectionItem[]): [string, InspectionItem[]][] {
  const sections = new Map<string, InspectionItem[]>();
  for (const item of items)
    sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  return [...sections];
}

/**
 * The technician's inspection, made for a phone held in one hand (390 px wide): one column of
 * items by section, big grade buttons, the camera one tap away, progress always in view.
 */
export function PhoneInspection({ workOrderId }: { workOrderId: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.inspection.byWorkOrder.queryOptions({ workOrderId }));
  if (query.isPending) return <Loading what="inspection" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const { inspection } = query.data;
  if (!inspection) {
    return (
      <p className="state">
        No inspection started yet.{' '}
        <Link href={`/staff/work-orders/${workOrderId}`}>Start one on the work order</Link>.
      </p>
    );
  }
  return (
    <div className="phone-inspection">
      <header className="phone-inspection-bar">
        <Link href={`/staff/work-orders/${workOrderId}`}>← Work order</Link>
        <InspectionProgressText progress={inspection.progress} />
      </header>
      {bySection(inspection.items).map(([section, items]) => (
        <section key={section} aria-label={section}>
          <h2>{section}</h2>
          <ul className="inspection-items">
            {items.map((item) => (
              <ItemCard key={item.id} workOrderId={workOrderId} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
