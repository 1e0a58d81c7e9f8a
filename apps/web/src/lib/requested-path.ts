/** The request header by which src/proxy.ts tells server layouts which page was asked for. */
export const requestedPathHeader = 'x-garage-requested-path';
