// The paths named lately, by the URL segment that names them: every request to /trpc asks
// for its procedures several times (limits, Cache-Control, metrics), and popular requests name
// the same ones again and again.
const recent = new Map<string, readonly string[] | undefined>();
const recentKept = 1_000;

/**
 * The procedures a /trpc URL names (`/trpc/a,b?batch=1` → a, b), decoded as tRPC decodes them
 * (`%2C` is a comma too); undefined when the path does not decode, which tRPC refuses itself.
 */
export function procedurePaths(url: string | undefined): readonly string[] | undefined {
  const path = (url ?? '').split('?', 1)[0]?.split('/').at(-1) ?? '';
  if (recent.has(path)) return recent.get(path);
  let paths: readonly string[] | undefined;
  try {
    paths = decodeURIComponent(path).split(',');
  } catch {
    paths = undefined;
  }
  if (recent.size >= recentKept) recent.clear();
  recent.set(path, paths);
  return paths;
}
