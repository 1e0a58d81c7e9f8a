import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const repoDocs = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
export const quick = process.env.BENCH_QUICK === '1';

export const median = (values: readonly number[]) => percentile(values, 50);

/** Nearest-rank percentile `p` (0–100); NaN when empty. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Counts one more `key` in `counts`. */
export const tally = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/** `n` with thousands separators and `digits` decimals ('n/a' when not a number). */
export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';
export const pct = (n: number) => (Number.isFinite(n) ? `${fmt(n * 100, 1)} %` : 'n/a');
export const times = (n: number) => (Number.isFinite(n) ? `${fmt(n, n >= 10 ? 1 : 2)}×` : 'n/a');
export const ms = (n: number) => fmt(n, n >= 100 ? 0 : 1);
export const mib = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;

/**
 * A Markdown table laid out as Biome formats one, so `pnpm lint` passes on the written docs.
 * `header` and each row are cells joined by ' | '; `align` has a letter per column, `l` or `r`.
 */
export function table(header: string, rows: string[], align = ''): string {
  const all = [header, ...rows].map((row) => row.split(' | '));
  const widths = (all[0] ?? []).map((_, i) =>
    Math.max(3, ...all.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    `| ${widths.map((w, i) => (align[i] === 'r' ? (cells[i] ?? '').padStart(w) : (cells[i] ?? '').padEnd(w))).join(' | ')} |`;
  const rule = widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(all[0] ?? []), `| ${rule.join(' | ')} |`, ...all.slice(1).map(line)].join('\n');
}

export interface Target {
  text: string;
  measured: string;
  met: boolean;
}

/** The targets as a table (printed on the console too, as the run's verdict). */
export function targetsTable(targets: readonly Target[]): string {
  for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.text}: ${t.measured}`);
  return table(
    'Target | Measured | Met',
    targets.map((t) => `${t.text} | ${t.measured} | ${t.met ? 'yes' : '**no**'}`),
  );
}

/** What a run states about itself: when, at which commit, on what, how busy the machine was. */
export function startRun() {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = fmt(loadavg()[0] ?? Number.NaN, 2);
  const began = performance.now();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const cpu = cpus();
  return (rows: string[]) =>
    table('Run | Value', [
      `date, commit | ${date} UTC, ${commit}`,
      `machine | ${cpu.length} × ${cpu[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      `1-min load average, start → end | ${load} → ${fmt(loadavg()[0] ?? Number.NaN, 2)}`,
      `duration | ${fmt((performance.now() - began) / 1000)} s`,
      ...rows,
    ]);
}

/**
 * Rewrites the generated blocks `<!-- bench:NAME:start -->` … `<!-- bench:NAME:end -->` of
 * docs/benchmarks.md (or of BENCH_DOCS, a copy of it) and nothing else: the prose around them
 * is written by hand. A quick run (BENCH_QUICK=1) without BENCH_DOCS prints them instead.
 */
export function writeBlocks(blocks: Record<string, string>): void {
  if (quick && !process.env.BENCH_DOCS) {
    for (const [name, body] of Object.entries(blocks)) console.log(`\n[${name}]\n${body}`);
    return;
  }
  const file = process.env.BENCH_DOCS ?? repoDocs;
  if (!existsSync(file)) copyFileSync(repoDocs, file);
  let text = readFileSync(file, 'utf8');
  for (const [name, body] of Object.entries(blocks)) {
    const [start, end] = [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${file} has no block ${start} … ${end}`);
    text = `${text.slice(0, from + start.length)}\n\n${body.trim()}\n\n${text.slice(to)}`;
  }
  writeFileSync(file, text);
  console.log(`wrote ${Object.keys(blocks).join(', ')} to ${file}`);
}
