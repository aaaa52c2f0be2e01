import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../test/helpers/fake-context.ts';
import { commitAll } from '../../test/helpers/git-repo.ts';
import { tracedProject } from '../../test/helpers/traced-fixture.ts';
import { archiveChange } from './archive.ts';
import { runTrace } from './trace.ts';
import { applyTraceFix, planTraceFix } from './trace-fix.ts';

describe('runTrace', () => {
  it('builds the project matrix with exact coverage numbers', async () => {
    const { root } = tracedProject();
    const { report, fixable } = await runTrace(root, { minCoverage: 80 });
    expect(report.coverage).toEqual({
      overall: { covered: 4, total: 5, percent: 80 },
      capabilities: [
        { capability: 'auth', covered: 3, total: 3, percent: 100 },
        { capability: 'billing', covered: 1, total: 2, percent: 50 },
      ],
    });
    expect(report.uncovered).toEqual(['billing#Invoices/Overdue reminder']);
    expect(report.dangling).toEqual([]);
    expect(fixable).toEqual([]);
    expect(report).toMatchObject({
      change: null,
      minCoverage: 80,
      meetsMinimum: true,
      passed: true,
      changeFiles: null,
    });
    expect(report.files).toEqual({ scanned: 6, withReferences: 4, references: 10, listedBy: 'git' });
    const login = report.scenarios.find((r) => r.ref === 'auth#User Login/Valid credentials');
    expect(login).toMatchObject({
      tests: [{ file: 'test/auth.test.mjs', line: 7 }],
      code: [{ file: 'src/auth.mjs', line: 1 }],
      tasks: [],
      covered: true,
    });
  });

  it('fails the gate below the minimum, compared exactly', async () => {
    const { root } = tracedProject();
    const { report } = await runTrace(root, { minCoverage: 80.1 });
    expect(report).toMatchObject({ meetsMinimum: false, passed: false });
  });

  it('traces a change: its scenarios, its tasks, and the files it touched since its base', async () => {
    const { root } = tracedProject();
    writeFileSync(
      join(root, 'src/session.mjs'),
      '// @spec auth#Remember Me/Checkbox keeps session\nexport {};\n',
    );
    const { report } = await runTrace(root, { change: 'add-remember-me' });
    expect(report.scenarios.map((r) => [r.ref, r.tasks.map((t) => t.id), r.tests.length, r.covered])).toEqual(
      [
        ['auth#Remember Me/Checkbox keeps session', ['1.1'], 1, true],
        ['auth#Remember Me/Expired token', ['1.2'], 1, true],
      ],
    );
    expect(report.coverage.overall).toEqual({ covered: 2, total: 2, percent: 100 });
    expect(report.changeFiles).toEqual({
      base: expect.stringMatching(/^[0-9a-f]{40}$/),
      baseSource: 'first-commit',
      files: [
        {
          path: 'src/session.mjs',
          status: 'untracked',
          tasks: [],
          inManifest: null,
          scenarios: ['auth#Remember Me/Checkbox keeps session'],
        },
      ],
      note: null,
    });
  });

  it('reports a reference to nothing as dangling, with close names', async () => {
    const { root } = tracedProject();
    writeFileSync(
      join(root, 'test/extra.test.mjs'),
      "// @spec auth#Logout/Logout clear session\nit('billing#Invoice/x')\n",
    );
    commitAll(root, 'extra');
    const { report } = await runTrace(root);
    expect(report.dangling.map((d) => [d.file, d.line, d.ref, d.fix, d.suggestions])).toEqual([
      [
        'test/extra.test.mjs',
        1,
        'auth#Logout/Logout clear session',
        null,
        ['auth#Logout/Logout clears session'],
      ],
      ['test/extra.test.mjs', 2, 'billing#Invoice/x', null, ['billing#Invoices']],
    ]);
    expect(report.passed).toBe(false);
  });
});

describe('runTrace and openspec/config.yaml', () => {
  it('fails on a malformed config instead of scanning every file', async () => {
    const { root } = tracedProject();
    writeFileSync(join(root, 'openspec/config.yaml'), 'trace:\n  include: [src/**\n');
    await expect(runTrace(root)).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/^openspec\/config\.yaml:\d+: /),
    });
  });

  it('passes on the warning about an invalid trace section', async () => {
    const { root } = tracedProject();
    writeFileSync(join(root, 'openspec/config.yaml'), 'trace:\n  include: src/**\n');
    const { warnings } = await runTrace(root);
    expect(warnings).toEqual([expect.stringMatching(/^openspec\/config\.yaml:\d+: trace\.include: /)]);
  });
});

describe('renames archived after references were written', () => {
  it('reports the old references with the new names, and the fix rewrites them', async () => {
    const { root } = tracedProject();
    const change = 'openspec/changes/rename-login';
    await writeRename(root, change);
    writeFileSync(join(root, `${change}/.openspec.yaml`), 'schema: spec-driven\ncreated: 2026-01-12\n');
    await archiveChange(root, 'rename-login', {
      yes: true,
      skipSpecs: false,
      noValidate: false,
      now: FIXED_NOW,
    });
    const run = await runTrace(root);
    expect(run.report.dangling.map((d) => [d.file, d.line, d.ref, d.fix, d.renamedBy])).toEqual([
      ['src/auth.mjs', 1, 'auth#User Login', 'auth#Sign In', ['2026-03-04-rename-login']],
      [
        'test/auth.test.mjs',
        7,
        'auth#User Login/Valid credentials',
        'auth#Sign In/Successful sign-in',
        ['2026-03-04-rename-login'],
      ],
      [
        'test/auth.test.mjs',
        13,
        'auth#User Login/Invalid credentials',
        'auth#Sign In/Invalid credentials',
        ['2026-03-04-rename-login'],
      ],
    ]);
    expect(run.report.dangling[1]?.problem).toBe(
      'auth has no requirement "User Login"; renamed by 2026-03-04-rename-login',
    );
    const plan = planTraceFix(root, run.fixable);
    expect(plan.files.map((f) => [f.file, f.edits.length])).toEqual([
      ['src/auth.mjs', 1],
      ['test/auth.test.mjs', 2],
    ]);
    expect(plan.files[1]?.diff).toContain(
      "-test('auth#User Login/Valid credentials: creates a session', () => {\n+test('auth#Sign In/Successful sign-in: creates a session', () => {\n",
    );
    await applyTraceFix(root, plan);
    const after = await runTrace(root);
    expect(after.report.dangling).toEqual([]);
    expect(after.report.coverage.overall).toEqual({ covered: 4, total: 5, percent: 80 });
    expect(readFileSync(join(root, 'src/auth.mjs'), 'utf8').split('\n')[0]).toBe('// @spec auth#Sign In');
  });
});

async function writeRename(root: string, change: string): Promise<void> {
  mkdirSync(join(root, change, 'specs/auth'), { recursive: true });
  writeFileSync(
    join(root, change, 'specs/auth/spec.md'),
    [
      '## RENAMED Requirements',
      '- FROM: `### Requirement: User Login`',
      '- TO: `### Requirement: Sign In`',
      '',
      '## MODIFIED Requirements',
      '',
      '### Requirement: Sign In',
      '',
      '#### RENAMED Scenario: Valid credentials -> Successful sign-in',
      '',
    ].join('\n'),
  );
}
