import { procedurePaths } from './procedure-paths';

/** For answers no cache may keep: sign-in state, mutations, errors, anonymous callers. */
export const uncacheable = 'private, no-store';

/**
 * The Cache-Control of a tRPC answer, once the caller is known. A signed-in caller's reads may
 * be kept by that browser alone (`private`: never a CDN or a shared proxy), and are revalidated
 * on every use (`no-cache`: the browser sends their ETag, a 304 spares the body); anything
 * touching sign-in state, every mutation and every anonymous answer is not stored at all.
 */
export function cacheControlFor(request: {
  method: string | undefined;
  url: string | undefined;
  signedIn: boolean;
}): string {
  const procedures = procedurePaths(request.url);
  // An undecodable path is refused by tRPC; it is treated as touching sign-in state meanwhile.
  const touchesAuth = !procedures || procedures.some((path) => path.startsWith('auth.'));
  return request.signedIn && request.method === 'GET' && !touchesAuth
    ? 'private, no-cache'
    : uncacheable;
}
