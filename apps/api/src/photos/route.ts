import type { IncomingMessage, ServerResponse } from 'node:http';
import { id as idSchema, maxPhotoBytes, photoTooLarge } from '@garage/validators';
import { AppError, type AppErrorCode } from '../app-error';
import { createContext, type Services } from '../context';
import { isDatabaseUnavailable } from '../errors';
import { uncacheable } from '../http/cache-control';
import { assignRequestId } from '../http/request-id';
import { sendJson } from '../http/send-json';
import { addPhoto, photoFor } from '../services/inspections/photos';
import { inspectionTag } from '../tags/registry';

// Inspection photos over plain HTTP, beside tRPC: an upload is image bytes, not JSON, and a
// photo is served as an image a browser can show and keep.
//   POST /inspection-items/<itemId>/photos   body: the image's bytes (staff and admins)
//   GET  /inspection-photos/<photoId>         whoever may see its work order

export const photoUploadPath = /^\/inspection-items\/(\d{1,10})\/photos$/;
export const photoPath = /^\/inspection-photos\/(\d{1,10})$/;

/**
 * A photo never changes under its id (a new photo is a new id), so a browser may keep it as
 * long as it likes, for this user only: `private` keeps it out of shared caches.
 */
export const photoCacheControl = 'private, max-age=31536000, immutable';

const statusOf: Record<AppErrorCode, number> = {
  BAD_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  UNAVAILABLE: 503,
};

/** Whether `path` is one of the photo routes. */
export const isPhotoPath = (path: string) => photoUploadPath.test(path) || photoPath.test(path);

/** Serves the photo routes; errors are JSON `{ error, fields? }` with the status they call for. */
export async function servePhotos(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  res.setHeader('cache-control', uncacheable);
  const requestId = assignRequestId(req, res);
  try {
    const upload = photoUploadPath.exec(path);
    if (upload) return await receivePhoto(services, req, res, upload[1], requestId);
    return await sendPhoto(services, req, res, photoPath.exec(path)?.[1], requestId);
  } catch (error) {
    if (error instanceof AppError) {
      return sendJson(res, statusOf[error.code], { error: error.message, fields: error.fields });
    }
    if (isDatabaseUnavailable(error)) {
      return sendJson(res, 503, { error: 'the database is unavailable; try again in a moment' });
    }
    services.log.error({ err: error, requestId, path }, 'photo route failed');
    sendJson(res, 500, { error: 'something went wrong on our side; it has been logged' });
  }
}

async function sendPhoto(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  idText: string | undefined,
  requestId: string,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET, HEAD' });
  }
  const ctx = await createContext(services, req, res, requestId);
  if (!ctx.user) return sendJson(res, 401, { error: 'sign in first' });
  const id = idSchema.safeParse(Number(idText));
  const photo = id.success
    ? await photoFor(services.prisma, services.photos, id.data, ctx.user)
    : null;
  // Someone else's photo and no photo at all are the one 404.
  if (!photo) return sendJson(res, 404, { error: 'not found' });
  const etag = `"${photo.sha256}"`;
  const headers = {
    etag,
    'cache-control': photoCacheControl,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
  };
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
  res
    .writeHead(200, {
      ...headers,
      'content-type': photo.contentType,
      'content-length': photo.bytes.byteLength,
    })
    .end(req.method === 'HEAD' ? undefined : photo.bytes);
}

async function receivePhoto(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  idText: string | undefined,
  requestId: string,
) {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
  // Refused before the body arrives when it says it is too large (Node discards the rest).
  if (Number(req.headers['content-length'] ?? 0) > maxPhotoBytes) {
    return sendJson(res, 413, { error: photoTooLarge, fields: { photo: photoTooLarge } });
  }
  const ctx = await createContext(services, req, res, requestId);
  if (!ctx.user) return sendJson(res, 401, { error: 'sign in first' });
  if (ctx.user.role === 'customer') {
    return sendJson(res, 403, { error: 'only staff or admin may do this' });
  }
  const itemId = idSchema.safeParse(Number(idText));
  if (!itemId.success) throw AppError.notFound('inspection item');
  const bytes = await readBody(req, maxPhotoBytes);
  if (!bytes) return sendJson(res, 413, { error: photoTooLarge, fields: { photo: photoTooLarge } });
  if (bytes.byteLength === 0) throw AppError.badInput('photo', 'is required');
  const written = await addPhoto(services.prisma, services.photos, itemId.data, bytes);
  await services.cache.invalidateTags([inspectionTag(written.workOrderId)]);
  sendJson(res, 201, { id: written.photoId });
}

/** The request's body, or null once it grows past `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
