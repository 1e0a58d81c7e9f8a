import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '../support/fixtures';

const e2eRoot = resolve(import.meta.dirname, '..');
const playwrightCli = join(e2eRoot, 'node_modules/@playwright/test/cli.js');

interface Run {
  code: number | null;
  output: string;
}

/**
 * Runs this suite's own `playwright test` in a child process, with `env` on top of ours: one
 * small spec (never this one, which would recurse), its own output folder and a plain reporter,
 * so it cannot touch this run's results.
 */
function runSuite(env: NodeJS.ProcessEnv, outputDir: string): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [playwrightCli, 'test', 'auth-return', '--reporter=line', `--output=${outputDir}`],
      { cwd: e2eRoot, env: { ...process.env, ...env } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code, output }));
  });
}

test('[HARNESS] without Chromium the suite stops at once and names the command that installs it', async () => {
  // Without the check, the child starts the whole app before its browsers fail to launch.
  test.setTimeout(180_000);
  const outputDir = await mkdtemp(join(tmpdir(), 'garage-e2e-harness-'));
  try {
    const run = await runSuite({ CHROMIUM_PATH: join(outputDir, 'no-chromium-here') }, outputDir);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('apt-get install -y chromium');
    // Stopped before starting the app, so no browser launch was even tried.
    expect(run.output).not.toContain('browserType.launch');
    expect(run.output).not.toMatch(/\d+ (passed|failed)/);
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
});
