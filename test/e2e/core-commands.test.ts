import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { AUTH_SPEC, f2Files, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const { project, track } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

describe('show', () => {
  it('shows one requirement without scenarios (-r, --no-scenarios)', () => {
    const root = project(f2Files());
    const r = runCli(root, ['show', 'auth', '--json', '-r', '2', '--no-scenarios']);
    expect(r.code).toBe(0);
    const j = r.json() as Json;
    expect(j.requirementCount).toBe(1);
    expect(j.requirements[0]).toMatchObject({
      name: 'Logout',
      text: 'The system SHALL allow users to log out.',
      scenarios: [],
    });
    expect(r.stderr).toBe('');
  });

  it('numbers the requirement -r picked as in the whole spec, in text', () => {
    const r = runCli(project(f2Files()), ['show', 'auth', '-r', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2\. Logout {2}line \d+$/m);
    expect(r.stdout).not.toMatch(/^1\. /m);
  });

  it('fails cleanly for a requirement index out of range', () => {
    const r = runCli(project(f2Files()), ['show', 'auth', '--json', '-r', '5']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('requirement_not_found');
  });

  it('lists a change’s deltas in ADDED, MODIFIED, RENAMED order', () => {
    const j = runCli(project(f2Files()), ['show', 'add-auth', '--json']).json() as Json;
    expect(j.deltaCount).toBe(3);
    expect(j.deltas.map((d: Json) => d.operation)).toEqual(['ADDED', 'MODIFIED', 'RENAMED']);
    expect(j.deltas[2].rename).toEqual({ from: 'Logout', to: 'Sign Out' });
    expect(j.tasks).toEqual({ done: 1, total: 2 });
  });

  it('suggests close names, reports ambiguity and refuses traversal', () => {
    const files = f2Files();
    files['openspec/changes/auth/.openspec.yaml'] = 'schema: spec-driven\n';
    const root = project(files);
    const unknown = runCli(root, ['show', 'add-auht', '--json']);
    expect(unknown.code).toBe(1);
    expect((unknown.json() as Json).status[0]).toMatchObject({ code: 'unknown_item' });
    expect((unknown.json() as Json).status[0].message).toContain('Did you mean: add-auth');
    const ambiguous = runCli(root, ['show', 'auth', '--json']);
    expect((ambiguous.json() as Json).status[0].code).toBe('ambiguous_item');
    expect(runCli(root, ['show', 'auth', '--type', 'spec', '--json']).code).toBe(0);
    const outside = runCli(root, ['show', '../../etc', '--type', 'spec', '--json']);
    expect(outside.code).toBe(1);
    expect((outside.json() as Json).status[0].code).toBe('invalid_item');
  });
});

describe('validate', () => {
  it('passes the reference change with no issues and one JSON document', () => {
    const r = runCli(project(f2Files()), ['validate', 'add-auth', '--json']);
    expect(r.code).toBe(0);
    const j = r.json() as Json;
    expect(j.items).toEqual([{ id: 'add-auth', type: 'change', valid: true, issues: [] }]);
    expect(j.summary.totals).toEqual({ items: 1, passed: 1, failed: 0 });
    expect(r.stderr).toBe('');
  });

  it('fails a change whose MODIFIED targets nothing, with file, line and rule', () => {
    const files = f2Files();
    files['openspec/changes/add-auth/specs/auth/spec.md'] =
      '## MODIFIED Requirements\n### Requirement: Nonexistent\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n';
    const r = runCli(project(files), ['validate', 'add-auth', '--json']);
    expect(r.code).toBe(1);
    const issue = (r.json() as Json).items[0].issues[0];
    expect(issue).toMatchObject({
      level: 'ERROR',
      rule: 'merge_target_not_found',
      file: 'openspec/changes/add-auth/specs/auth/spec.md',
      line: 2,
    });
  });

  it('warns on a spec in another language and fails it under --strict', () => {
    const root = project({
      'openspec/specs/export/spec.md': AUTH_SPEC.replace(
        'The system SHALL allow users to log out.',
        'Das System meldet den Benutzer ab.',
      ),
    });
    expect(runCli(root, ['validate', 'export']).code).toBe(0);
    const strict = runCli(root, ['validate', 'export', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('requirement_no_keyword');
  });

  it('validates everything by default and groups issues by file in text mode', () => {
    const files = f2Files();
    files['openspec/specs/broken/spec.md'] =
      '# broken\n\n## Purpose\nA purpose that is certainly long enough for the check.\n\n## Requirements\n### Requirement: A\nThe system SHALL a.\n';
    const r = runCli(project(files), ['validate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✓ change add-auth');
    expect(r.stdout).toContain('✗ spec broken');
    expect(r.stdout).toContain('openspec/specs/broken/spec.md');
    expect(r.stdout).toMatch(/Totals: 2 passed, 1 failed \(3 items\)/);
  });

  it('fails --archived when an archived change has unchecked tasks', () => {
    const files = f2Files();
    files['openspec/changes/archive/2026-01-01-zero/tasks.md'] = '- [x] 1.1 a\n- [ ] 1.2 b\n';
    const r = runCli(project(files), ['validate', '--archived', '--json']);
    expect(r.code).toBe(1);
    const item = (r.json() as Json).items.find((i: Json) => i.id === '2026-01-01-zero');
    expect(item.issues[0]).toMatchObject({
      rule: 'archived_tasks_incomplete',
      message: '1 incomplete task (1/2 completed).',
    });
  });

  it('reports bad input as one located line per file and keeps going', () => {
    const files = f2Files();
    const root = project(files);
    mkdirSync(join(root, 'openspec/specs/other'));
    writeFileSync(
      join(root, 'openspec/specs/other/spec.md'),
      Buffer.from([0x23, 0x20, 0x61, 0x0a, 0xff, 0xfe, 0x0a]),
    );
    writeFileSync(
      join(root, 'openspec/changes/add-auth/.openspec.yaml'),
      'schema: spec-driven\nschema: twice\n',
    );
    const r = runCli(root, ['validate', '--all', '--json']);
    expect(r.code).toBe(1);
    const items = (r.json() as Json).items as Json[];
    const spec = items.find((i) => i.id === 'other');
    expect(spec?.issues[0]).toMatchObject({
      rule: 'file_not_utf8',
      file: 'openspec/specs/other/spec.md',
      line: 2,
    });
    const change = items.find((i) => i.id === 'add-auth');
    expect(change?.issues.find((i: Json) => i.rule === 'change_metadata_invalid')?.message).toMatch(
      /\.openspec\.yaml:2/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses bulk validation outside a project', () => {
    const empty = mkdtempSync(join(tmpdir(), 'specwright-empty-'));
    track(empty);
    const r = runCli(empty, ['validate', '--all', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('no_openspec_root');
  });
});

describe('archive', () => {
  it('needs --yes for incomplete tasks off a terminal, and changes nothing', () => {
    const root = project(f2Files());
    const before = snapshotTree(root);
    const r = runCli(root, ['archive', 'add-auth', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('archive_tasks_incomplete');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('merges and moves with --yes, printing the per-spec summary', () => {
    const root = project(f2Files());
    const r = runCli(root, ['archive', 'add-auth', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('openspec/specs/auth/spec.md: updated  +1 ~1 -0 →1');
    expect(r.stdout).toMatch(/archived as '\d{4}-\d{2}-\d{2}-add-auth'/);
    expect(read(root, 'openspec/specs/auth/spec.md')).toContain('### Requirement: Sign Out');
    expect(existsSync(join(root, 'openspec/changes/add-auth'))).toBe(false);
  });

  it('gives the same result for CRLF change files and keeps CRLF specs CRLF', () => {
    const files = Object.fromEntries(
      Object.entries(f2Files()).map(([k, v]) => [k, v.replace(/\n/g, '\r\n')]),
    );
    const root = project(files);
    expect(runCli(root, ['validate', 'add-auth']).code).toBe(0);
    expect(runCli(root, ['archive', 'add-auth', '--yes']).code).toBe(0);
    const spec = read(root, 'openspec/specs/auth/spec.md');
    expect(spec.replace(/\r\n/g, '')).not.toContain('\n');
    expect(spec).toContain('### Requirement: Two-Factor Authentication\r\n');
  });

  it('reports validation errors and writes nothing', () => {
    const files = f2Files();
    files['openspec/changes/add-auth/specs/auth/spec.md'] =
      '## ADDED Requirements\n### Requirement: Foo\nThe system SHALL foo.\n';
    const root = project(files);
    const before = snapshotTree(root);
    const r = runCli(root, ['archive', 'add-auth', '--yes', '--json']);
    expect(r.code).toBe(1);
    const j = r.json() as Json;
    expect(j.status[0].code).toBe('archive_validation_failed');
    expect(j.issues[0].rule).toBe('requirement_no_scenario');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('flags', () => {
  it('show --requirements drops scenarios; --deltas-only keeps only deltas', () => {
    const root = project(f2Files());
    const spec = runCli(root, ['show', 'auth', '--json', '--requirements']).json() as Json;
    expect(spec.requirements.every((r: Json) => r.scenarios.length === 0)).toBe(true);
    expect(spec.requirementCount).toBe(2);
    const deltas = runCli(root, ['show', 'add-auth', '--json', '--deltas-only']).json() as Json;
    expect(Object.keys(deltas).sort()).toEqual(['deltaCount', 'deltas', 'id', 'root']);
    const text = runCli(root, ['show', 'auth']);
    expect(text.stdout).toContain('1. User Login');
    expect(text.stdout).toContain('WHEN a user submits valid credentials');
  });

  it('validate scopes: --changes, --specs, --type', () => {
    const root = project(f2Files());
    const changes = runCli(root, ['validate', '--changes', '--json']).json() as Json;
    expect(changes.items.map((i: Json) => i.type)).toEqual(['change']);
    const specs = runCli(root, ['validate', '--specs', '--json']).json() as Json;
    expect(specs.items.map((i: Json) => `${i.type}:${i.id}`)).toEqual(['spec:auth']);
    expect(runCli(root, ['validate', 'auth', '--type', 'change', '--json']).code).toBe(1);
    expect(runCli(root, ['validate', 'auth', '--type', 'spec', '--json']).code).toBe(0);
    expect(runCli(root, ['validate', '--all', '--concurrency', '0']).code).toBe(2);
  });

  it('archive --no-validate lets a change without deltas through, --skip-specs leaves specs alone', () => {
    const root = project({ ...f2Files(), 'openspec/changes/notes-only/proposal.md': '# Notes\n' });
    expect(runCli(root, ['archive', 'notes-only', '--yes']).code).toBe(1);
    const forced = runCli(root, ['archive', 'notes-only', '--yes', '--no-validate', '--json']);
    expect(forced.code).toBe(0);
    expect((forced.json() as Json).archive.specsUpdated).toBe(false);
    const skipped = runCli(root, ['archive', 'add-auth', '--yes', '--skip-specs', '--json']);
    expect(skipped.code).toBe(0);
    expect(read(root, 'openspec/specs/auth/spec.md')).toBe(AUTH_SPEC);
  });

  it('NO_COLOR and --no-color keep ANSI escapes out; colour is only forced on request', () => {
    const root = project(f2Files());
    expect(runCli(root, ['validate'], {}).stdout).not.toContain('\u001b[');
    expect(runCli(root, ['validate', '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toContain(
      '\u001b[',
    );
  });
});

describe('bad input', () => {
  it('refuses a spec over 10 MB with one line naming the file', () => {
    const files = f2Files();
    files['openspec/specs/huge/spec.md'] = `# huge\n\n${'x'.repeat(11 * 1024 * 1024)}\n`;
    const r = runCli(project(files), ['validate', 'huge', '--json']);
    expect(r.code).toBe(1);
    const issue = (r.json() as Json).items[0].issues[0];
    expect(issue).toMatchObject({ rule: 'file_too_large', file: 'openspec/specs/huge/spec.md' });
    expect(issue.message).not.toContain('\n');
  });

  it('refuses symlinks that lead outside the project', () => {
    const root = project(f2Files());
    const outside = mkdtempSync(join(tmpdir(), 'specwright-outside-'));
    track(outside);
    writeFileSync(join(outside, 'spec.md'), AUTH_SPEC);
    mkdirSync(join(root, 'openspec/specs/leak'));
    symlinkSync(join(outside, 'spec.md'), join(root, 'openspec/specs/leak/spec.md'));
    const r = runCli(root, ['validate', 'leak', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).items[0].issues[0].rule).toBe('path_outside_root');
    symlinkSync(outside, join(root, 'openspec/changes/evil'));
    const archive = runCli(root, ['archive', 'evil', '--yes', '--json']);
    expect(archive.code).toBe(1);
    expect(existsSync(join(outside, 'spec.md'))).toBe(true);
  });

  it('reports looping and dangling spec links as located issues, never an internal error or a silent skip', () => {
    const root = project(f2Files());
    mkdirSync(join(root, 'openspec/specs/loop'));
    symlinkSync('spec.md', join(root, 'openspec/specs/loop/spec.md'));
    mkdirSync(join(root, 'openspec/specs/gone'));
    symlinkSync('missing.md', join(root, 'openspec/specs/gone/spec.md'));
    mkdirSync(join(root, 'openspec/changes/add-auth/specs/lp'));
    symlinkSync('spec.md', join(root, 'openspec/changes/add-auth/specs/lp/spec.md'));
    const r = runCli(root, ['validate', '--all', '--json']);
    expect(r.code).toBe(1);
    const issues = (r.json() as Json).items.flatMap((i: Json) => i.issues);
    expect(issues).toContainEqual(
      expect.objectContaining({ rule: 'path_unresolvable', file: 'openspec/specs/loop/spec.md' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ rule: 'file_not_found', file: 'openspec/specs/gone/spec.md' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        rule: 'path_unresolvable',
        file: 'openspec/changes/add-auth/specs/lp/spec.md',
        message: 'a loop of symbolic links.',
      }),
    );
    expect(r.stderr).not.toContain('Internal error');
  });

  it('validate --all reports symlinked change and capability folders as failed items, not skipped', () => {
    const root = project(f2Files());
    const outside = mkdtempSync(join(tmpdir(), 'specwright-outside-'));
    track(outside);
    writeFileSync(join(outside, 'spec.md'), AUTH_SPEC);
    symlinkSync(outside, join(root, 'openspec/specs/leak'));
    symlinkSync(outside, join(root, 'openspec/changes/evil'));
    const r = runCli(root, ['validate', '--all', '--json']);
    expect(r.code).toBe(1);
    const items = (r.json() as Json).items;
    expect(items.filter((i: Json) => !i.valid).map((i: Json) => [i.type, i.id, i.issues[0].rule])).toEqual([
      ['change', 'evil', 'change_symlink'],
      ['spec', 'leak', 'spec_symlink'],
    ]);
  });

  it('reports a symlinked capability folder in a change instead of skipping it, and archive refuses', () => {
    const root = project(f2Files());
    const outside = mkdtempSync(join(tmpdir(), 'specwright-outside-'));
    track(outside);
    writeFileSync(
      join(outside, 'spec.md'),
      '## ADDED Requirements\n\n### Requirement: Bill\nThe system SHALL bill.\n',
    );
    symlinkSync(outside, join(root, 'openspec/changes/add-auth/specs/billing'));
    const r = runCli(root, ['validate', 'add-auth', '--json']);
    expect(r.code).toBe(1);
    const issues = (r.json() as Json).items[0].issues;
    expect(issues).toContainEqual(
      expect.objectContaining({
        rule: 'delta_linked_folder',
        file: 'openspec/changes/add-auth/specs/billing',
      }),
    );
    const before = snapshotTree(root);
    const archive = runCli(root, ['archive', 'add-auth', '--yes']);
    expect(archive.code).toBe(1);
    expect(archive.stderr).toContain('delta_linked_folder');
    expect(snapshotTree(root)).toEqual(before);
  });
});
