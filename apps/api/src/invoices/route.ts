import type { IncomingMessage, ServerResponse } from 'node:http';
import { id as idSchema } from '@garage/validators';
import { createContext, type Services } from '../context';
import { isDatabaseUnavailable } from '../errors';
import { uncacheable } from '../http/cache-control';
import { assignRequestId } from '../http/request-id';
import { invoiceFor } from './invoice';
import { renderInvoicePdf } from './pdf';

/** Where invoices are served: `GET /invoices/<workOrderId>.pdf`. */
export const invoicesPrefix = '/invoices/';

const invoicePath = /^\/invoices\/(\d{1,10})\.pdf$/;

/**
 * `GET /invoices/<workOrderId>.pdf`: the work order's invoice as a PDF, for staff, admins and
 * the work order's customer. Signed out is 401; everything else that is not a PDF (someone
 * else's work order, one not invoiced yet, a missing or malformed id) is the one 404, so no
 * answer tells whether a work order exists. Never stored by any cache: it names a customer.
 */
export async function serveInvoicePdf(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  res.setHeader('cache-control', uncacheable);
  const requestId = assignRequestId(req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET, HEAD' });
  }
  try {
    const ctx = await createContext(services, req, res, requestId);
    if (!ctx.user) return sendJson(res, 401, { error: 'sign in first' });
    const workOrderId = idSchema.safeParse(Number(invoicePath.exec(path)?.[1]));
    const invoice = workOrderId.success
      ? await invoiceFor(services.prisma, workOrderId.data, ctx.user)
      : null;
    if (!invoice) return sendJson(res, 404, { error: 'not found' });
    const pdf = await renderInvoicePdf(invoice);
    res
      .writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': pdf.length,
        'content-disposition': `attachment; filename="invoice-${invoice.invoiceNumber}.pdf"`,
        'cache-control': uncacheable,
        'x-content-type-options': 'nosniff',
      })
      .end(pdf);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      services.log.warn({ err: error, requestId, path }, 'invoice pdf: database unavailable');
      return sendJson(res, 503, { error: 'the database is unavailable; try again in a moment' });
    }
    services.log.error({ err: error, requestId, path }, 'invoice pdf failed');
    sendJson(res, 500, { error: 'something went wrong on our side; it has been logged' });
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res
    .writeHead(status, {
      ...headers,
      'content-type': 'application/json',
      'cache-control': uncacheable,
    })
    .end(JSON.stringify(body));
}
