import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import {
  findProjectRoot,
  foldersEmptiedBy,
  isRealDir,
  isSymlink,
  listActiveChanges,
  listArchivedChanges,
  listCapabilities,
  listProjectSchemas,
  requireProjectRoot,
} from './project.ts';

describe('findProjectRoot', () => {
  it.each([
    ['openspec/specs', null],
    ['openspec/changes', null],
    ['openspec/config.yaml', 'schema: spec-driven\n'],
    ['openspec/config.yml', 'schema: spec-driven\n'],
  ])('finds a root qualified by %s from a nested directory', (rel, content) => {
    const root = makeTree({ [rel]: content, 'src/deep/er': null });
    expect(findProjectRoot(join(root, 'src/deep/er'))).toEqual({ path: root, source: 'nearest' });
  });

  it('skips a bare openspec/ directory and takes the nearest qualifying one', () => {
    const root = makeTree({
      'openspec/specs': null,
      'pkg/openspec/notes.md': 'x',
      'pkg/sub/openspec/changes': null,
    });
    expect(findProjectRoot(join(root, 'pkg'))?.path).toBe(root);
    expect(findProjectRoot(join(root, 'pkg/sub'))?.path).toBe(join(root, 'pkg/sub'));
  });

  it('reports no_openspec_root with the fix', () => {
    const dir = makeTree({});
    expect(() => requireProjectRoot(dir)).toThrow(
      expect.objectContaining({
        code: 'no_openspec_root',
        message: `No openspec/ directory found from ${dir} upward.`,
        fix: 'Run specwright init',
      }),
    );
  });
});

describe('listCapabilities', () => {
  it('lists nested ids in code-point order, skipping dot entries, loose files and symlinked dirs', () => {
    const outside = makeTree({ 'ext/spec.md': 'x' });
    const root = makeTree({
      'openspec/specs/spec.md': 'ignored',
      'openspec/specs/zeta/spec.md': 'x',
      'openspec/specs/Alpha/spec.md': 'x',
      'openspec/specs/identity/user-auth/spec.md': 'x',
      'openspec/specs/identity/spec.md': 'x',
      'openspec/specs/.hidden/spec.md': 'x',
      'openspec/specs/empty/notes.md': 'x',
      'openspec/specs/\u{1F600}/spec.md': 'x',
      'openspec/specs/\uFF21/spec.md': 'x',
    });
    symlinkSync(join(outside, 'ext'), join(root, 'openspec/specs/linked'));
    symlinkSync(join(root, 'openspec/specs/zeta/spec.md'), join(root, 'openspec/specs/empty/spec.md'));
    expect(listCapabilities(root)).toEqual([
      'Alpha',
      'empty',
      'identity',
      'identity/user-auth',
      'zeta',
      '\uFF21',
      '\u{1F600}',
    ]);
  });

  it('is empty without a specs directory', () => {
    expect(listCapabilities(makeTree({ 'openspec/changes': null }))).toEqual([]);
  });
});

describe('change and schema listings', () => {
  it('lists active changes without archive, dot-dirs, files or symlinks', () => {
    const root = makeTree({
      'openspec/changes/b-change/tasks.md': '',
      'openspec/changes/a-change': null,
      'openspec/changes/.draft': null,
      'openspec/changes/archive/2026-01-01-old': null,
      'openspec/changes/archive/.gitkeep': '',
      'openspec/changes/readme.md': 'x',
    });
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'openspec/changes/linked'));
    expect(listActiveChanges(root)).toEqual(['a-change', 'b-change']);
    expect(listArchivedChanges(root)).toEqual(['2026-01-01-old']);
  });

  it('lists project schemas that have schema.yaml', () => {
    const root = makeTree({
      'openspec/schemas/b/schema.yaml': 'name: b',
      'openspec/schemas/a/schema.yaml': 'name: a',
      'openspec/schemas/c/templates': null,
    });
    expect(listProjectSchemas(root)).toEqual(['a', 'b']);
  });
});

describe('isSymlink and isRealDir', () => {
  it('look at the entry itself (lstat), never at what a link leads to', () => {
    const root = makeTree({ 'real/f.md': 'x' });
    symlinkSync(join(root, 'real'), join(root, 'link'));
    symlinkSync(join(root, 'gone'), join(root, 'dangling'));
    const at = (rel: string) => [isSymlink(join(root, rel)), isRealDir(join(root, rel))];
    expect(at('real')).toEqual([false, true]);
    expect(at('link')).toEqual([true, false]);
    expect(at('dangling')).toEqual([true, false]);
    expect(at('real/f.md')).toEqual([false, false]);
    expect(at('missing/deeper')).toEqual([false, false]);
    expect(at('real/f.md/below')).toEqual([false, false]);
  });
});

describe('a folder that cannot be listed', () => {
  it('is dir_unreadable as <path>: cannot be listed (<code>).', () => {
    const root = makeTree({ openspec: null });
    symlinkSync(join(root, 'openspec/changes'), join(root, 'openspec/changes'));
    expect(() => listActiveChanges(root)).toThrow(
      expect.objectContaining({
        code: 'dir_unreadable',
        message: 'openspec/changes: cannot be listed (ELOOP).',
      }),
    );
  });
});

describe('foldersEmptiedBy', () => {
  const S = 'openspec/specs';
  it('walks up from each removed file while a folder would hold nothing, deepest first', () => {
    const root = makeTree({
      [`${S}/id/spec.md`]: 'x',
      [`${S}/id/user-auth/spec.md`]: 'x',
      [`${S}/id/sessions/spec.md`]: 'x',
      [`${S}/other/spec.md`]: 'x',
    });
    const removed = [`${S}/id/spec.md`, `${S}/id/user-auth/spec.md`, `${S}/id/sessions/spec.md`];
    expect(foldersEmptiedBy(root, S, removed, [])).toEqual([
      { path: `${S}/id/sessions`, entries: ['spec.md'] },
      { path: `${S}/id/user-auth`, entries: ['spec.md'] },
      { path: `${S}/id`, entries: ['spec.md'] },
    ]);
    expect(foldersEmptiedBy(root, S, removed.slice(1), [])).toEqual([
      { path: `${S}/id/sessions`, entries: ['spec.md'] },
      { path: `${S}/id/user-auth`, entries: ['spec.md'] },
    ]);
    expect(foldersEmptiedBy(root, S, [`${S}/other/spec.md`], [])).toEqual([
      { path: `${S}/other`, entries: ['spec.md'] },
    ]);
  });

  it('keeps a folder that a write goes into, and never removes the base', () => {
    const root = makeTree({ [`${S}/id/user-auth/spec.md`]: 'x' });
    const removed = [`${S}/id/user-auth/spec.md`];
    expect(foldersEmptiedBy(root, S, removed, [`${S}/id/new/spec.md`])).toEqual([
      { path: `${S}/id/user-auth`, entries: ['spec.md'] },
    ]);
    expect(foldersEmptiedBy(root, S, removed, [`${S}/id/user-auth/spec.md`])).toEqual([]);
    expect(foldersEmptiedBy(root, `${S}/id`, removed, []).map((f) => f.path)).toEqual([`${S}/id/user-auth`]);
  });
});
