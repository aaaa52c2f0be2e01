import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, snapshotTree } from '../../test/helpers/temp-tree.ts';
import { initProject } from './init.ts';

const SKELETON = [
  'openspec/',
  'openspec/specs/',
  'openspec/specs/.gitkeep',
  'openspec/changes/',
  'openspec/changes/archive/',
  'openspec/changes/archive/.gitkeep',
  'openspec/config.yaml',
];

describe('initProject', () => {
  it('creates the skeleton and a commented config', async () => {
    const dir = makeTree({});
    const result = await initProject({ cwd: dir });
    expect(result).toEqual({
      root: { path: dir, source: 'path' },
      createdDirectory: false,
      created: SKELETON,
      existing: [],
    });
    const config = readFileSync(join(dir, 'openspec/config.yaml'), 'utf8');
    expect(config).toMatch(/^schema: spec-driven$/m);
    expect(config).toMatch(/^# context: \|$/m);
    expect(config).toMatch(/^# rules:$/m);
    expect(config).toMatch(/^# language: /m);
  });

  it('is idempotent: a second run changes no byte', async () => {
    const dir = makeTree({});
    await initProject({ cwd: dir });
    const before = snapshotTree(dir);
    const again = await initProject({ cwd: dir });
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(SKELETON);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('never touches an existing config.yaml or config.yml', async () => {
    const dir = makeTree({ 'openspec/config.yml': 'schema: mine\n' });
    const result = await initProject({ cwd: dir });
    expect(result.existing).toEqual(['openspec/', 'openspec/config.yml']);
    expect(snapshotTree(dir)['openspec/config.yaml']).toBeUndefined();
    const other = makeTree({ 'openspec/config.yaml': '# mine\n' });
    await initProject({ cwd: other });
    expect(readFileSync(join(other, 'openspec/config.yaml'), 'utf8')).toBe('# mine\n');
  });

  it('creates a missing target directory, relative to cwd', async () => {
    const dir = makeTree({});
    const result = await initProject({ cwd: dir, path: 'new/project' });
    expect(result.root.path).toBe(join(dir, 'new/project'));
    expect(result.createdDirectory).toBe(true);
    expect(snapshotTree(dir)['new/project/openspec/changes/archive/.gitkeep']).toBeDefined();
  });

  it('fails on a file target and on a wrongly typed item, creating nothing', async () => {
    const dir = makeTree({ 'file.txt': 'x', 'p/openspec/specs': 'not a dir' });
    await expect(initProject({ cwd: dir, path: 'file.txt' })).rejects.toMatchObject({
      code: 'init_target_not_directory',
    });
    const before = snapshotTree(dir);
    await expect(initProject({ cwd: dir, path: 'p' })).rejects.toMatchObject({
      code: 'init_path_conflict',
      message: 'openspec/specs exists but is not a directory.',
    });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps existing content and only adds what is missing', async () => {
    const dir = makeTree({ 'openspec/specs/auth/spec.md': '# auth\n' });
    writeFileSync(join(dir, 'openspec/specs/.gitkeep'), 'kept');
    const result = await initProject({ cwd: dir });
    expect(result.existing).toEqual(['openspec/', 'openspec/specs/', 'openspec/specs/.gitkeep']);
    expect(readFileSync(join(dir, 'openspec/specs/.gitkeep'), 'utf8')).toBe('kept');
  });
});
