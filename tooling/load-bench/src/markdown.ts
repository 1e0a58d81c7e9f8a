import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where sections and charts go: the repository's docs/, or BENCH_DOCS_DIR (which also makes a quick run write, for a look). */
export const docsDir = process.env.BENCH_DOCS_DIR
  ? `${process.env.BENCH_DOCS_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../../docs/', import.meta.url));

export type Align = 'left' | 'right';

/** A Markdown table laid out the way Biome formats one (so `biome check` passes untouched). */
export function table(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, i) => {
        const width = widths[i] ?? 3;
        return align[i] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, i) => (align[i] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const startMarker = '<!-- load-bench:start -->';
export const endMarker = '<!-- load-bench:end -->';

/**
 * Replaces only our section of `file` (between the markers); appends it at the end when the
 * markers are absent; creates the file when it does not exist. Other sections stay byte for byte.
 * The drills, a second benchmark of this package, pass their own markers.
 */
export function writeSection(
  file: string,
  body: string,
  markers: { start: string; end: string } = { start: startMarker, end: endMarker },
): void {
  const section = `${markers.start}\n\n${body.trim()}\n\n${markers.end}`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Benchmarks\n\n${section}\n`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start >= 0 && end > start) {
    writeFileSync(file, text.slice(0, start) + section + text.slice(end + markers.end.length));
    return;
  }
  writeFileSync(file, `${text.replace(/\s*$/, '')}\n\n${section}\n`);
}
