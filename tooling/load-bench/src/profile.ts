import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { load } from './cannon';
import { signIn } from './http';
import { apiEntry, type CacheTiers, startApi } from './processes';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  /** Share of the busy (non-idle) samples. */
  share: number;
}

export interface ProfileSummary {
  label: string;
  rps: number;
  busyMs: number;
  areas: HotSpot[];
  functions: HotSpot[];
}

const workspaceRoot = resolve(dirname(apiEntry), '../../..');
let sourceMap: SourceMap | null | undefined;
function bundleSource(line: number, column: number): string {
  if (sourceMap === undefined) {
    try {
      sourceMap = new SourceMap(JSON.parse(readFileSync(`${apiEntry}.map`, 'utf8')));
    } catch {
      sourceMap = null;
    }
  }
  const entry = sourceMap?.findEntry(line, column);
  const source = entry && 'originalSource' in entry ? entry.originalSource : '';
  // Sources are relative to apps/api/dist: ../src/context.ts -> apps/api/src/context.ts.
  return source
    ? relative(workspaceRoot, resolve(dirname(apiEntry), source))
    : 'apps/api/dist/main.js';
}

/** Where a frame's code comes from: a package, a workspace source file, Node core, V8. */
function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    if (functionName === '(program)') return 'V8 / native (program)';
    return `native ${functionName || '(anonymous)'}`;
  }
  if (url.startsWith('node:')) return `Node core ${url.slice(5).replace(/^internal\//, '')}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.endsWith('/dist/main.js')) {
    const source = bundleSource(frame.lineNumber, frame.columnNumber);
    const inWorkspace = /^(apps|packages)\/[^/]+/.exec(source);
    if (inWorkspace) return inWorkspace[0];
    const pnpmPackage = /node_modules\/((@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(source);
    return pnpmPackage?.[1] ?? source;
  }
  return url;
}

function nameOf(frame: ProfileNode['callFrame']): string {
  const fn = frame.functionName || '(anonymous)';
  if (!frame.url) return fn;
  let where = frame.url.replace(/^file:\/\//, '');
  if (where.endsWith('/dist/main.js')) where = bundleSource(frame.lineNumber, frame.columnNumber);
  const modules = where.lastIndexOf('/node_modules/');
  if (modules >= 0) where = where.slice(modules + '/node_modules/'.length);
  return `${fn} (${where}:${frame.lineNumber + 1})`;
}

/** Self time by area and by function, of the samples between `from` and `to` (µs, profile clock). */
function summarize(profile: CpuProfile, top: number, from: number, to: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < from || at > to) return;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += us;
    const area = areaOf(node.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const name = nameOf(node.callFrame);
    functions.set(name, (functions.get(name) ?? 0) + us);
  });
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, share: us / Math.max(1, busy) }));
  return { busyMs: busy / 1000, areas: rank(areas), functions: rank(functions) };
}

/** Runs one instance under `--cpu-prof` for a short load and says where its CPU time went. */
export async function profileUnderLoad(options: {
  label: string;
  databaseUrl: string;
  redisUrl: string;
  namespace: string;
  tiers: CacheTiers;
  paths: readonly string[];
  cookie: boolean;
  seconds: number;
  connections: number;
}): Promise<ProfileSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'garage-load-bench-prof-'));
  try {
    const api = await startApi({
      name: `profile ${options.label}`,
      databaseUrl: options.databaseUrl,
      redisUrl: options.redisUrl,
      namespace: options.namespace,
      tiers: options.tiers,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    let rps = Number.NaN;
    let measureStart = 0;
    let measureEnd = 0;
    try {
      const cookie = options.cookie
        ? await signIn(api.port, 'staff@garage.test', 'garage-demo')
        : undefined;
      const common = {
        port: api.port,
        pid: api.pid,
        connections: options.connections,
        paths: options.paths,
        ...(cookie ? { cookie } : {}),
      };
      await load({ ...common, durationS: 1 });
      measureStart = performance.now();
      rps = (await load({ ...common, durationS: options.seconds })).rps;
      measureEnd = performance.now();
    } finally {
      await api.stop();
    }
    const exitedAt = performance.now();
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the API wrote no CPU profile');
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    // The profile ends when the process exits: count back from there to the measured window
    // (start-up, migration check, sign-in and warm-up are left out).
    const from = profile.endTime - (exitedAt - measureStart) * 1000;
    const to = profile.endTime - (exitedAt - measureEnd) * 1000;
    return { label: options.label, rps, ...summarize(profile, 8, from, to) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
