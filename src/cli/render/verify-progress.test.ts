import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../domain/verify/record.ts';
import type { ProgressStream } from '../context.ts';
import { createVerifyProgress, describeStep, formatDuration } from './verify-progress.ts';

const lint = { name: 'lint', run: 'npm run lint' };
const record = (over: Partial<StepRecord> = {}): StepRecord => ({
  name: 'lint',
  run: 'npm run lint',
  status: 'passed',
  exitCode: 0,
  signal: null,
  durationMs: 1234,
  timeoutSeconds: 600,
  tail: '',
  ...over,
});

function drive(observer: ReturnType<typeof createVerifyProgress>, passed: boolean) {
  observer.started?.({ change: 'add-auth', steps: [lint] });
  observer.checkFinished?.({
    name: 'tasks',
    status: 'failed',
    message: '1 of 2 tasks open',
    details: ['tasks.md:3: 1.2 x'],
  });
  observer.stepStarted?.(lint, 600);
  observer.output?.(lint, '\u001b[31mline 1\u001b[39m\nline 2\n');
  const r = passed ? record() : record({ status: 'failed', exitCode: 2 });
  observer.stepFinished?.(lint, r, '\u001b[31mline 1\u001b[39m\nline 2\n');
  return observer.close();
}

describe('formatting', () => {
  it.each([
    [400, '0.4s'],
    [12_345, '12.3s'],
    [125_000, '2m 05s'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('describes how a step ended', () => {
    expect(describeStep(record())).toBe('passed');
    expect(describeStep(record({ status: 'failed', exitCode: 1 }))).toBe('failed (exit 1)');
    expect(describeStep(record({ status: 'failed', exitCode: null, signal: 'SIGKILL' }))).toBe(
      'killed by SIGKILL',
    );
    expect(describeStep(record({ status: 'timed_out', exitCode: null }))).toBe(
      'timed out after 600s (killed)',
    );
    expect(describeStep(record({ status: 'error', exitCode: null }))).toBe('could not start');
  });
});

describe('createVerifyProgress', () => {
  it('without a stream, collects plain lines: a failure shows the whole output, without colour codes', () => {
    const text = drive(createVerifyProgress(undefined, { live: false, color: false }), false);
    expect(text).toBe(
      [
        'Verifying add-auth: 3 checks, 1 step (lint)',
        '✗ tasks: 1 of 2 tasks open',
        '    tasks.md:3: 1.2 x',
        '▶ lint: npm run lint',
        '✗ lint failed (exit 2) in 1.2s',
        '  │ line 1',
        '  │ line 2',
        '',
      ].join('\n'),
    );
  });

  it('folds the output of a passing step', () => {
    const text = drive(createVerifyProgress(undefined, { live: false, color: false }), true);
    expect(text).toContain('✓ lint passed in 1.2s\n');
    expect(text).not.toContain('line 1');
  });

  it('on a terminal, redraws the running step in place and leaves one line per finished step', () => {
    const written: string[] = [];
    const stream: ProgressStream = { write: (t) => written.push(t), isTTY: true, columns: () => 40 };
    expect(drive(createVerifyProgress(stream, { live: true, color: true }), true)).toBe('');
    const all = written.join('');
    expect(all).toContain('\u001b[');
    expect(all).toMatch(/lint {2}.*0\.0s/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the live display clears with escape codes
    const plain = all.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
    expect(plain).toContain('✓ lint passed in 1.2s\n');
  });

  it('uses plain lines on a terminal when the run may not redraw (--json, NO_COLOR)', () => {
    const written: string[] = [];
    const stream: ProgressStream = { write: (t) => written.push(t), isTTY: true, columns: () => 80 };
    drive(createVerifyProgress(stream, { live: false, color: false }), true);
    expect(written.join('')).not.toContain('\u001b');
  });
});
