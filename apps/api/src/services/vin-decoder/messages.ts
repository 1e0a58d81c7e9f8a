import type { DecodedVin } from './vpic';

/** What the main thread asks the decoder's worker: one VIN, already normalized. */
export interface DecodeRequest {
  id: number;
  vin: string;
}

/** What the worker answers: the decode, or why it failed. */
export type DecodeReply =
  | { id: number; decoded: DecodedVin | null }
  | { id: number; error: string };

export function isDecodeRequest(message: unknown): message is DecodeRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    'id' in message &&
    typeof message.id === 'number' &&
    'vin' in message &&
    typeof message.vin === 'string'
  );
}

export function isDecodeReply(message: unknown): message is DecodeReply {
  return (
    typeof message === 'object' &&
    message !== null &&
    'id' in message &&
    typeof message.id === 'number' &&
    ('decoded' in message || ('error' in message && typeof message.error === 'string'))
  );
}
