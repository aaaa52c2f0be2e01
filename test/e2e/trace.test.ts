import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { commitAll } from '../helpers/git-repo.ts';
import { tracedProject } from '../helpers/traced-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

function write(root: string, rel: string, text: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** The fixture's own tests, run with node:test in the project. */
function nodeTests(root: string): number | null {
  return spawnSync(process.execPath, ['--test', 'test/auth.test.mjs', 'test/billing.test.mjs'], { cwd: root })
    .status;
}

describe('specwright trace', () => {
  it('reports exact coverage per capability and overall, and gates on --min-coverage', () => {
    const { root } = tracedProject();
    const r = runCli(root, ['trace', '--json']);
    expect(r.code).toBe(0);
    const doc = r.json() as Json;
    expect(Object.keys(doc)).toEqual([
      'change',
      'scenarios',
      'uncovered',
      'dangling',
      'coverage',
      'minCoverage',
      'meetsMinimum',
      'passed',
      'files',
      'changeFiles',
      'root',
    ]);
    expect(doc.coverage).toEqual({
      overall: { covered: 4, total: 5, percent: 80 },
      capabilities: [
        { capability: 'auth', covered: 3, total: 3, percent: 100 },
        { capability: 'billing', covered: 1, total: 2, percent: 50 },
      ],
    });
    expect(doc.uncovered).toEqual(['billing#Invoices/Overdue reminder']);
    expect(doc.scenarios[0]).toEqual({
      ref: 'auth#User Login/Valid credentials',
      capability: 'auth',
      requirement: 'User Login',
      scenario: 'Valid credentials',
      tasks: [],
      tests: [{ file: 'test/auth.test.mjs', line: 7 }],
      code: [{ file: 'src/auth.mjs', line: 1 }],
      covered: true,
    });
    expect(runCli(root, ['trace', '--min-coverage', '80']).code).toBe(0);
    const gate = runCli(root, ['trace', '--min-coverage', '80.5']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('Coverage: 4/5 scenarios (80.0%)  below the minimum of 80.5%\n');
    expect(runCli(root, ['trace', '--min-coverage', 'lots']).code).toBe(2);
    const md = runCli(root, ['trace', '--format', 'md']).stdout;
    expect(md).toContain('| billing | 1 | 2 | 50.0 |');
    const html = runCli(root, ['trace', '--format', 'html']).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
  });

  it('finds the rename an archive made, reports the dangling references with the fix, and --fix repairs them', () => {
    const { root } = tracedProject();
    const change = 'openspec/changes/rename-login';
    write(root, `${change}/.openspec.yaml`, 'schema: spec-driven\ncreated: 2026-01-12\n');
    write(
      root,
      `${change}/specs/auth/spec.md`,
      '## RENAMED Requirements\n- FROM: `### Requirement: User Login`\n- TO: `### Requirement: Sign In`\n\n' +
        '## MODIFIED Requirements\n\n### Requirement: Sign In\n\n#### RENAMED Scenario: Valid credentials -> Successful sign-in\n',
    );
    expect(runCli(root, ['archive', 'rename-login', '-y']).code).toBe(0);
    commitAll(root, 'rename login');

    const r = runCli(root, ['trace', '--json']);
    expect(r.code).toBe(1);
    const dangling = (r.json() as Json).dangling.map((d: Json) => [d.file, d.line, d.ref, d.fix]);
    expect(dangling).toEqual([
      ['src/auth.mjs', 1, 'auth#User Login', 'auth#Sign In'],
      ['test/auth.test.mjs', 7, 'auth#User Login/Valid credentials', 'auth#Sign In/Successful sign-in'],
      ['test/auth.test.mjs', 13, 'auth#User Login/Invalid credentials', 'auth#Sign In/Invalid credentials'],
    ]);
    const text = runCli(root, ['trace']).stdout;
    expect(text).toContain('Dangling references (3)\n');
    expect(text).toMatch(/ {4}fix: auth#Sign In\/Successful sign-in {2}\(specwright trace --fix\)\n/);

    const before = readFileSync(join(root, 'test/auth.test.mjs'), 'utf8');
    const dry = runCli(root, ['trace', '--fix']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(
      "-test('auth#User Login/Valid credentials: creates a session', () => {\n+test('auth#Sign In/Successful sign-in: creates a session', () => {\n",
    );
    expect(dry.stderr).toBe('Nothing written: rerun with --fix -y to rewrite 3 references in 2 files.\n');
    expect(readFileSync(join(root, 'test/auth.test.mjs'), 'utf8')).toBe(before);

    const planned = runCli(root, ['trace', '--fix', '--json']);
    expect(planned.code).toBe(1);
    expect(planned.json()).toEqual({
      fix: {
        applied: false,
        files: [
          { file: 'src/auth.mjs', edits: [{ line: 1, from: 'auth#User Login', to: 'auth#Sign In' }] },
          {
            file: 'test/auth.test.mjs',
            edits: [
              { line: 7, from: 'auth#User Login/Valid credentials', to: 'auth#Sign In/Successful sign-in' },
              {
                line: 13,
                from: 'auth#User Login/Invalid credentials',
                to: 'auth#Sign In/Invalid credentials',
              },
            ],
          },
        ],
        skipped: [],
      },
      root: { path: root },
    });
    const fix = runCli(root, ['trace', '--fix', '-y']);
    expect(fix.code).toBe(0);
    expect(fix.stderr).toBe('Rewrote 3 references in 2 files.\n');
    const after = runCli(root, ['trace', '--json']);
    expect(after.code).toBe(0);
    expect((after.json() as Json).coverage.overall).toEqual({ covered: 4, total: 5, percent: 80 });
    expect(nodeTests(root)).toBe(0);
  });

  it('lists the files a change touched since its base commit, mapped to tasks through analysis.md', () => {
    const { root } = tracedProject();
    const created = runCli(root, ['new', 'change', 'add-otp', '--json']);
    expect(created.code).toBe(0);
    const meta = readFileSync(join(root, 'openspec/changes/add-otp/.openspec.yaml'), 'utf8');
    const base = /base_commit: ([0-9a-f]{40})/.exec(meta)?.[1];
    expect(base).toBeDefined();
    write(
      root,
      'openspec/changes/add-otp/specs/auth/spec.md',
      '## ADDED Requirements\n\n### Requirement: One-Time Codes\nThe system SHALL ask for a one-time code after the password.\n\n' +
        '#### Scenario: Code asked\n- **WHEN** the password is right\n- **THEN** a code is asked for\n',
    );
    write(
      root,
      'openspec/changes/add-otp/tasks.md',
      '## 1. Codes\n\n- [x] 1.1 Code check in `src/otp.mjs` [covers: auth#One-Time Codes]\n- [ ] 1.2 Tests in `test/otp.test.mjs`\n',
    );
    write(
      root,
      'openspec/changes/add-otp/analysis.md',
      '# Implementation manifest\n\n## service\n\n### src/otp.mjs\n- Purpose: code check\n\n### test/otp.test.mjs\n- Purpose: tests\n',
    );
    write(
      root,
      'src/otp.mjs',
      '// @spec auth#One-Time Codes\nexport const check = (code) => code === "123456";\n',
    );
    commitAll(root, 'otp');
    write(
      root,
      'test/otp.test.mjs',
      "import { test } from 'node:test';\ntest('auth#One-Time Codes/Code asked: x', () => {});\n",
    );
    write(root, 'scripts/extra.mjs', 'export {};\n');
    const r = runCli(root, ['trace', 'add-otp', '--json']);
    expect(r.code).toBe(0);
    const doc = r.json() as Json;
    expect(doc.scenarios.map((s: Json) => [s.ref, s.tasks.map((t: Json) => t.id), s.covered])).toEqual([
      ['auth#One-Time Codes/Code asked', ['1.1'], true],
    ]);
    expect(doc.changeFiles).toEqual({
      base,
      baseSource: 'metadata',
      files: [
        { path: 'scripts/extra.mjs', status: 'untracked', tasks: [], inManifest: false, scenarios: [] },
        {
          path: 'src/otp.mjs',
          status: 'added',
          tasks: ['1.1'],
          inManifest: true,
          scenarios: ['auth#One-Time Codes/Code asked'],
        },
        {
          path: 'test/otp.test.mjs',
          status: 'untracked',
          tasks: ['1.2'],
          inManifest: true,
          scenarios: ['auth#One-Time Codes/Code asked'],
        },
      ],
      note: null,
    });
    const text = runCli(root, ['trace', 'add-otp']).stdout;
    expect(text).toContain(`Files touched since ${base?.slice(0, 12)} (base_commit): 3\n`);
  });
});
