// Runs the decoder's worker from its TypeScript source (tests, `tsx watch`): a worker thread
// does not take the tsx loader from execArgv, so it registers it itself. Built, the API runs
// the worker's bundle instead (see decoder.ts and build.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
