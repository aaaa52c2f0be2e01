import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../test/helpers/fake-context.ts';
import { commitAll } from '../../test/helpers/git-repo.ts';
import { tracedProject } from '../../test/helpers/traced-fixture.ts';
import { CliError } from '../domain/errors.ts';
import { verificationWarnings } from './verification-status.ts';
import { runVerification, type VerifyOptions } from './verify.ts';

const CHANGE = 'add-remember-me';
const DIR = `openspec/changes/${CHANGE}`;
const opts = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  env: { PATH: process.env.PATH },
  now: () => FIXED_NOW,
  ...extra,
});

function edit(root: string, rel: string, from: string, to: string): void {
  const text = readFileSync(join(root, rel), 'utf8');
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  writeFileSync(join(root, rel), text.replace(from, to));
}

describe('runVerification', () => {
  it('checks the change, runs every step, and records the result', async () => {
    const { root, commit } = tracedProject();
    const events: string[] = [];
    const result = await runVerification(
      root,
      CHANGE,
      opts({
        observer: {
          started: ({ steps }) => events.push(`started ${steps.map((s) => s.name).join(',')}`),
          checkFinished: (c) => events.push(`check ${c.name} ${c.status}`),
          stepStarted: (s, t) => events.push(`step ${s.name} ${t}`),
          stepFinished: (s, r) => events.push(`done ${s.name} ${r.status}`),
        },
      }),
    );
    expect(events).toEqual([
      'started lint,test',
      'check validation passed',
      'check tasks passed',
      'check coverage passed',
      'step lint 1800',
      'done lint passed',
      'step test 120',
      'done test passed',
    ]);
    const { record } = result;
    expect(record).toMatchObject({
      version: 1,
      change: CHANGE,
      status: 'passed',
      startedAt: FIXED_NOW.toISOString(),
      only: null,
      git: { commit, dirty: false },
    });
    expect(record.checks.map((c) => [c.name, c.message])).toEqual([
      ['validation', 'the change validates'],
      ['tasks', 'all 3 tasks done (3/3)'],
      ['coverage', '2 of 2 scenarios referenced by a test'],
    ]);
    expect(record.steps.map((s) => [s.name, s.status, s.exitCode, s.signal])).toEqual([
      ['lint', 'passed', 0, null],
      ['test', 'passed', 0, null],
    ]);
    expect(record.steps[1]?.tail).toMatch(/ℹ pass 6/);
    expect(result.file).toBe(`${DIR}/verification.json`);
    expect(JSON.parse(readFileSync(join(root, result.file), 'utf8'))).toEqual(record);
    expect(await verificationWarnings(root, CHANGE, DIR)).toEqual([]);
  });

  it('fails when a test breaks, and archive is told so', async () => {
    const { root } = tracedProject();
    edit(
      root,
      'src/auth.mjs',
      'return session !== undefined && session.expires > now;',
      'return session !== undefined;',
    );
    const { record } = await runVerification(root, CHANGE, opts());
    expect(record.status).toBe('failed');
    expect(record.steps.map((s) => [s.name, s.status, s.exitCode])).toEqual([
      ['lint', 'passed', 0],
      ['test', 'failed', 1],
    ]);
    expect(record.steps[1]?.tail).toMatch(/AssertionError/);
    expect(record.git?.dirty).toBe(true);
    const warnings = await verificationWarnings(root, CHANGE, DIR);
    expect(warnings.map((w) => [w.rule, w.message])).toEqual([
      [
        'archive_verification_failed',
        `The last verification (${record.finishedAt}) failed: step test (exit 1).`,
      ],
    ]);
  });

  it('fails the checks: open tasks, scenarios without tests, validation errors', async () => {
    const { root } = tracedProject();
    edit(root, `${DIR}/tasks.md`, '- [x] 1.2', '- [ ] 1.2');
    edit(root, 'test/auth.test.mjs', '// @spec auth#Remember Me/Expired token', '// no reference');
    edit(root, 'src/auth.mjs', '/** @spec auth#Remember Me/Expired token */', '');
    edit(
      root,
      `${DIR}/specs/auth/spec.md`,
      '#### Scenario: Expired token',
      '#### Scenario: Expired token\n\n#### Scenario: Expired token',
    );
    const { record } = await runVerification(root, CHANGE, opts({ only: 'lint' }));
    expect(record.checks.map((c) => [c.name, c.status, c.message])).toEqual([
      [
        'validation',
        'failed',
        expect.stringMatching(/^\d validation errors? \(run: specwright validate add-remember-me\)$/),
      ],
      ['tasks', 'failed', '1 of 3 tasks open (2/3)'],
      ['coverage', 'failed', '1 of 2 scenarios referenced by a test'],
    ]);
    expect(record.checks[1]?.details).toEqual([`${DIR}/tasks.md:4: 1.2 Refuse expired remembered sessions`]);
    expect(record.checks[2]?.details).toEqual(['no test references auth#Remember Me/Expired token']);
    expect(record).toMatchObject({ status: 'failed', only: 'lint' });
    expect(record.steps.map((s) => s.name)).toEqual(['lint']);
    const warnings = await verificationWarnings(root, CHANGE, DIR);
    expect(warnings.map((w) => w.rule)).toEqual([
      'archive_verification_failed',
      'archive_verification_partial',
    ]);
  });

  it('kills a step that runs past its timeout and records it as timed out', async () => {
    const { root } = tracedProject();
    writeFileSync(
      join(root, 'openspec/config.yaml'),
      'verify:\n  - name: slow\n    run: echo starting; sleep 20\n',
    );
    const started = Date.now();
    const { record } = await runVerification(root, CHANGE, opts({ timeoutSeconds: 0.3 }));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(record.steps).toEqual([
      expect.objectContaining({
        name: 'slow',
        status: 'timed_out',
        exitCode: null,
        signal: 'SIGTERM',
        timeoutSeconds: 0.3,
        tail: 'starting',
      }),
    ]);
    expect(record.status).toBe('failed');
  });

  it('refuses an unknown --only step and an invalid verify list', async () => {
    const { root } = tracedProject();
    await expect(runVerification(root, CHANGE, opts({ only: 'nope' }))).rejects.toMatchObject({
      code: 'unknown_step',
      exitCode: 2,
      message: "No verify step named 'nope' (steps: lint, test).",
    });
    writeFileSync(join(root, 'openspec/config.yaml'), 'verify:\n  - name: lint\n');
    const error = await runVerification(root, CHANGE, opts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ code: 'verify_config_invalid' });
  });
});

