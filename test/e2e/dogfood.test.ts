import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the repository’s own specs', () => {
  it('pass validate --all --strict', () => {
    const r = runCli(repo, ['validate', '--all', '--strict', '--json']);
    const report = r.json() as { summary: { totals: { items: number; failed: number } } };
    expect(report.summary.totals.failed).toBe(0);
    expect(report.summary.totals.items).toBeGreaterThanOrEqual(6);
    expect(r.code).toBe(0);
  });
});
