import { randomBytes } from 'node:crypto';

/** A fresh, unguessable nonce for one page response. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of a page rendered with `nonce`. Next.js reads the nonce back out
 * of this policy (on the request) and puts it on every script and style it emits;
 * 'strict-dynamic' lets those scripts load the app's chunks. Development adds 'unsafe-eval',
 * which React uses there (and only there) to rebuild server error stacks. No
 * upgrade-insecure-requests: the app is also served over plain HTTP (localhost, docker-compose).
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
