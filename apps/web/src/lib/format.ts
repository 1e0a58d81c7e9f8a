/** "1.2 MB" style sizes for the cache panel. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** "42 s", "3 min", or "no TTL" for an entry's remaining lifetime. */
export function formatTtl(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return 'no TTL';
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
