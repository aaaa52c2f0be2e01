// Running one command line: wall time, peak RSS, and deciding whether the run counts.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const TIME_BIN = '/usr/bin/time';
const MAX_OUTPUT = 1024 * 1024 * 1024;
/** A run taking longer than this is killed and counts as failed (a hung CLI must not stall the bench). */
const RUN_TIMEOUT_MS = 120_000;

/** Matches a CLI that exists but does not have this command (yet). */
const UNAVAILABLE =
  /not[ _-](yet[ _-])?implemented|unknown[ _-]command|unknown[ _-]option|too many arguments/i;

/** Environment shared by every run: no telemetry, no update checks, no colour, throw-away config/data dirs. */
export function createBenchEnv() {
  const home = mkdtempSync(join(tmpdir(), 'specwright-bench-'));
  const env = {
    ...process.env,
    OPENSPEC_TELEMETRY: '0',
    DO_NOT_TRACK: '1',
    OPENSPEC_NO_UPDATE_CHECK: '1',
    CI: '1',
    NO_COLOR: '1',
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
  };
  delete env.FORCE_COLOR;
  mkdirSync(env.XDG_CONFIG_HOME);
  mkdirSync(env.XDG_DATA_HOME);
  return { env, dispose: () => rmSync(home, { recursive: true, force: true }) };
}

/** Runs `node <argv>` once in `cwd` and returns { ms, status, stdout, stderr, error }. */
export function timedRun(argv, cwd, env) {
  const options = { cwd, env, encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: RUN_TIMEOUT_MS };
  const start = performance.now();
  const result = spawnSync(process.execPath, argv, options);
  const ms = performance.now() - start;
  return {
    ms,
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: result.error,
  };
}

export const canMeasureRss = () => existsSync(TIME_BIN);

/** Peak resident set size in KB of `node <argv>`, via GNU time's %M; null when unavailable. */
export function peakRssKb(argv, cwd, env) {
  if (!canMeasureRss()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'specwright-rss-'));
  try {
    const out = join(dir, 'rss');
    const args = ['-f', '%M', '-o', out, process.execPath, ...argv];
    const result = spawnSync(TIME_BIN, args, {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: MAX_OUTPUT,
      timeout: RUN_TIMEOUT_MS,
    });
    if (result.status !== 0) return null;
    const kb = Number.parseInt(readFileSync(out, 'utf8').trim().split('\n').at(-1), 10);
    return Number.isFinite(kb) ? kb : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstLines(text, count = 8) {
  return text.trim().split('\n').slice(0, count).join('\n');
}

/**
 * Classifies a run: { status: 'ok' | 'failed' | 'unavailable', reason?, json? }. `expect` is 'json', 'text'
 * (any non-empty stdout) or 'nothing'. A non-zero exit is a failure, except that a command missing from a
 * tool marked `mayLack` (one still being written) makes it 'unavailable'.
 */
export function classify(run, { expect, mayLack }) {
  if (run.error?.code === 'ETIMEDOUT')
    return { status: 'failed', reason: `killed after ${RUN_TIMEOUT_MS / 1000} s` };
  if (run.error) return { status: 'failed', reason: `could not run: ${run.error.message}` };
  if (run.status !== 0) {
    const output = `${run.stderr}\n${run.stdout}`.trim();
    const status = mayLack && UNAVAILABLE.test(output) ? 'unavailable' : 'failed';
    return { status, reason: `exit ${run.status}: ${firstLines(output) || '(no output)'}` };
  }
  if (expect === 'nothing') return { status: 'ok' };
  if (expect === 'text') {
    return run.stdout.trim() ? { status: 'ok' } : { status: 'failed', reason: 'exit 0 but printed nothing' };
  }
  try {
    return { status: 'ok', json: JSON.parse(run.stdout) };
  } catch {
    return { status: 'failed', reason: `stdout is not JSON: ${firstLines(run.stdout, 3) || '(empty)'}` };
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(times) {
  return times.length ? { median: median(times), min: Math.min(...times), runs: times.length } : null;
}
