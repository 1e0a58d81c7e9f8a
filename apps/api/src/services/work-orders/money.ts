import { loadShopSettings, type PrismaClient } from '@garage/db';
import { z } from 'zod';

/**
 * What a work order's amounts are in: an ISO 4217 currency, and the locale to write them in
 * (null on an invoice issued before shops chose a locale).
 */
export type Money = { currency: string; locale: string | null };

const moneyFields = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  locale: z.string().min(1).nullish().catch(null),
});

/** The currency and locale the shop's settings (or a snapshot of them) hold; null for none. */
export function moneyIn(settingsOrSnapshot: unknown): Money | null {
  const parsed = moneyFields.safeParse(settingsOrSnapshot);
  return parsed.success
    ? { currency: parsed.data.currency, locale: parsed.data.locale ?? null }
    : null;
}

/** The currency and locale the shop writes money in now. */
export async function shopMoney(prisma: PrismaClient): Promise<Money> {
  const { currency, locale } = await loadShopSettings(prisma);
  return { currency, locale };
}

/** A work order's money: its currency and locale, and where they come from. */
export type WorkOrderMoney = Money & { from: 'invoice' | 'settings' };

/**
 * What a work order's amounts are in: an invoiced (or paid) one keeps the currency and locale
 * of its invoice, whatever the settings say later; an open one follows the shop's settings.
 */
export function moneyOfWorkOrder(row: { invoiceSettings: unknown }, shop: Money): WorkOrderMoney {
  const invoiced = moneyIn(row.invoiceSettings);
  return invoiced ? { ...invoiced, from: 'invoice' } : { ...shop, from: 'settings' };
}
