import { proxyPhotoUpload } from '~/lib/photo-proxy';

/** POST /inspection-items/<itemId>/photos: a photo of an inspection item, from a phone's camera. */
export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  return proxyPhotoUpload(request, (await context.params).id);
}
