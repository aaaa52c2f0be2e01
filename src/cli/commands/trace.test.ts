import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, fakeContext } from '../../../test/helpers/fake-context.ts';
import { tracedProject } from '../../../test/helpers/traced-fixture.ts';
import { archiveChange } from '../../app/archive.ts';
import { run } from './trace.ts';

describe('trace command', () => {
  it('prints text, md or html, and gates on --min-coverage', async () => {
    const { root } = tracedProject();
    const ctx = fakeContext(root);
    const text = await run(ctx, [], {});
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('Coverage: 4/5 scenarios (80.0%)\n');
    const gate = await run(ctx, [], { minCoverage: '81' });
    expect(gate.exitCode).toBe(1);
    expect(gate.stdout).toContain('below the minimum of 81%');
    expect((await run(ctx, [], { format: 'md' })).stdout).toMatch(/^## Spec coverage: 80\.0%/);
    expect((await run(ctx, [], { format: 'html' })).stdout).toMatch(/^<!doctype html>/);
    const json = JSON.parse((await run(ctx, ['add-remember-me'], { json: true, format: 'html' })).stdout);
    expect(json.change).toBe('add-remember-me');
    expect(json.root).toEqual({ path: root });
  });

  it('writes the report to a file with --output', async () => {
    const { root } = tracedProject();
    const r = await run(fakeContext(root), [], { format: 'html', output: 'reports/trace.html' });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: 'Wrote reports/trace.html.\n' });
    expect(readFileSync(join(root, 'reports/trace.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('rejects a --min-coverage outside 0..100', async () => {
    const { root } = tracedProject();
    await expect(run(fakeContext(root), [], { minCoverage: '120' })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('--fix without -y shows the diff, writes nothing and exits 1; nothing to fix exits by the dangling count', async () => {
    const { root } = tracedProject();
    const clean = await run(fakeContext(root), [], { fix: true });
    expect(clean).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'No reference can be repaired from the archive history.\n',
    });
    writeFileSync(join(root, 'test/x.test.mjs'), '// @spec auth#Nope\n');
    const dangling = await run(fakeContext(root), [], { fix: true });
    expect(dangling.exitCode).toBe(1);
  });
});

describe('trace --fix on a terminal', () => {
  it('shows the diff on stderr, asks, and rewrites on yes', async () => {
    const { root } = tracedProject();
    const change = join(root, 'openspec/changes/rename-logout');
    mkdirSync(join(change, 'specs/auth'), { recursive: true });
    writeFileSync(join(change, '.openspec.yaml'), 'schema: spec-driven\ncreated: 2026-01-12\n');
    writeFileSync(
      join(change, 'specs/auth/spec.md'),
      '## RENAMED Requirements\n- FROM: `### Requirement: Logout`\n- TO: `### Requirement: Sign Out`\n',
    );
    await archiveChange(root, 'rename-logout', {
      yes: true,
      skipSpecs: false,
      noValidate: false,
      now: FIXED_NOW,
    });
    const shown: string[] = [];
    const questions: string[] = [];
    const ctx = fakeContext(root, {
      progress: { write: (t) => shown.push(t), isTTY: true, columns: () => 80 },
      confirm: async (q) => {
        questions.push(q);
        return true;
      },
    });
    const r = await run(ctx, [], { fix: true });
    expect(questions).toEqual(['Rewrite these references?']);
    expect(shown.join('')).toContain('+// @spec auth#Sign Out/Logout clears session\n');
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: 'Rewrote 2 references in 2 files.\n' });
    expect(readFileSync(join(root, 'test/auth.test.mjs'), 'utf8')).toContain(
      "test('auth#Sign Out/Logout clears session'",
    );
  });
});
