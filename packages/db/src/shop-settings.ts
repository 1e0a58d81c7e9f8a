import type { PrismaClient, ShopSettings } from './generated/prisma/client';

/**
 * The shop's settings (one row), created with the schema's defaults when a database has none
 * yet; concurrent first reads are safe (the insert skips an existing row).
 */
export async function loadShopSettings(
  prisma: Pick<PrismaClient, 'shopSettings'>,
): Promise<ShopSettings> {
  const existing = await prisma.shopSettings.findUnique({ where: { id: 1 } });
  if (existing) return existing;
  await prisma.shopSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
  return prisma.shopSettings.findUniqueOrThrow({ where: { id: 1 } });
}
