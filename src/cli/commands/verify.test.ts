import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../../test/helpers/fake-context.ts';
import { tracedProject } from '../../../test/helpers/traced-fixture.ts';
import { run } from './verify.ts';

const env = { PATH: process.env.PATH };

describe('verify command', () => {
  it('prints a summary, returns plain progress lines, and exits 0 when everything passes', async () => {
    const { root } = tracedProject();
    const r = await run(fakeContext(root, { env }), ['add-remember-me'], {});
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^Verification of add-remember-me: passed\n {2}✓ validation {2}the change validates\n {2}✓ tasks {7}all 3 tasks done \(3\/3\)\n {2}✓ coverage {4}2 of 2 scenarios referenced by a test\n {2}✓ lint {8}passed {2}\d+\.\ds\n {2}✓ test {8}passed {2}\d+\.\ds\nRecorded in openspec\/changes\/add-remember-me\/verification\.json \(commit [0-9a-f]{12}\)\n$/,
    );
    expect(r.stderr).toContain('Verifying add-remember-me: 3 checks, 2 steps (lint, test)\n');
    expect(r.stderr).toContain('▶ test: node --test test/*.test.mjs\n');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('prints the record under --json and exits 1 when a step fails', async () => {
    const { root } = tracedProject();
    writeFileSync(join(root, 'src/billing.mjs'), 'export function invoicesFor() { return []; }\n');
    const r = await run(fakeContext(root, { env }), ['add-remember-me'], { json: true });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['verification', 'file', 'warnings', 'root']);
    expect(doc.verification.status).toBe('failed');
    expect(doc.verification.steps[1]).toMatchObject({ name: 'test', status: 'failed', exitCode: 1 });
    expect(JSON.parse(readFileSync(join(root, doc.file), 'utf8'))).toEqual(doc.verification);
    expect(r.stderr).toContain('✗ test failed (exit 1)');
    expect(r.stderr).toContain('  │ ');
  });

  it('rejects a bad --timeout as a usage error', async () => {
    const { root } = tracedProject();
    await expect(
      run(fakeContext(root, { env }), ['add-remember-me'], { timeout: '0' }),
    ).rejects.toMatchObject({
      code: 'invalid_option',
      exitCode: 2,
    });
  });
});
