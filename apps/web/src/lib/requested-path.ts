/** The request header by which src/proxy.ts tells server layouts which page was asked for. */
export const requestedPathHeader = 'x-garage-requested-path';

// Any origin would do: a path stays on the origin it is resolved against, whichever that is, and
// `.invalid` can never be a real one. Client and server then agree without knowing the app's URL.
const appOrigin = 'https://app.invalid';

// Browsers drop tabs and newlines from a URL and read `\` as `/`, so "/\t/evil.example" and
// "/\evil.example" would both become //evil.example: refuse control characters and backslashes.
const smuggling = /[\p{Cc}\\]/u;

/**
 * `raw` as a path on this app (path, query and fragment, normalised), or undefined when it is not
 * one: a full URL, `//host`, anything with a control character or a backslash, or anything whose
 * origin, once resolved, differs from the app's.
 */
export function sameOriginPath(raw: string | undefined): string | undefined {
  if (!raw?.startsWith('/') || smuggling.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, appOrigin);
  } catch {
    return undefined;
  }
  if (url.origin !== appOrigin) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
