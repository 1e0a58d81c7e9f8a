import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { type Viewer, visibleTo } from '../../visibility/rules';
import type { PhotoStore } from '../photo-store/photo-store';
import { preparePhoto } from '../photo-store/prepare-photo';
import { lockItem } from './items';

/** Photos one item may hold: a few angles of one finding. */
export const maxPhotosPerItem = 8;

/** What a photo's write touched, for the tags it invalidates. */
export type PhotoWrite = { photoId: number; workOrderId: number };

/**
 * Adds a photo to an item of an open work order's inspection: resized and stripped of its
 * metadata first (prepare-photo.ts), its bytes kept by the photo store. Refused (nothing kept)
 * for bytes that are no image, an item that has gone or whose work order left the shop, or an
 * item already holding `maxPhotosPerItem`.
 */
export async function addPhoto(
  prisma: PrismaClient,
  store: PhotoStore,
  itemId: number,
  upload: Uint8Array,
): Promise<PhotoWrite> {
  const photo = await preparePhoto(upload);
  const storageKey = `inspection-photo/${randomUUID()}`;
  await store.put(storageKey, photo.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      const item = await lockItem(tx, itemId);
      if (item._count.photos >= maxPhotosPerItem) {
        throw AppError.badInput('photo', `an item holds at most ${maxPhotosPerItem} photos`);
      }
      const created = await tx.inspectionPhoto.create({
        data: {
          itemId,
          storageKey,
          contentType: photo.contentType,
          width: photo.width,
          height: photo.height,
          byteLength: photo.bytes.byteLength,
          sha256: photo.sha256,
        },
        select: { id: true },
      });
      return { photoId: created.id, workOrderId: item.inspection.workOrderId };
    });
  } catch (error) {
    await store.remove(storageKey);
    throw error;
  }
}

/**
 * Removes a photo from an open work order's inspection. The last photo of an item graded
 * `required` stays (the finding is shown, not claimed): grade it otherwise first.
 */
export async function removePhoto(
  prisma: PrismaClient,
  store: PhotoStore,
  photoId: number,
): Promise<PhotoWrite> {
  const removed = await prisma.$transaction(async (tx) => {
    const photo = await tx.inspectionPhoto.findUnique({
      where: { id: photoId },
      select: { itemId: true, storageKey: true },
    });
    if (!photo) throw AppError.notFound('photo');
    const item = await lockItem(tx, photo.itemId);
    if (item.grade === 'required' && item._count.photos <= 1) {
      throw AppError.badInput('id', 'is the only photo of a required finding');
    }
    const { count } = await tx.inspectionPhoto.deleteMany({ where: { id: photoId } });
    if (count === 0) throw AppError.notFound('photo');
    return { storageKey: photo.storageKey, workOrderId: item.inspection.workOrderId };
  });
  await store.remove(removed.storageKey);
  return { photoId, workOrderId: removed.workOrderId };
}

/**
 * A photo's bytes for `viewer`, if they may see its work order (null both when there is no
 * such photo and when it is someone else's: one answer for either).
 */
export async function photoFor(
  prisma: PrismaClient,
  store: PhotoStore,
  photoId: number,
  viewer: Viewer,
): Promise<{ bytes: Uint8Array; contentType: string; sha256: string } | null> {
  const photo = await prisma.inspectionPhoto.findUnique({
    where: { id: photoId, AND: visibleTo(viewer).inspectionPhoto },
    select: { storageKey: true, contentType: true, sha256: true },
  });
  if (!photo) return null;
  const bytes = await store.get(photo.storageKey);
  return bytes && { bytes, contentType: photo.contentType, sha256: photo.sha256 };
}
