import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveRefused, archiveChange, archiveName } from '../../src/app/archive.ts';
import { runValidation } from '../../src/app/validate.ts';
import { parseSpec } from '../../src/domain/spec/parse-spec.ts';
import { AUTH_SPEC, f2Files, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const NOW = new Date(2026, 10, 21, 23, 30); // late evening local time: the folder must use the local date
const { project } = tempProjects();

const opts = { yes: true, skipSpecs: false, noValidate: false, now: NOW };

describe('archiveChange', () => {
  it('merges, moves the change under a local-date folder and reports totals', async () => {
    const root = project(f2Files());
    const r = await archiveChange(root, 'add-auth', opts);
    expect(r.archivedAs).toBe('2026-11-21-add-auth');
    expect(r.totals).toEqual({ added: 1, modified: 1, removed: 0, renamed: 1 });
    expect(existsSync(join(root, 'openspec/changes/add-auth'))).toBe(false);
    expect(existsSync(join(root, 'openspec/changes/archive/2026-11-21-add-auth/tasks.md'))).toBe(true);
    const names = parseSpec(read(root, 'openspec/specs/auth/spec.md')).requirements.map((q) => q.name);
    expect(names).toEqual(['User Login', 'Sign Out', 'Two-Factor Authentication']);
  });

  it('rolls back to byte-identical files when a write fails midway', async () => {
    const files = f2Files();
    files['openspec/specs/billing/spec.md'] = AUTH_SPEC.replace('auth', 'billing');
    files['openspec/changes/add-auth/specs/billing/spec.md'] =
      '## REMOVED Requirements\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n';
    const root = project(files);
    const before = snapshotTree(root);
    let calls = 0;
    const failing = {
      ...opts,
      beforeOp: () => {
        calls++;
        if (calls === 2) throw new Error('injected failure after the first write');
      },
    };
    await expect(archiveChange(root, 'add-auth', failing)).rejects.toThrow('injected failure');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses when the archive folder already exists, changing nothing', async () => {
    const files = f2Files();
    files['openspec/changes/archive/2026-11-21-add-auth/keep.md'] = 'x';
    const root = project(files);
    const before = snapshotTree(root);
    await expect(archiveChange(root, 'add-auth', opts)).rejects.toMatchObject({
      code: 'archive_target_exists',
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('needs --yes for incomplete tasks', async () => {
    const root = project(f2Files());
    await expect(archiveChange(root, 'add-auth', { ...opts, yes: false })).rejects.toMatchObject({
      code: 'archive_tasks_incomplete',
    });
  });

  it('refuses exactly what validate reports as an error', async () => {
    const files = f2Files();
    files['openspec/changes/add-auth/specs/auth/spec.md'] =
      '## MODIFIED Requirements\n### Requirement: Missing\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n';
    const root = project(files);
    const report = await runValidation(root, { item: 'add-auth', strict: false });
    expect(report.items[0]?.valid).toBe(false);
    const before = snapshotTree(root);
    const err = await archiveChange(root, 'add-auth', opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArchiveRefused);
    expect((err as ArchiveRefused).issues.map((i) => i.rule)).toEqual(
      report.items[0]?.issues.filter((i) => i.level === 'ERROR').map((i) => i.rule),
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  it('does not prefix a dated change name twice', () => {
    expect(archiveName('2025-01-01-foo', NOW)).toBe('2025-01-01-foo');
    expect(archiveName('foo', NOW)).toBe('2026-11-21-foo');
  });

  it('archives without touching specs under --skip-specs', async () => {
    const root = project(f2Files());
    const r = await archiveChange(root, 'add-auth', { ...opts, skipSpecs: true });
    expect(r.specsUpdated).toBe(false);
    expect(read(root, 'openspec/specs/auth/spec.md')).toBe(AUTH_SPEC);
  });

  it('refuses names that escape the changes folder', async () => {
    const root = project(f2Files());
    for (const bad of ['../x', '..', 'a/b', '.hidden', '']) {
      await expect(archiveChange(root, bad, opts)).rejects.toMatchObject({ code: 'invalid_item' });
    }
  });

  it('suggests the closest change name', async () => {
    const root = project(f2Files());
    await expect(archiveChange(root, 'add-auht', opts)).rejects.toThrow(/Did you mean: add-auth/);
  });
});

describe('archiveChange with a schema that tracks another task file', () => {
  it('counts the tasks of apply.tracks, not tasks.md', async () => {
    const files = f2Files();
    files['openspec/schemas/todo-flow/schema.yaml'] =
      'name: todo-flow\nversion: 1\nartifacts:\n  - id: specs\n    generates: specs/**/*.md\n    description: Deltas\n    template: spec.md\n  - id: todo\n    generates: todo.md\n    description: Work\n    template: todo.md\n    requires: [specs]\napply:\n  requires: [todo]\n  tracks: todo.md\n';
    files['openspec/schemas/todo-flow/templates/spec.md'] = '## ADDED Requirements\n';
    files['openspec/schemas/todo-flow/templates/todo.md'] = '- [ ] 1.1 x\n';
    files['openspec/changes/add-auth/.openspec.yaml'] = 'schema: todo-flow\ncreated: 2026-01-01\n';
    files['openspec/changes/add-auth/tasks.md'] = '- [x] 1.1 done\n';
    files['openspec/changes/add-auth/todo.md'] = '- [x] 1.1 a\n- [ ] 1.2 b\n';
    const root = project(files);
    await expect(archiveChange(root, 'add-auth', { ...opts, yes: false })).rejects.toMatchObject({
      code: 'archive_tasks_incomplete',
      message: expect.stringContaining('(1/2 done)'),
    });
  });
});
