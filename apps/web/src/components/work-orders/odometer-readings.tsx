import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { type Column, DataTable } from '~/components/data-table';
import { Timestamp } from '~/components/timestamp';
import { formatMileage } from '~/lib/format';
import { odometerSourceLabels } from '~/lib/work-order-words';

type Reading = RouterOutputs['vehicle']['history']['odometerLog'][number];
type ReadingRow = Omit<Reading, 'workOrder'> & Partial<Pick<Reading, 'workOrder'>>;

const when: Column<ReadingRow> = {
  header: 'When',
  cell: (reading) => <Timestamp at={reading.at} />,
  title: true,
};

const read: Column<ReadingRow>[] = [
  { header: 'Reading', cell: (reading) => formatMileage(reading.reading), numeric: true },
  { header: 'Taken', cell: (reading) => odometerSourceLabels[reading.source] },
];

const workOrder: Column<ReadingRow> = {
  header: 'Work order',
  cell: ({ workOrder }) =>
    workOrder ? <Link href={`/staff/work-orders/${workOrder.id}`}>{workOrder.number}</Link> : '–',
};

const flags: Column<ReadingRow> = {
  header: 'Flags',
  cell: (reading) => (
    <>
      {reading.correction ? <span className="badge">correction</span> : null}
      {reading.correction && reading.implausible ? ' ' : null}
      {reading.implausible ? <span className="badge warn">implausible jump</span> : null}
    </>
  ),
};

/**
 * Odometer readings, newest first, with how each was taken; a correction (below the mileage
 * before it) and an implausible jump are flagged, not hidden. `empty`: the line for none.
 */
export function OdometerReadings({
  readings,
  showWorkOrder = false,
  empty,
}: {
  readings: readonly ReadingRow[];
  showWorkOrder?: boolean;
  empty?: ReactNode;
}) {
  const columns = showWorkOrder ? [when, ...read, workOrder, flags] : [when, ...read, flags];
  return (
    <DataTable
      columns={columns}
      rows={readings}
      rowKey={(reading) => reading.id}
      stack
      empty={empty}
    />
  );
}
