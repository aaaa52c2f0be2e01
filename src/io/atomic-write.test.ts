import { chmodSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, snapshotTree } from '../../test/helpers/temp-tree.ts';
import { CliError } from '../domain/errors.ts';
import { applyFileTransaction, type FileOp, writeFileInRoot } from './atomic-write.ts';

const TREE = {
  'openspec/specs/auth/spec.md': '# auth\r\n\uFEFFbytes \u00e9\n',
  'openspec/specs/old/spec.md': 'old\n',
  'openspec/changes/add-auth/tasks.md': '- [ ] 1.1 a\n',
  'openspec/changes/add-auth/specs/auth/spec.md': 'delta\n',
  'openspec/changes/archive/.gitkeep': '',
};

/** An archive-like transaction: rewrite a spec, create one, retire one, move the change. */
const ARCHIVE_OPS: FileOp[] = [
  { kind: 'write', path: 'openspec/specs/auth/spec.md', content: 'merged\n' },
  { kind: 'write', path: 'openspec/specs/new/deep/spec.md', content: 'new\n' },
  { kind: 'delete', path: 'openspec/specs/old' },
  { kind: 'move', from: 'openspec/changes/add-auth', to: 'openspec/changes/archive/2026-01-01-add-auth' },
];

describe('applyFileTransaction', () => {
  it('applies every op and reports touched paths', async () => {
    const root = makeTree(TREE);
    const result = await applyFileTransaction(root, ARCHIVE_OPS);
    const after = snapshotTree(root);
    expect(readFileSync(join(root, 'openspec/specs/auth/spec.md'), 'utf8')).toBe('merged\n');
    expect(after['openspec/specs/new/deep/spec.md']).toBeDefined();
    expect(after['openspec/specs/old']).toBeUndefined();
    expect(after['openspec/changes/archive/2026-01-01-add-auth/tasks.md']).toBeDefined();
    expect(Object.keys(after).some((k) => k.includes('specwright-delete'))).toBe(false);
    expect(result.touched).toEqual([
      'openspec/specs/auth/spec.md',
      'openspec/specs/new/deep/spec.md',
      'openspec/specs/old',
      'openspec/changes/add-auth',
      'openspec/changes/archive/2026-01-01-add-auth',
    ]);
    expect(result.leftovers).toEqual([]);
  });

  it.each([1, 2, 3])('rolls back byte-for-byte when op %i fails', async (failAt) => {
    const root = makeTree(TREE);
    chmodSync(join(root, 'openspec/specs/auth/spec.md'), 0o640);
    const before = snapshotTree(root);
    const boom = new Error('injected');
    const run = applyFileTransaction(root, ARCHIVE_OPS, {
      beforeOp: (_op, index) => {
        if (index === failAt) throw boom;
      },
    });
    await expect(run).rejects.toBe(boom);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('rolls back when a later op fails on its own (move onto an existing target)', async () => {
    const root = makeTree({ ...TREE, 'openspec/changes/archive/2026-01-01-add-auth/x': 'taken' });
    const before = snapshotTree(root);
    await expect(applyFileTransaction(root, ARCHIVE_OPS)).rejects.toMatchObject({
      code: 'move_target_exists',
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('undoes chained ops on the same path in reverse order', async () => {
    const root = makeTree({ 'a.md': 'one' });
    const before = snapshotTree(root);
    const ops: FileOp[] = [
      { kind: 'write', path: 'a.md', content: 'two' },
      { kind: 'move', from: 'a.md', to: 'b.md' },
      { kind: 'write', path: 'a.md', content: 'three' },
      { kind: 'mkdir', path: 'x/y' },
    ];
    await expect(
      applyFileTransaction(root, ops, {
        beforeOp: (_op, i) => {
          if (i === 3) throw new Error('stop');
        },
      }),
    ).rejects.toThrow('stop');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('checks every path before changing anything', async () => {
    const root = makeTree(TREE);
    const before = snapshotTree(root);
    const ops: FileOp[] = [
      { kind: 'write', path: 'openspec/specs/auth/spec.md', content: 'x' },
      { kind: 'write', path: '../escape.md', content: 'x' },
    ];
    await expect(applyFileTransaction(root, ops)).rejects.toMatchObject({ code: 'path_outside_root' });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses to write through a symlinked directory that leads outside', async () => {
    const outside = makeTree({});
    const root = makeTree({ 'openspec/specs': null });
    symlinkSync(outside, join(root, 'openspec/changes'));
    await expect(
      writeFileInRoot(root, 'openspec/changes/x/.openspec.yaml', 'schema: a\n'),
    ).rejects.toBeInstanceOf(CliError);
    expect(snapshotTree(outside)).toEqual({});
  });

  it('wraps file-system failures in a CliError naming the path', async () => {
    const root = makeTree({});
    await expect(applyFileTransaction(root, [{ kind: 'delete', path: 'missing.md' }])).rejects.toMatchObject({
      code: 'file_operation_failed',
      message: 'Could not delete missing.md (ENOENT).',
    });
  });

  it('deletes a directory with `entries` only while it holds exactly those', async () => {
    const root = makeTree({ 'specs/a/spec.md': 'a', 'specs/b/spec.md': 'b', 'specs/b/late.md': 'late' });
    await applyFileTransaction(root, [{ kind: 'delete', path: 'specs/a', entries: ['spec.md'] }]);
    expect(Object.keys(snapshotTree(root)).filter((k) => k.startsWith('specs/a'))).toEqual([]);
    const before = snapshotTree(root);
    const ops: FileOp[] = [
      { kind: 'write', path: 'specs/c.md', content: 'c' },
      { kind: 'delete', path: 'specs/b', entries: ['spec.md'] },
    ];
    await expect(applyFileTransaction(root, ops)).rejects.toMatchObject({ code: 'delete_target_changed' });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('deletes a parent emptied by an earlier delete, not counting what that delete staged in it', async () => {
    const root = makeTree({ 'specs/a/b/spec.md': 'b', 'specs/keep.md': 'k' });
    const ops: FileOp[] = [
      { kind: 'delete', path: 'specs/a/b', entries: ['spec.md'] },
      { kind: 'delete', path: 'specs/a', entries: [] },
    ];
    const r = await applyFileTransaction(root, ops);
    expect(r).toEqual({ touched: ['specs/a/b', 'specs/a'], leftovers: [] });
    expect(Object.keys(snapshotTree(root))).toEqual(['specs', 'specs/keep.md']);
  });

  it('keeps the mode of a replaced file', async () => {
    const root = makeTree({ 'run.sh': 'echo 1\n' });
    chmodSync(join(root, 'run.sh'), 0o755);
    await writeFileInRoot(root, 'run.sh', 'echo 2\n');
    expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
  });
});
