import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const START_MARKER = '<!-- cache-bench:start -->';
export const END_MARKER = '<!-- cache-bench:end -->';

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** 1234567.8 -> "1,234,568"; small values keep a few significant digits. */
export function formatOps(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

export function formatMicros(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

export type Align = 'left' | 'right';

/**
 * A Markdown table in the layout Biome's formatter gives one (cells padded to the column
 * width, at least 3), so the generated file passes `biome check` as written.
 */
export function markdownTable(headers: string[], aligns: Align[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  const all = [headers, ...rows].map((row) => row.map(escapeCell));
  const widths = headers.map((_, col) =>
    Math.max(3, ...all.map((row) => [...(row[col] ?? '')].length)),
  );
  const pad = (cell: string, col: number) => {
    const width = widths[col] as number;
    const fill = ' '.repeat(width - [...cell].length);
    return aligns[col] === 'right' ? fill + cell : cell + fill;
  };
  const line = (row: string[]) => `| ${row.map((cell, col) => pad(cell, col)).join(' | ')} |`;
  const rule = widths.map((width, col) =>
    aligns[col] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
  );
  return [line(all[0] as string[]), `| ${rule.join(' | ')} |`, ...all.slice(1).map(line)].join(
    '\n',
  );
}

/**
 * Writes `section` between the cache-bench markers of `path`, leaving every other section as
 * it is. Creates the file (with a title) or appends the markers when they are missing.
 */
export function writeSection(path: string, section: string): void {
  const block = `${START_MARKER}\n\n${section.trim()}\n\n${END_MARKER}`;
  if (!existsSync(path)) {
    writeFileSync(
      path,
      `# Benchmarks\n\nMeasured numbers for the parts of Garage whose speed is a stated goal. Each section is written by the benchmark named in its title; edit the benchmark, not the numbers.\n\n${block}\n`,
    );
    return;
  }
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    writeFileSync(path, `${text.trimEnd()}\n\n${block}\n`);
    return;
  }
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + END_MARKER.length));
}
