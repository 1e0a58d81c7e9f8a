import { proxyPdf } from '~/lib/pdf-proxy';

/**
 * GET /invoices/<workOrderId>.pdf: the work order's invoice, from the API's route of the same
 * name, with the session cookie (see proxyPdf): 401 signed out, 404 for a work order the user
 * may not see.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ file: string }> },
): Promise<Response> {
  const { file } = await context.params;
  return proxyPdf(request, file, { prefix: '/invoices/', missing: 'No such invoice' });
}