describe('verificationWarnings', () => {
  it('says nothing without verify steps or a record, and asks for one when steps are configured', async () => {
    const { root } = tracedProject();
    expect((await verificationWarnings(root, CHANGE, DIR)).map((w) => w.rule)).toEqual([
      'archive_unverified',
    ]);
    writeFileSync(join(root, 'openspec/config.yaml'), 'schema: spec-driven\n');
    expect(await verificationWarnings(root, CHANGE, DIR)).toEqual([]);
  });

  it('warns when the code changed after a passing verification, and not for openspec/ edits', async () => {
    const { root } = tracedProject();
    await runVerification(root, CHANGE, opts());
    edit(root, `${DIR}/proposal.md`, 'Remember me', 'Remember me (v2)');
    expect(await verificationWarnings(root, CHANGE, DIR)).toEqual([]);
    edit(root, 'src/billing.mjs', 'month }', 'month, total: 0 }');
    commitAll(root, 'billing totals');
    const [stale] = await verificationWarnings(root, CHANGE, DIR);
    expect(stale?.rule).toBe('archive_verification_stale');
    expect(stale?.message).toMatch(/: 1 commit since\.$/);
  });

  it('reports an unreadable record', async () => {
    const { root } = tracedProject();
    writeFileSync(join(root, `${DIR}/verification.json`), '{"version": 2}');
    const [w] = await verificationWarnings(root, CHANGE, DIR);
    expect(w?.rule).toBe('archive_verification_unreadable');
  });
});
