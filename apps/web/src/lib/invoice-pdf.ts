/**
 * Where the browser downloads a work order's invoice: the web app's own /invoices route, which
 * passes the request on to the API with the session cookie (app/invoices/[file]/route.ts).
 */
export function invoicePdfPath(workOrderId: number): string {
  return `/invoices/${workOrderId}.pdf`;
}
