import type { PrismaClient } from '@garage/db';
import type { PhotoStore } from './photo-store';

/** The default photo store: bytes in the StoredFile table of the app's own database. */
export function postgresPhotoStore(prisma: PrismaClient): PhotoStore {
  return {
    async put(key, bytes) {
      await prisma.storedFile.create({ data: { key, bytes: new Uint8Array(bytes) } });
    },
    async get(key) {
      const row = await prisma.storedFile.findUnique({ where: { key }, select: { bytes: true } });
      return row ? new Uint8Array(row.bytes) : null;
    },
    async remove(key) {
      await prisma.storedFile.deleteMany({ where: { key } });
    },
  };
}
