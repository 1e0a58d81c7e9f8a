/**
 * Where the browser downloads a work order's invoice: the web app's own /invoices route, which
 * passes the request on to the API with the session cookie (app/invoices/[file]/route.ts).
 * Once the invoice is credited and none issued since, it is the credited invoice.
 */
export function invoicePdfPath(workOrderId: number): string {
  return `/invoices/${workOrderId}.pdf`;
}

/** Where the browser downloads a credit note (app/credit-notes/[file]/route.ts). */
export function creditNotePdfPath(creditNoteId: number): string {
  return `/credit-notes/${creditNoteId}.pdf`;
}
