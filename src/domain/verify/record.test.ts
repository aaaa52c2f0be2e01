import { describe, expect, it } from 'vitest';
import {
  HISTORY_LENGTH,
  nextHistory,
  summarizeRun,
  type VerificationRecord,
  VerificationRecordSchema,
} from './record.ts';

const base: VerificationRecord = {
  version: 1,
  change: 'c',
  status: 'passed',
  startedAt: '2026-03-04T05:06:07.000Z',
  finishedAt: '2026-03-04T05:06:09.000Z',
  durationMs: 2000,
  only: null,
  git: { commit: 'a'.repeat(40), dirty: false, fingerprint: 'f1' },
  steps: [],
  checks: [],
  history: [],
};

describe('VerificationRecordSchema', () => {
  it('accepts a record and refuses another version', () => {
    expect(VerificationRecordSchema.safeParse(base).success).toBe(true);
    expect(VerificationRecordSchema.safeParse({ ...base, version: 2 }).success).toBe(false);
  });
});

describe('history', () => {
  it('summarises the previous run, newest first, bounded', () => {
    const failed: VerificationRecord = {
      ...base,
      status: 'failed',
      checks: [{ name: 'coverage', status: 'failed', message: 'x', details: [] }],
      history: Array.from({ length: HISTORY_LENGTH }, () => summarizeRun(base)),
    };
    const next = nextHistory(failed);
    expect(next).toHaveLength(HISTORY_LENGTH);
    expect(next[0]).toEqual({
      status: 'failed',
      startedAt: base.startedAt,
      finishedAt: base.finishedAt,
      only: null,
      commit: 'a'.repeat(40),
      failed: ['coverage'],
    });
    expect(nextHistory(undefined)).toEqual([]);
  });
});
