/** `n` with thousands separators and `digits` decimals ('n/a' when not a number). */
export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';

/** A ratio 0–1 as a percentage with one decimal. */
export const pct = (n: number) => (Number.isFinite(n) ? `${fmt(n * 100, 1)} %` : 'n/a');
