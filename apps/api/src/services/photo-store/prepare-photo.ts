import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../../app-error';

/** The longest side a photo is kept at: plenty for a worn pad on a phone or a laptop. */
export const photoLongestSide = 1_600;

/** What a photo is stored as: JPEG, whatever it came as. */
export const storedPhotoType = 'image/jpeg';

/** The image types a phone's camera gives, told by their first bytes, never by a name. */
const signatures: { type: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  {
    type: 'image/webp',
    matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  },
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The image type `bytes` start with, or null when they are no image we take. */
export function imageTypeOf(bytes: Uint8Array): string | null {
  return signatures.find((signature) => signature.matches(bytes))?.type ?? null;
}

export type PreparedPhoto = {
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
  /** sha256 of the bytes, hex: the photo's ETag. */
  sha256: string;
};

/**
 * A photo as it is kept: turned upright, its longest side at most 1,600 px, re-encoded as JPEG
 * with sharp, which writes no metadata unless asked (so no GPS position, camera serial or time
 * leaves the shop with it). Bytes that are no JPEG, PNG or WebP, or that do not decode, are
 * refused naming `photo`.
 */
export async function preparePhoto(input: Uint8Array): Promise<PreparedPhoto> {
  if (!imageTypeOf(input)) {
    throw AppError.badInput('photo', 'must be a JPEG, PNG or WebP image');
  }
  try {
    const { data, info } = await sharp(input, { failOn: 'error' })
      .rotate()
      .resize({
        width: photoLongestSide,
        height: photoLongestSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const bytes = new Uint8Array(data);
    return {
      bytes,
      contentType: storedPhotoType,
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  } catch (cause) {
    throw new AppError('BAD_INPUT', 'photo: the image could not be read', {
      fields: { photo: 'the image could not be read' },
      cause,
    });
  }
}
