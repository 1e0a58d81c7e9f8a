// The VIN decoder's worker thread: decodes the VINs the main thread sends, one message each,
// over its own copy of the vPIC data (see vpic.ts and decoder.ts).
import { parentPort } from 'node:worker_threads';
import { type DecodeReply, isDecodeRequest } from './messages';
import { createVinDecoding } from './vpic';

const decoding = createVinDecoding();

parentPort?.on('message', (message: unknown) => {
  if (!isDecodeRequest(message)) return;
  const reply = (answer: DecodeReply) => parentPort?.postMessage(answer);
  decoding.decode(message.vin).then(
    (decoded) => reply({ id: message.id, decoded }),
    (error: unknown) =>
      reply({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
