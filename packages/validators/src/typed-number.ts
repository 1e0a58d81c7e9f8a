// Numbers as people type them in a locale. The marks come from Intl (formatToParts), never from
// a list of our own: "1.234,5" in de-DE and "1,234.5" in en-US are the same number, and a text
// that fits neither reading of the locale is refused in words, never read as some other amount.

/** The result of reading a typed text: the value, or the problem to show next to the field. */
export type Reading<T> = { value: T } | { problem: string };

/** A number as typed: its sign and its digits before and after the decimal mark. */
export interface TypedNumber {
  negative: boolean;
  /** The digits before the decimal mark, without group marks ("" for ",5"). */
  whole: string;
  /** The digits after it ("" when there are none). */
  fraction: string;
}

/** How one formatter writes numbers: its marks, its digit groups and the units around them. */
export interface Notation {
  decimal: string;
  group: string;
  minus: string;
  /** Digits in the last group before the decimal mark (3), and in each group before it (3; 2 in en-IN). */
  groupSizes: { last: number; others: number };
  /** What may stand before or after the number: a currency's symbols and its code. */
  units: readonly string[];
  /** A canonical decimal text ("1234.5") written the way this formatter writes it, without units. */
  write: (decimal: `${number}`) => string;
}

/** The parts of a formatted number that are the number itself (not its currency or spacing). */
const numberParts = new Set(['minusSign', 'integer', 'group', 'decimal', 'fraction']);

/** The number in `format`'s text for `decimal`, without units or the spaces around them. */
export function numberText(format: Intl.NumberFormat, decimal: `${number}`): string {
  return format
    .formatToParts(decimal)
    .filter((part) => numberParts.has(part.type))
    .map((part) => part.value)
    .join('');
}

/**
 * The notation of a locale's formatter with these options. A probe with one decimal shows the
 * decimal mark even for a currency without minor units (yen); a long negative number shows the
 * group mark, the group sizes and the minus sign.
 */
