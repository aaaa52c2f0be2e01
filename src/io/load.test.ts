import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { listChangeFolder, listDeltaFiles, loadChangeInput } from './load.ts';

const CHANGE = 'openspec/changes/c';
const META = `${CHANGE}/.openspec.yaml`;
const FLAGS = { skipSpecs: false, retireCapabilities: false };

describe('listChangeFolder', () => {
  it('reads the files that are there and gives undefined for the others, also in subfolders', () => {
    const root = makeTree({
      [META]: 'schema: spec-driven\n',
      [`${CHANGE}/tasks.md`]: '- [ ] 1.1 Do it\n',
      [`${CHANGE}/research/decomposition.md`]: '# Decomposition\n',
    });
    const folder = listChangeFolder(root, CHANGE);
    expect(folder.read(`${CHANGE}/tasks.md`)).toBe('- [ ] 1.1 Do it\n');
    expect(folder.read(`${CHANGE}/design.md`)).toBeUndefined();
    expect(folder.read(`${CHANGE}/research/decomposition.md`)).toBe('# Decomposition\n');
    expect(folder.read(`${CHANGE}/research/other.md`)).toBeUndefined();
    expect(folder.read(`${CHANGE}/notes/other.md`)).toBeUndefined();
    expect(folder.hasSpecs).toBe(false);
  });

  it('answers from its listing: a file added after the folder was listed is not there for it', () => {
    const root = makeTree({ [META]: 'schema: spec-driven\n' });
    const folder = listChangeFolder(root, CHANGE);
    writeFileSync(join(root, CHANGE, 'design.md'), '# Design\n');
    expect(folder.read(`${CHANGE}/design.md`)).toBeUndefined();
    expect(listChangeFolder(root, CHANGE).read(`${CHANGE}/design.md`)).toBe('# Design\n');
  });

  it('reads the metadata once for the run', () => {
    const root = makeTree({ [META]: 'schema: spec-driven\n' });
    const folder = listChangeFolder(root, CHANGE);
    expect(folder.metadata()).toBe('schema: spec-driven\n');
    writeFileSync(join(root, META), 'schema: other\n');
    expect(folder.metadata()).toBe('schema: spec-driven\n');
    expect(listChangeFolder(root, CHANGE).metadata()).toBe('schema: other\n');
  });

  it('follows a symlinked file only inside the project', () => {
    const root = makeTree({ [META]: 'schema: spec-driven\n', 'notes/tasks.md': '- [x] 1.1 Done\n' });
    symlinkSync(join(root, 'notes/tasks.md'), join(root, CHANGE, 'tasks.md'));
    const outside = makeTree({});
    writeFileSync(join(outside, 'design.md'), '# Design\n');
    symlinkSync(join(outside, 'design.md'), join(root, CHANGE, 'design.md'));
    const folder = listChangeFolder(root, CHANGE);
    expect(folder.read(`${CHANGE}/tasks.md`)).toBe('- [x] 1.1 Done\n');
    expect(() => folder.read(`${CHANGE}/design.md`)).toThrow(
      expect.objectContaining({ code: 'path_outside_root' }),
    );
  });

  it('reads delta files of a symlinked specs folder with the full check', () => {
    const root = makeTree({ [META]: 'schema: spec-driven\n' });
    const outside = makeTree({});
    writeFileSync(join(outside, 'spec.md'), '## ADDED Requirements\n');
    symlinkSync(outside, join(root, CHANGE, 'specs'));
    const folder = listChangeFolder(root, CHANGE);
    expect(folder.specsTree).toBe(`${CHANGE}/specs`);
    expect(folder.hasSpecs).toBe(true);
    const files = listDeltaFiles(root, CHANGE);
    expect(files.length).toBeGreaterThan(0);
    expect(() => loadChangeInput(root, 'c', CHANGE, FLAGS, undefined, files, folder)).toThrow(
      expect.objectContaining({ code: 'path_outside_root' }),
    );
  });

  it('reads delta files of a real specs folder', () => {
    const delta = '## ADDED Requirements\n\n### Requirement: A\nIt SHALL work.\n';
    const root = makeTree({ [META]: 'schema: spec-driven\n', [`${CHANGE}/specs/auth/spec.md`]: delta });
    const folder = listChangeFolder(root, CHANGE);
    expect(folder.specsTree).toBe('openspec/changes');
    const input = loadChangeInput(root, 'c', CHANGE, FLAGS, undefined, listDeltaFiles(root, CHANGE), folder);
    expect(input.deltaFiles).toEqual([
      { capability: 'auth', file: `${CHANGE}/specs/auth/spec.md`, text: delta },
    ]);
  });
});
