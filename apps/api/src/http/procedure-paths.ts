/**
 * The procedures a /trpc URL names (`/trpc/a,b?batch=1` → a, b), decoded as tRPC decodes them
 * (`%2C` is a comma too); undefined when the path does not decode, which tRPC refuses itself.
 */
export function procedurePaths(url: string | undefined): string[] | undefined {
  const path = (url ?? '').split('?')[0]?.split('/').at(-1) ?? '';
  try {
    return decodeURIComponent(path).split(',');
  } catch {
    return undefined;
  }
}