export function notationOf(
  locale: string,
  options: Intl.NumberFormatOptions,
  units: readonly string[] = [],
): Notation {
  const probe = new Intl.NumberFormat(locale, {
    ...options,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const parts = probe.formatToParts('-12345678901.5');
  const partOf = (type: Intl.NumberFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value;
  const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value);
  const plain = new Intl.NumberFormat(locale, options);
  return {
    decimal: partOf('decimal') ?? '.',
    group: partOf('group') ?? ',',
    minus: partOf('minusSign') ?? '-',
    groupSizes: {
      last: integers.at(-1)?.length ?? 3,
      others: integers.at(-2)?.length ?? 3,
    },
    units,
    write: (decimal) => numberText(plain, decimal),
  };
}

/** What a reader says about a field, in the words of the thing it holds. */
export interface ReadWords {
  /** The canonical example in messages, e.g. "12.5" (written in the locale's notation). */
  example: `${number}`;
  /** A larger example that shows the group mark, e.g. "1234.5". */
  groupedExample: `${number}`;
  /** "must be an amount", "must be a number": said of text that is no number at all. */
  notANumber: string;
  maxFractionDigits: number;
  /** Said when there are more decimals than that. */
  tooManyDecimals: string;
}

// What keyboards type for the marks Intl prints: any space for a no-break or narrow no-break
// space, an apostrophe for a right single quotation mark, a hyphen for a minus sign.
const spaces = /^\s$/u;
const apostrophes = new Set(["'", '\u2019']);
const minusSigns = new Set(['-', '\u2212']);

const sameMark = (typed: string, mark: string) =>
  typed === mark ||
  (spaces.test(mark) && spaces.test(typed)) ||
  (apostrophes.has(mark) && apostrophes.has(typed)) ||
  (minusSigns.has(mark) && minusSigns.has(typed));

/** How a message names a mark: a space by its name, others in quotes. */
const markName = (mark: string) => (spaces.test(mark) ? 'a space' : `"${mark}"`);

/** `text` without a leading (or trailing) unit, compared case-insensitively. */
function withoutUnit(text: string, units: readonly string[], end: 'start' | 'end'): string {
  const upper = text.toUpperCase();
  for (const unit of units) {
    const mark = unit.toUpperCase();
    if (end === 'start' && upper.startsWith(mark)) return text.slice(unit.length).trim();
    if (end === 'end' && upper.endsWith(mark)) return text.slice(0, -unit.length).trim();
  }
  return text;
}

/** The text without a minus sign at its start, and whether it had one. */
function withoutMinus(text: string, notation: Notation): { text: string; negative: boolean } {
  const first = text.charAt(0);
  return first !== '' && sameMark(first, notation.minus)
    ? { text: text.slice(1).trim(), negative: true }
    : { text, negative: false };
}

/** Whether `groups` (split at the group marks) are sized the way the notation groups digits. */
function groupedRightly(groups: readonly string[], notation: Notation): boolean {
  const { last, others } = notation.groupSizes;
  return groups.every((group, index) => {
    if (index === groups.length - 1) return group.length === last;
    if (index === 0) return group.length >= 1 && group.length <= others;
    return group.length === others;
  });
}

/**
 * Reads `text` in `notation`: a sign, digits in groups, one decimal mark and its decimals, a unit
 * before or after. Everything else is a problem, worded with `words`.
 */
export function readNumber(
  text: string,
  notation: Notation,
  words: ReadWords,
): Reading<TypedNumber> {
  let rest = text.trim();
  if (rest === '') return { problem: 'is required' };
  const leading = withoutMinus(rest, notation);
  rest = withoutUnit(leading.text, notation.units, 'start');
  // The sign may follow the unit, as in "€ -12,50" (nl-NL) or "CHF-12.50" (de-CH).
  const afterUnit = leading.negative
    ? { text: rest, negative: true }
    : withoutMinus(rest, notation);
  rest = withoutUnit(afterUnit.text, notation.units, 'end');
  const notANumber = { problem: `${words.notANumber} (e.g. ${notation.write(words.example)})` };

  const groups: string[] = [''];
  let fraction: string | null = null;
  for (const char of rest) {
    if (char >= '0' && char <= '9') {
      if (fraction !== null) fraction += char;
      else groups.push(`${groups.pop() ?? ''}${char}`);
    } else if (sameMark(char, notation.decimal) && fraction === null) {
      fraction = '';
    } else if (sameMark(char, notation.group) && fraction === null) {
      groups.push('');
    } else if (sameMark(char, notation.group) || sameMark(char, notation.decimal)) {
      // A group mark after the decimal mark, or a second decimal mark: "1,234,5" in de-DE.
      return groupingProblem(notation, words);
    } else {
      return notANumber;
    }
  }
  if (groups.length > 1 && !groupedRightly(groups, notation)) {
    return groupingProblem(notation, words);
  }
  const whole = groups.join('');
  if (whole === '' && !fraction) return notANumber;
  if ((fraction ?? '').length > words.maxFractionDigits) return { problem: words.tooManyDecimals };
  return { value: { negative: afterUnit.negative, whole, fraction: fraction ?? '' } };
}

function groupingProblem(notation: Notation, words: ReadWords) {
  return {
    problem:
      `must use ${markName(notation.decimal)} for decimals; ${markName(notation.group)} groups ` +
      `thousands (e.g. ${notation.write(words.groupedExample)})`,
  };
}

const decimalNotations = new Map<string, Notation>();

/** How `locale` writes plain numbers (quantities, rates, readings), with these units around them. */
function decimalNotation(locale: string, units: readonly string[]): Notation {
  const key = `${locale}|${units.join('|')}`;
  let notation = decimalNotations.get(key);
  if (!notation) {
    notation = notationOf(locale, { maximumFractionDigits: 20 }, units);
    decimalNotations.set(key, notation);
  }
  return notation;
}

/** What a plain number may be, for readDecimal. */
export interface DecimalRules {
  /** The example in messages, in canonical text ("1.5"); written in the locale. */
  example?: `${number}`;
  /** At most this many decimals (none: any), and what to say of more. */
  maxFractionDigits?: number;
  tooManyDecimals?: string;
  /** What may stand before or after the number ("%" for a rate). */
  units?: readonly string[];
}

/**
 * A number typed in `locale` as canonical decimal text: "1,5" in de-DE is "1.5", "-2" is "-2",
 * "1.234" there is "1234". Whether the value fits its field is the field's rule to say.
 */
export function readDecimal(
  text: string,
  locale: string,
  { example = '1.5', maxFractionDigits = 20, tooManyDecimals, units = [] }: DecimalRules = {},
): Reading<`${number}`> {
  const read = readNumber(text, decimalNotation(locale, units), {
    example,
    groupedExample: '1234567',
    notANumber: 'must be a number',
    maxFractionDigits,
    tooManyDecimals: tooManyDecimals ?? `must have at most ${maxFractionDigits} decimal places`,
  });
  if ('problem' in read) return read;
  const { negative, whole, fraction } = read.value;
  const digits = whole.replace(/^0+(?=\d)/, '') || '0';
  const decimal = `${negative ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
  return isDecimal(decimal) ? { value: decimal } : { problem: 'must be a number' };
}

function isDecimal(text: string): text is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(text);
}

/** Canonical decimal text ("1.5") as `locale` writes it ("1,5" in de-DE), for a form field. */
export function writeDecimal(decimal: string, locale: string): string {
  if (!isDecimal(decimal)) throw new RangeError(`${decimal} is not decimal text`);
  return decimalNotation(locale, []).write(decimal);
}
