import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@garage/db';
import { id as idSchema } from '@garage/validators';
import { createContext, type Services } from '../context';
import { isDatabaseUnavailable } from '../errors';
import { uncacheable } from '../http/cache-control';
import { assignRequestId } from '../http/request-id';
import { sendJson } from '../http/send-json';
import type { Viewer } from '../visibility/rules';
import { type CreditNote, creditNoteFor } from './credit-note';
import { renderCreditNotePdf } from './credit-note-pdf';
import { type Invoice, invoiceFileName, invoiceFor } from './invoice';
import { renderInvoicePdf } from './pdf';

/** Where invoices are served: `GET /invoices/<workOrderId>.pdf`. */
export const invoicesPrefix = '/invoices/';
/** Where credit notes are served: `GET /credit-notes/<creditNoteId>.pdf`. */
export const creditNotesPrefix = '/credit-notes/';

/** A document served as a PDF: where, how it is found for a viewer, drawn and named. */
type PdfRoute<Document> = {
  path: RegExp;
  what: string;
  load(prisma: PrismaClient, id: number, viewer: Viewer): Promise<Document | null>;
  render(document: Document): Promise<Buffer>;
  fileName(document: Document): string;
};

const invoiceRoute: PdfRoute<Invoice> = {
  path: /^\/invoices\/(\d{1,10})\.pdf$/,
  what: 'invoice',
  load: invoiceFor,
  render: renderInvoicePdf,
  fileName: invoiceFileName,
};

const creditNoteRoute: PdfRoute<CreditNote> = {
  path: /^\/credit-notes\/(\d{1,10})\.pdf$/,
  what: 'credit note',
  load: creditNoteFor,
  render: renderCreditNotePdf,
  fileName: (note) => `credit-note-${note.number}.pdf`,
};

/**
 * `GET /invoices/<workOrderId>.pdf`: the work order's invoice as a PDF, for staff, admins and
 * the work order's customer. Signed out is 401; everything else that is not a PDF (someone
 * else's work order, one not invoiced yet, a missing or malformed id) is the one 404, so no
 * answer tells whether a work order exists. Never stored by any cache: it names a customer.
 */
export function serveInvoicePdf(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  return servePdf(invoiceRoute, services, req, res, path);
}

/**
 * `GET /credit-notes/<creditNoteId>.pdf`: a credit note as a PDF, under the invoice's rules:
 * staff, admins and the customer of its work order; 401 signed out, the one 404 otherwise.
 */
export function serveCreditNotePdf(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  return servePdf(creditNoteRoute, services, req, res, path);
}

async function servePdf<Document>(
  route: PdfRoute<Document>,
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
    const id = idSchema.safeParse(Number(route.path.exec(path)?.[1]));
    const document = id.success ? await route.load(services.prisma, id.data, ctx.user) : null;
    if (!document) return sendJson(res, 404, { error: 'not found' });
    const pdf = await route.render(document);
    res
      .writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': pdf.length,
        'content-disposition': `attachment; filename="${route.fileName(document)}"`,
        'cache-control': uncacheable,
        'x-content-type-options': 'nosniff',
      })
      .end(pdf);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      services.log.warn({ err: error, requestId, path }, `${route.what} pdf: database unavailable`);
      return sendJson(res, 503, { error: 'the database is unavailable; try again in a moment' });
    }
    services.log.error({ err: error, requestId, path }, `${route.what} pdf failed`);
    sendJson(res, 500, { error: 'something went wrong on our side; it has been logged' });
  }
}
