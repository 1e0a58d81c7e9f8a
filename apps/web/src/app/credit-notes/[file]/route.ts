import { proxyPdf } from '~/lib/pdf-proxy';

/**
 * GET /credit-notes/<creditNoteId>.pdf: a credit note, from the API's route of the same name,
 * under the invoice's rules (see proxyPdf): 401 signed out, 404 for one the user may not see.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ file: string }> },
): Promise<Response> {
  const { file } = await context.params;
  return proxyPdf(request, file, { prefix: '/credit-notes/', missing: 'No such credit note' });
}
