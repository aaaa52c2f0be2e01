import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunning } from '../../test/helpers/processes.ts';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { runShell } from './process.ts';

const env = { PATH: process.env.PATH };

async function waitUntil(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('runShell', () => {
  it('streams interleaved output and reports the exit code', async () => {
    const dir = makeTree({});
    let out = '';
    const r = await runShell({
      command: 'echo out; echo err >&2; pwd; exit 3',
      cwd: dir,
      env,
      onOutput: (c) => {
        out += c;
      },
    });
    expect(r).toMatchObject({ exitCode: 3, signal: null, timedOut: false });
    expect(out).toContain('out\n');
    expect(out).toContain('err\n');
    expect(out).toContain(dir);
  });

  it('kills the whole process group on timeout, background children included', async () => {
    const dir = makeTree({});
    const r = await runShell({
      command: 'sleep 30 & echo $! > bg.pid; sleep 30; wait',
      cwd: dir,
      env,
      timeoutMs: 300,
    });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGTERM');
    expect(r.durationMs).toBeLessThan(5000);
    const pid = Number(readFileSync(join(dir, 'bg.pid'), 'utf8'));
    await waitUntil(() => !isRunning(pid));
  });

  it('does not wait for a background process that keeps the output pipe open', async () => {
    const dir = makeTree({});
    const started = Date.now();
    const r = await runShell({ command: 'sleep 30 & echo $! > bg.pid; echo done', cwd: dir, env });
    expect(r.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    const pid = Number(readFileSync(join(dir, 'bg.pid'), 'utf8'));
    await waitUntil(() => !isRunning(pid));
  });

  it('reports a command the shell cannot find as exit 127', async () => {
    const dir = makeTree({});
    const r = await runShell({ command: 'definitely-not-a-command-xyz', cwd: dir, env });
    expect(r.exitCode).toBe(127);
    expect(existsSync(dir)).toBe(true);
  });
});
