import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, fakeContext } from '../../../test/helpers/fake-context.ts';
import { makeTree } from '../../../test/helpers/temp-tree.ts';
import { jsonNullShape, run } from './list.ts';

function project() {
  const root = makeTree({
    'openspec/changes/add-auth/tasks.md': '- [x] 1.1 a\n- [ ] 1.2 b\n',
    'openspec/changes/添加登录/tasks.md': '- [x] 1.1 a\n',
    'openspec/changes/draft/proposal.md': 'x',
    'openspec/specs/auth/spec.md': '## Requirements\n### Requirement: A\n### Requirement: B\n',
  });
  const at = (rel: string, msAgo: number) => {
    const t = new Date(FIXED_NOW.getTime() - msAgo);
    utimesSync(join(root, rel), t, t);
  };
  at('openspec/changes/add-auth/tasks.md', 10_000);
  at('openspec/changes/添加登录/tasks.md', 3 * 3_600_000);
  at('openspec/changes/draft/proposal.md', 2 * 86_400_000);
  return root;
}

describe('list command', () => {
  it('aligns columns by display width', async () => {
    const r = await run(fakeContext(project()), [], { sort: 'recent' });
    expect(r.stdout).toBe(
      [
        'Changes:',
        '  add-auth     1/2 tasks     just now',
        '  添加登录     ✓ Complete    3h ago',
        '  draft        No tasks      2d ago',
        '',
      ].join('\n'),
    );
  });

  it('prints the changes JSON document', async () => {
    const r = await run(fakeContext(project()), [], { json: true, sort: 'name' });
    const doc = JSON.parse(r.stdout);
    expect(doc.changes.map((c: { name: string }) => c.name)).toEqual(['add-auth', 'draft', '添加登录']);
    expect(doc.changes[0]).toEqual({
      name: 'add-auth',
      completedTasks: 1,
      totalTasks: 2,
      lastModified: new Date(FIXED_NOW.getTime() - 10_000).toISOString(),
      status: 'in-progress',
    });
    expect(Object.keys(doc)).toEqual(['changes', 'root']);
  });

  it('lists specs in text and JSON', async () => {
    const root = project();
    expect((await run(fakeContext(root), [], { specs: true })).stdout).toBe(
      'Specs:\n  auth     requirements 2\n',
    );
    expect(JSON.parse((await run(fakeContext(root), [], { specs: true, json: true })).stdout)).toEqual({
      specs: [{ id: 'auth', requirementCount: 2 }],
      root: { path: root },
    });
  });

  it('says when there is nothing to list', async () => {
    const root = makeTree({ 'openspec/changes/archive': null, 'openspec/specs': null });
    expect((await run(fakeContext(root), [], {})).stdout).toBe('No active changes found.\n');
    expect((await run(fakeContext(root), [], { specs: true })).stdout).toBe('No specs found.\n');
  });

  it('has a null shape per mode', () => {
    expect(jsonNullShape({})).toEqual({ changes: [], root: null });
    expect(jsonNullShape({ specs: true })).toEqual({ specs: [], root: null });
  });
});
