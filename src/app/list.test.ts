import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { listChanges, listSpecs } from './list.ts';

function touch(root: string, rel: string, iso: string): void {
  const t = new Date(iso);
  utimesSync(join(root, rel), t, t);
}

describe('listChanges', () => {
  it('reports progress, status and the newest file mtime, newest first', async () => {
    const root = makeTree({
      'openspec/changes/old/tasks.md': '- [x] 1.1 a\n- [x] 1.2 b\n',
      'openspec/changes/new/tasks.md': '## 1. A\n- [x] 1.1 a\n  - [ ] 1.1.1 sub\n```\n- [ ] fenced\n```\n',
      'openspec/changes/new/specs/auth/spec.md': 'x',
      'openspec/changes/empty/proposal.md': 'x',
      'openspec/changes/archive/2026-01-01-gone/tasks.md': '- [ ] a\n',
    });
    touch(root, 'openspec/changes/old/tasks.md', '2026-01-01T00:00:00Z');
    touch(root, 'openspec/changes/new/tasks.md', '2026-01-02T00:00:00Z');
    touch(root, 'openspec/changes/new/specs/auth/spec.md', '2026-01-03T00:00:00Z');
    touch(root, 'openspec/changes/empty/proposal.md', '2026-01-01T00:00:00Z');
    const { changes } = listChanges({ cwd: root });
    expect(
      changes.map((c) => [c.name, c.completedTasks, c.totalTasks, c.status, c.lastModified.toISOString()]),
    ).toEqual([
      ['new', 1, 2, 'in-progress', '2026-01-03T00:00:00.000Z'],
      ['empty', 0, 0, 'no-tasks', '2026-01-01T00:00:00.000Z'],
      ['old', 2, 2, 'complete', '2026-01-01T00:00:00.000Z'],
    ]);
    expect(listChanges({ cwd: root, sort: 'name' }).changes.map((c) => c.name)).toEqual([
      'empty',
      'new',
      'old',
    ]);
  });

  it('needs a project root', () => {
    expect(() => listChanges({ cwd: makeTree({}) })).toThrow(
      expect.objectContaining({ code: 'no_openspec_root' }),
    );
  });
});

describe('listSpecs', () => {
  it('counts requirements per capability', () => {
    const root = makeTree({
      'openspec/specs/auth/spec.md': '## Requirements\n### Requirement: A\n### Requirement: B\n',
      'openspec/specs/identity/users/spec.md': '## Requirements\n### Requirement: C\n### Stray\n',
    });
    expect(listSpecs({ cwd: root }).specs).toEqual([
      { id: 'auth', requirementCount: 2 },
      { id: 'identity/users', requirementCount: 1 },
    ]);
  });
});
