import sharp from 'sharp';
import type { TestApi } from './harness';

/** The session cookie of a demo account, for the photo routes (plain HTTP, beside tRPC). */
export async function cookieOf(api: TestApi, who: string): Promise<string> {
  const login = await fetch(`${api.base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: `${who}@garage.test`, password: 'garage-demo' } }),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * A JPEG as a phone writes one: `width` × `height` pixels, with EXIF naming the camera and a GPS
 * position (a garage's yard, to the metre).
 */
export async function phoneJpeg(width = 2_400, height = 1_800): Promise<Uint8Array> {
  const data = await sharp({
    create: { width, height, channels: 3, background: { r: 120, g: 90, b: 60 } },
  })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15', Software: 'Camera 1.0' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 46/1 4500/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '96/1 47/1 3000/100',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
  return new Uint8Array(data);
}

/** Posts `bytes` as a photo of inspection item `itemId`. */
export function uploadPhoto(
  api: TestApi,
  cookie: string,
  itemId: number,
  bytes: Uint8Array,
  contentType = 'image/jpeg',
): Promise<Response> {
  return fetch(`${api.base}/inspection-items/${itemId}/photos`, {
    method: 'POST',
    headers: { cookie, 'content-type': contentType },
    body: bytes,
  });
}
