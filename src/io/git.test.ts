import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepo } from '../../test/helpers/git-repo.ts';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import {
  changedSince,
  codeState,
  commitBefore,
  commitsSince,
  headCommit,
  isGitWorkTree,
  listRepositoryFiles,
  resolveCommit,
} from './git.ts';

function repo() {
  const dir = makeTree({
    '.gitignore': 'dist/\n',
    'src/a.ts': 'a\n',
    'src/b.ts': 'b\n',
    'dist/out.js': 'built\n',
    'openspec/specs/x/spec.md': '# x\n',
  });
  initRepo(dir);
  return dir;
}

describe('git wrapper', () => {
  it('knows when there is no repository or no commit', async () => {
    const plain = makeTree({ 'a.txt': 'x' });
    expect(await isGitWorkTree(plain)).toBe(false);
    expect(await headCommit(plain)).toBeUndefined();
    expect(await listRepositoryFiles(plain)).toBeUndefined();
    expect(await codeState(plain, 'openspec')).toBeUndefined();
    const dir = repo();
    expect(await isGitWorkTree(dir)).toBe(true);
    expect(await headCommit(dir)).toBeUndefined();
  });

  it('lists tracked and untracked files, .gitignore respected, relative to a subfolder', async () => {
    const dir = repo();
    commitAll(dir, 'one');
    writeFileSync(join(dir, 'src/new.ts'), 'n\n');
    expect(await listRepositoryFiles(dir)).toEqual([
      '.gitignore',
      'openspec/specs/x/spec.md',
      'src/a.ts',
      'src/b.ts',
      'src/new.ts',
    ]);
    expect(await listRepositoryFiles(join(dir, 'src'))).toEqual(['a.ts', 'b.ts', 'new.ts']);
  });

  it('lists the files changed since a commit, committed or not', async () => {
    const dir = repo();
    const first = commitAll(dir, 'one');
    git(dir, 'mv', 'src/b.ts', 'src/c.ts');
    writeFileSync(join(dir, 'src/a.ts'), 'changed\n');
    commitAll(dir, 'two');
    writeFileSync(join(dir, 'src/d.ts'), 'untracked\n');
    expect(await changedSince(dir, first)).toEqual([
      { path: 'src/a.ts', status: 'modified' },
      { path: 'src/c.ts', status: 'renamed', from: 'src/b.ts' },
      { path: 'src/d.ts', status: 'untracked' },
    ]);
    expect(await changedSince(dir, 'no-such-commit')).toBeUndefined();
    expect(await resolveCommit(dir, '--help')).toBeUndefined();
    expect(await commitsSince(dir, first)).toBe(1);
  });

  it('finds the commit before the first one touching a path', async () => {
    const dir = repo();
    const first = commitAll(dir, 'one');
    writeFileSync(join(dir, 'src/later.ts'), 'x\n');
    commitAll(dir, 'two');
    expect(await commitBefore(dir, 'src/later.ts')).toBe(first);
    expect(await commitBefore(dir, 'src/a.ts')).toBe(first);
    expect(await commitBefore(dir, 'nothing')).toBeUndefined();
  });

  it('fingerprints the code outside the excluded folder', async () => {
    const dir = repo();
    const before = await codeState(dir, 'openspec');
    expect(before).toMatchObject({ commit: null, dirty: true });
    const commit = commitAll(dir, 'one');
    const clean = await codeState(dir, 'openspec');
    expect(clean).toMatchObject({ commit, dirty: false });
    writeFileSync(join(dir, 'openspec/specs/x/spec.md'), '# changed\n');
    writeFileSync(join(dir, 'dist/out.js'), 'rebuilt\n');
    expect((await codeState(dir, 'openspec'))?.fingerprint).toBe(clean?.fingerprint);
    writeFileSync(join(dir, 'src/a.ts'), 'edited\n');
    const edited = await codeState(dir, 'openspec');
    expect(edited?.fingerprint).not.toBe(clean?.fingerprint);
    writeFileSync(join(dir, 'src/a.ts'), 'a\n');
    writeFileSync(join(dir, 'src/untracked.ts'), 'u\n');
    const untracked = await codeState(dir, 'openspec');
    expect(untracked?.dirty).toBe(true);
    writeFileSync(join(dir, 'src/untracked.ts'), 'u2\n');
    expect((await codeState(dir, 'openspec'))?.fingerprint).not.toBe(untracked?.fingerprint);
  });
});
