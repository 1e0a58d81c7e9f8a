import { loadShopSettings, type Prisma, type PrismaClient } from '@garage/db';

/** What an admin may change of the shop's settings; a field left undefined is not written. */
export type ShopSettingsChanges = {
  name?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  defaultLaborRateCents?: number | undefined;
  defaultTaxRateBps?: number | undefined;
  currency?: string | undefined;
  locale?: string | undefined;
  timeZone?: string | undefined;
};

const settingsSelect = {
  name: true,
  address: true,
  phone: true,
  defaultLaborRateCents: true,
  defaultTaxRateBps: true,
  currency: true,
  locale: true,
  timeZone: true,
  updatedAt: true,
} satisfies Prisma.ShopSettingsSelect;

const shopProfileSelect = {
  name: true,
  address: true,
  phone: true,
  currency: true,
  locale: true,
  timeZone: true,
} satisfies Prisma.ShopSettingsSelect;

/** The shop's settings (created with the defaults on first read). */
export async function getShopSettings(prisma: PrismaClient) {
  await loadShopSettings(prisma);
  return prisma.shopSettings.findUniqueOrThrow({ where: { id: 1 }, select: settingsSelect });
}

/** Writes the named settings. */
export async function updateShopSettings(prisma: PrismaClient, changes: ShopSettingsChanges) {
  await loadShopSettings(prisma);
  return prisma.shopSettings.update({ where: { id: 1 }, data: changes, select: settingsSelect });
}

/**
 * What every signed-in caller may see of the shop: how to reach it and how it writes money and
 * dates. Its rates stay with staff.
 */
export async function getShopProfile(prisma: PrismaClient) {
  await loadShopSettings(prisma);
  return prisma.shopSettings.findUniqueOrThrow({ where: { id: 1 }, select: shopProfileSelect });
}
