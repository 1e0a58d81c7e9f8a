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

/** Why an action did not happen: "Not deleted. This customer still owns…."; null when it did. */
export function notDone(what: string, error: { message: string } | null): string | null {
  return error ? `${what}. ${sentence(error.message)}.` : null;
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

// Times are formatted here and nowhere else (money by formatMoney in @garage/validators), from
// Intl's parts in one fixed locale ('en-US'), so the server's render and the browser's hydration
// print the same text.

const locale = 'en-US';

/** "8.25 %" for a tax rate in basis points (825). */
export function formatTaxRate(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(Math.abs(bps % 100))
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} %`;
}

/** "1.5" for a quantity the API sends as decimal text ("1.50"); whole numbers lose the point. */
export function formatQuantity(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar fields of `date` on the wall clock of `timeZone`. */
function wallClock(date: Date, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * "2025-03-01 09:05": a moment on the shop's wall clock (an IANA zone such as
 * "America/New_York"), assembled from Intl's parts so every engine prints the same text.
 */
export function formatDateTime(date: Date, timeZone: string): string {
  const { date: day, time } = wallClock(date, timeZone);
  return `${day} ${time}`;
}

/** "2025-03-01": the day `date` falls on in the shop's time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return wallClock(date, timeZone).date;
}
