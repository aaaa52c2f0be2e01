import { describe, expect, it } from 'vitest';
import { assessVerification } from './assess.ts';
import type { VerificationRecord } from './record.ts';

const FILE = 'openspec/changes/c/verification.json';
const base: VerificationRecord = {
  version: 1,
  change: 'c',
  status: 'passed',
  startedAt: '2026-03-04T05:06:07.000Z',
  finishedAt: '2026-03-04T05:06:09.000Z',
  durationMs: 2000,
  only: null,
  git: { commit: 'a'.repeat(40), dirty: false, fingerprint: 'f1' },
  steps: [
    {
      name: 'test',
      run: 'npm test',
      status: 'passed',
      exitCode: 0,
      signal: null,
      durationMs: 10,
      timeoutSeconds: 1800,
      tail: '',
    },
  ],
  checks: [{ name: 'tasks', status: 'passed', message: 'all done', details: [] }],
  history: [],
};
const rules = (issues: { rule: string }[]) => issues.map((i) => i.rule);

describe('assessVerification', () => {
  it('has nothing to say about a passing verification of the current code', () => {
    expect(assessVerification({ status: 'ok', record: base }, FILE, 'c', { fingerprint: 'f1' })).toEqual([]);
    expect(assessVerification({ status: 'ok', record: base }, FILE, 'c', undefined)).toEqual([]);
  });

  it('warns about a missing, unreadable, failed or partial verification', () => {
    expect(assessVerification({ status: 'missing' }, FILE, 'c', undefined)).toEqual([
      {
        level: 'WARNING',
        rule: 'archive_unverified',
        message: `Change 'c' was never verified (no ${FILE}).`,
        fix: 'Run: specwright verify c',
      },
    ]);
    expect(rules(assessVerification({ status: 'invalid', error: 'x' }, FILE, 'c', undefined))).toEqual([
      'archive_verification_unreadable',
    ]);
    const failed: VerificationRecord = {
      ...base,
      status: 'failed',
      only: 'test',
      steps: [
        { ...(base.steps[0] as VerificationRecord['steps'][number]), status: 'timed_out', exitCode: null },
      ],
      checks: [{ name: 'coverage', status: 'failed', message: 'x', details: [] }],
    };
    const issues = assessVerification({ status: 'ok', record: failed }, FILE, 'c', undefined);
    expect(issues.map((i) => i.message)).toEqual([
      'The last verification (2026-03-04T05:06:09.000Z) failed: step test (timed out), check coverage.',
      "The last verification (2026-03-04T05:06:09.000Z) ran only step 'test'.",
    ]);
  });

  it('warns when the code changed after the verification', () => {
    const stale = assessVerification({ status: 'ok', record: base }, FILE, 'c', {
      fingerprint: 'f2',
      commitsSince: 2,
    });
    expect(stale.map((i) => [i.rule, i.message])).toEqual([
      [
        'archive_verification_stale',
        'The code changed after the last verification (2026-03-04T05:06:09.000Z): 2 commits since.',
      ],
    ]);
    const edits = assessVerification({ status: 'ok', record: base }, FILE, 'c', {
      fingerprint: 'f2',
      commitsSince: 0,
    });
    expect(edits[0]?.message).toBe(
      'The code changed after the last verification (2026-03-04T05:06:09.000Z): uncommitted edits.',
    );
  });
});
