export interface Bar {
  group: string;
  label: string;
  value: number;
  color: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A step for about five gridlines: 1, 2 or 5 times a power of ten. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** A grouped vertical bar chart as a standalone SVG (no library, no script, no fonts to load). */
export function barChart(options: {
  title: string;
  subtitle: string;
  bars: Bar[];
  /** Dashed horizontal reference lines (targets). */
  lines?: { value: number; label: string }[];
}): string {
  const { bars } = options;
  const groups = [...new Set(bars.map((b) => b.group))];
  const width = 820;
  const height = 420;
  const left = 70;
  const right = 20;
  const top = 70;
  const bottom = 90;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(
    1,
    ...bars.map((b) => b.value),
    ...(options.lines ?? []).map((l) => l.value),
  );
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const groupGap = 28;
  const barGap = 6;
  const slots = bars.length;
  const barW = (plotW - groupGap * (groups.length + 1) - barGap * (slots - groups.length)) / slots;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" role="img" aria-label="${escapeXml(options.title)}">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${left}" y="28" font-size="17" font-weight="600" fill="#1f2328">${escapeXml(options.title)}</text>`,
  );
  out.push(
    `<text x="${left}" y="50" font-size="12" fill="#57606a">${escapeXml(options.subtitle)}</text>`,
  );
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    const yy = y(v).toFixed(1);
    out.push(
      `<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#d0d7de" stroke-width="1"/>`,
    );
    out.push(
      `<text x="${left - 8}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#57606a">${Math.round(v).toLocaleString('en')}</text>`,
    );
  }
  out.push(
    `<text x="16" y="${top + plotH / 2}" font-size="12" fill="#57606a" transform="rotate(-90 16 ${top + plotH / 2})" text-anchor="middle">requests per second</text>`,
  );
  let x = left + groupGap;
  for (const group of groups) {
    const inGroup = bars.filter((b) => b.group === group);
    const groupStart = x;
    for (const bar of inGroup) {
      const yy = y(bar.value);
      out.push(
        `<rect x="${x.toFixed(1)}" y="${yy.toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - yy).toFixed(1)}" fill="${bar.color}"/>`,
      );
      out.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(yy - 6).toFixed(1)}" font-size="11" text-anchor="middle" fill="#1f2328">${Math.round(bar.value).toLocaleString('en')}</text>`,
      );
      out.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 16}" font-size="11" text-anchor="middle" fill="#1f2328">${escapeXml(bar.label)}</text>`,
      );
      x += barW + barGap;
    }
    x -= barGap;
    out.push(
      `<text x="${((groupStart + x) / 2).toFixed(1)}" y="${top + plotH + 40}" font-size="13" font-weight="600" text-anchor="middle" fill="#1f2328">${escapeXml(group)}</text>`,
    );
    x += groupGap;
  }
  out.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#57606a" stroke-width="1"/>`,
  );
  for (const line of options.lines ?? []) {
    const yy = y(line.value).toFixed(1);
    out.push(
      `<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#cf222e" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
    out.push(
      `<text x="${left + 6}" y="${(y(line.value) - 5).toFixed(1)}" font-size="11" text-anchor="start" fill="#cf222e">${escapeXml(line.label)}</text>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
