import { proxyPhoto } from '~/lib/photo-proxy';

/** GET /inspection-photos/<id>: an inspection photo, for those who may see its work order. */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  return proxyPhoto(request, (await context.params).id);
}
