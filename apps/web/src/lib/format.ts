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

/** The API words messages in lower case ("this customer still owns…"); starts them upper case. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** "52,300 mi" for a vehicle's mileage. */
export function formatMileage(mileage: number): string {
  return `${mileage.toLocaleString('en')} mi`;
}

/** "850 ms", "12.3 s" or "4.2 min" for an amount of time. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/**
 * "2025-03-01 14:05 UTC": the same text on the server and in the browser, so a prefetched
 * page hydrates without a time-zone mismatch.
 */
export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
