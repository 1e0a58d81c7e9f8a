// How the invoice writes money, dates and text: in one fixed locale ('en-US', as the web app
// does) unless the invoice was issued with one, money from integer minor units without a float
// division, dates on the shop's clock, and text in what the PDF's built-in fonts can draw.

const locale = 'en-US';

/** "$230.78": integer minor units ("cents") in `currency`, exactly, in `moneyLocale` when given. */
export function formatMoney(amount: number, currency: string, moneyLocale?: string | null): string {
  const format = new Intl.NumberFormat(moneyLocale ?? locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const magnitude = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? magnitude : magnitude.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${magnitude.slice(-digits)}`;
  const decimal = `${amount < 0 ? '-' : ''}${whole}${fraction}`;
  if (!Number.isSafeInteger(amount) || !isDecimalText(decimal)) {
    throw new RangeError(`${amount} is not a whole number of minor units`);
  }
  // Intl formats numeric text exactly (ES2023): no cent ever goes through a float.
  return format.format(decimal);
}

function isDecimalText(text: string): text is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(text);
}

/** "2026-12-02": the day `date` falls on in the shop's time zone. */
export function formatDate(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "1.5" for a quantity sent as decimal text ("1.50"); whole numbers lose the point. */
export function formatQuantity(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}

/** "40,000" for an odometer reading. */
export function formatMileage(mileage: number): string {
  return mileage.toLocaleString(locale);
}

// The characters above U+00FF that the standard PDF fonts draw (Windows-1252's 0x80-0x9F).
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * `text` as the standard PDF fonts can draw it (WinAnsi): the thin and narrow spaces Intl puts
 * in some formats become spaces, other characters outside it a "?", never a broken glyph.
 */
export function drawable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (/\s/.test(char)) out += code === 0x0a ? '\n' : ' ';
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) out += char;
    else if (winAnsiExtras.has(char)) out += char;
    else out += '?';
  }
  return out;
}
