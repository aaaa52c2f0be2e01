import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { isRunning } from '../helpers/processes.ts';
import { tracedProject } from '../helpers/traced-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const CHANGE = 'add-remember-me';
const RECORD = `openspec/changes/${CHANGE}/verification.json`;
const record = (root: string): Json => JSON.parse(readFileSync(join(root, RECORD), 'utf8'));

describe('specwright verify', () => {
  it('passes on the fixture, fails after a test is broken, and verification.json records both', () => {
    const { root, commit } = tracedProject();
    const pass = runCli(root, ['verify', CHANGE, '--json']);
    expect(pass.code).toBe(0);
    const doc = pass.json() as Json;
    expect(Object.keys(doc)).toEqual(['verification', 'file', 'warnings', 'root']);
    expect(doc.file).toBe(RECORD);
    expect(record(root)).toEqual(doc.verification);
    expect(record(root)).toMatchObject({
      version: 1,
      change: CHANGE,
      status: 'passed',
      only: null,
      git: { commit, dirty: false },
      history: [],
    });
    expect(record(root).steps.map((s: Json) => [s.name, s.status, s.exitCode])).toEqual([
      ['lint', 'passed', 0],
      ['test', 'passed', 0],
    ]);
    // Progress is plain lines on stderr when it is not a terminal; stdout holds only the document.
    expect(pass.stderr).toContain('▶ lint: node scripts/lint.mjs\n');
    expect(pass.stderr).toMatch(/✓ test passed in \d+\.\ds\n/);
    expect(pass.stderr).not.toContain('\u001b');

    const auth = join(root, 'src/auth.mjs');
    writeFileSync(
      auth,
      readFileSync(auth, 'utf8').replace('if (USERS.get(email) !== password)', 'if (false)'),
    );
    const fail = runCli(root, ['verify', CHANGE]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/^Verification of add-remember-me: FAILED\n/);
    expect(fail.stdout).toMatch(/ {2}✗ test {8}failed \(exit 1\)/);
    expect(fail.stderr).toContain('✗ test failed (exit 1)');
    expect(fail.stderr).toContain('  │ ');
    const failed = record(root);
    expect(failed.status).toBe('failed');
    expect(failed.steps[1]).toMatchObject({ name: 'test', status: 'failed', exitCode: 1 });
    expect(failed.steps[1].tail).toMatch(/Invalid credentials/);
    expect(failed.git).toMatchObject({ commit, dirty: true });
    expect(failed.history).toEqual([
      {
        status: 'passed',
        startedAt: doc.verification.startedAt,
        finishedAt: doc.verification.finishedAt,
        only: null,
        commit,
        failed: [],
      },
    ]);

    const archive = runCli(root, ['archive', CHANGE, '--json']);
    expect(archive.code).toBe(0);
    expect((archive.json() as Json).archive.issues.map((i: Json) => i.rule)).toEqual([
      'archive_verification_failed',
    ]);
  });

  it('kills a step past its timeout, with what it started, and reports it', () => {
    const { root } = tracedProject();
    writeFileSync(
      join(root, 'openspec/config.yaml'),
      'verify:\n  - name: slow\n    run: sleep 30 & echo $! > bg.pid; echo waiting; sleep 30\n  - name: quick\n    run: echo ok\n',
    );
    const started = Date.now();
    const r = runCli(root, ['verify', CHANGE, '--timeout', '0.5', '--json']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    const steps = (r.json() as Json).verification.steps;
    expect(steps.map((s: Json) => [s.name, s.status, s.signal, s.tail])).toEqual([
      ['slow', 'timed_out', 'SIGTERM', 'waiting'],
      ['quick', 'passed', null, 'ok'],
    ]);
    const pid = Number(readFileSync(join(root, 'bg.pid'), 'utf8'));
    expect(isRunning(pid)).toBe(false);
  });

  it('runs one step with --only and refuses unknown steps and invalid config', () => {
    const { root } = tracedProject();
    const only = runCli(root, ['verify', CHANGE, '--only', 'lint', '--json']);
    expect(only.code).toBe(0);
    expect((only.json() as Json).verification).toMatchObject({ only: 'lint', steps: [{ name: 'lint' }] });
    const unknown = runCli(root, ['verify', CHANGE, '--only', 'nope', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toMatchObject({
      verification: null,
      file: null,
      status: [{ code: 'unknown_step', message: "No verify step named 'nope' (steps: lint, test)." }],
    });
    writeFileSync(join(root, 'openspec/config.yaml'), 'verify:\n  - name: lint\n    command: x\n');
    const invalid = runCli(root, ['verify', CHANGE]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Error: openspec/config.yaml:2: verify[0]');
    expect((runCli(root, ['verify', 'nope', '--json']).json() as Json).status[0].code).toBe('unknown_change');
  });
});
