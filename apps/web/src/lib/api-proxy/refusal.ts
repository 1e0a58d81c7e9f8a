import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';

/** Why the /api/trpc proxy answers a call itself instead of forwarding it to the API. */
export interface Refusal {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
}

/**
 * The refusal as the API would have sent it: tRPC's error JSON inside superjson's `{ json }`
 * envelope, so the tRPC client raises it as a TRPCClientError with this message (for a batch,
 * the same error for every call in it).
 */
export function refusalResponse({ code, message }: Refusal): Response {
  const httpStatus = getHTTPStatusCodeFromError(new TRPCError({ code }));
  const error = { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus } };
  return Response.json({ error: { json: error } }, { status: httpStatus });
}
