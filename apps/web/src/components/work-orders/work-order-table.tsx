'use client';

import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { AwaitingApproval, StatusBadge } from './status-badge';

type ListedWorkOrder = RouterOutputs['workOrder']['list']['items'][number];

/** Work orders as rows linking to their pages, their vehicles and their customers. */
export function WorkOrderTable({ workOrders }: { workOrders: readonly ListedWorkOrder[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Status</th>
            <th scope="col">Vehicle</th>
            <th scope="col">Customer</th>
            <th scope="col" className="hide-narrow">
              Concern
            </th>
            <th scope="col" className="hide-narrow">
              Technician
            </th>
            <th scope="col" className="hide-narrow">
              Promised
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {workOrders.map((workOrder) => (
            <tr key={workOrder.id}>
              <td>
                <Link href={`/staff/work-orders/${workOrder.id}`}>{workOrder.number}</Link>
              </td>
              <td>
                <StatusBadge status={workOrder.status} />{' '}
                <AwaitingApproval awaiting={workOrder.awaitingApproval} />
              </td>
              <td>
                <Link href={`/staff/vehicles/${workOrder.vehicle.id}`}>
                  {workOrder.vehicle.plate}
                </Link>{' '}
                <span className="muted">
                  {workOrder.vehicle.year} {workOrder.vehicle.make} {workOrder.vehicle.model}
                </span>
              </td>
              <td>
                <Link href={`/staff/customers/${workOrder.customer.id}`}>
                  {workOrder.customer.name}
                </Link>
              </td>
              <td className="hide-narrow clip">{workOrder.concern}</td>
              <td className="hide-narrow">
                {workOrder.technician?.name ?? <span className="muted">unassigned</span>}
              </td>
              <td className="hide-narrow">
                {workOrder.promisedAt ? <Timestamp at={workOrder.promisedAt} /> : '–'}
              </td>
              <td className="num">{moneyIn(workOrder.money)(workOrder.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
