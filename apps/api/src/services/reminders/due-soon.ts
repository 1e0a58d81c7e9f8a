import { loadShopSettings, type PrismaClient } from '@garage/db';
import { jobForService } from '../../domain/saved-jobs/service-match';
import { fromDateColumn } from '../../domain/work-orders/calendar-days';
import { type ReminderStatus, reminderStatus } from '../../domain/work-orders/reminders';
import { type Page, toPage } from '../page';
import { listSavedJobs } from '../saved-jobs/list';
import { type PricedSavedJob, pricedSavedJob } from '../saved-jobs/price';
import { trendReadingSelect } from './next-service';

export type DueSoonRequest = { cursor?: number | undefined; limit: number };

export type DueSoonRow = {
  id: number;
  description: string;
  dueMileage: number | null;
  /** The day it is due by ("2026-12-28"), a calendar date. */
  dueDate: string | null;
  status: ReminderStatus;
  vehicle: { id: number; plate: string; make: string; model: string; year: number };
  customer: { id: number; name: string; email: string | null; phone: string | null };
  /** The saved job that does this service on this vehicle, priced (see service-match.ts). */
  savedJob: PricedSavedJob | null;
};

/**
 * Open service reminders that are due soon (by date against the shop's today, or by the
 * mileage predicted from the vehicle's odometer log), in reminder order from `cursor`. Whether a reminder is due depends
 * on the log, not only on its own columns, so each open reminder is judged here, not in SQL;
 * `vehicleIds` names every vehicle judged, so a new reading on any of them can reach the list.
 * Each row offers the saved job for its service, priced at the shop's tax rate.
 */
export async function dueSoonReminders(
  prisma: PrismaClient,
  request: DueSoonRequest,
  now = new Date(),
): Promise<Page<DueSoonRow> & { vehicleIds: number[] }> {
  const [{ timeZone, defaultTaxRateBps }, jobs] = await Promise.all([
    loadShopSettings(prisma),
    listSavedJobs(prisma),
  ]);
  const open = await prisma.serviceReminder.findMany({
    where: { completedAt: null, ...(request.cursor ? { id: { gt: request.cursor } } : {}) },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      description: true,
      dueMileage: true,
      dueDate: true,
      vehicle: {
        select: {
          id: true,
          plate: true,
          make: true,
          model: true,
          year: true,
          owner: { select: { id: true, name: true, email: true, phone: true } },
          odometerReadings: { select: trendReadingSelect },
        },
      },
    },
  });
  const due: DueSoonRow[] = [];
  for (const reminder of open) {
    const { odometerReadings, owner, ...vehicle } = reminder.vehicle;
    const { vehicle: _vehicle, dueDate, ...fields } = reminder;
    const dated = { ...fields, dueDate: dueDate && fromDateColumn(dueDate) };
    const status = reminderStatus(dated, odometerReadings, now, timeZone);
    if (!status.dueSoon) continue;
    const job = jobForService(jobs, reminder.description, vehicle);
    const savedJob = job && pricedSavedJob(job, defaultTaxRateBps);
    due.push({ ...dated, status, vehicle, customer: owner, savedJob });
    if (due.length > request.limit) break;
  }
  return {
    ...toPage(due, request.limit),
    vehicleIds: [...new Set(open.map((reminder) => reminder.vehicle.id))],
  };
}
