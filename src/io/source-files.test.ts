import { describe, expect, it } from 'vitest';
import { commitAll, initRepo } from '../../test/helpers/git-repo.ts';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { listSourceFiles, readScannable } from './source-files.ts';

const TREE = {
  '.gitignore': 'build/\n',
  'build/gen.test.js': '// @spec a#B\n',
  'node_modules/x/index.js': '// @spec a#B\n',
  '.hidden/a.ts': 'x',
  'docs/guide.md': '// @spec a#B\n',
  'openspec/specs/a/spec.md': '# a\n',
  'src/a.ts': '// @spec a#B\n',
  'src/b.bin': Buffer.from([0x40, 0x73, 0x70, 0x65, 0x63, 0x00, 0x01]),
  'test/a.test.ts': "it('a#B')\n",
  'test/fixtures/x.ts': '// @spec a#B\n',
};

describe('listSourceFiles', () => {
  it('lists what git lists (ignored files left out), without openspec/ and Markdown', async () => {
    const dir = makeTree(TREE);
    initRepo(dir);
    commitAll(dir, 'one');
    const s = await listSourceFiles(dir);
    expect(s.listedBy).toBe('git');
    expect(s.files).toEqual([
      '.gitignore',
      '.hidden/a.ts',
      'node_modules/x/index.js',
      'src/a.ts',
      'src/b.bin',
      'test/a.test.ts',
      'test/fixtures/x.ts',
    ]);
    expect(s.files.filter(s.isTest)).toEqual(['test/a.test.ts', 'test/fixtures/x.ts']);
  });

  it('walks the tree outside git, skipping dot entries and node_modules', async () => {
    const dir = makeTree(TREE);
    const s = await listSourceFiles(dir);
    expect(s.listedBy).toBe('walk');
    expect(s.files).toEqual([
      'build/gen.test.js',
      'src/a.ts',
      'src/b.bin',
      'test/a.test.ts',
      'test/fixtures/x.ts',
    ]);
  });

  it('applies include, exclude and tests globs from trace config', async () => {
    const dir = makeTree(TREE);
    initRepo(dir);
    const s = await listSourceFiles(dir, {
      include: ['src/**', 'test/**', 'docs/**'],
      exclude: ['test/fixtures/**'],
      tests: ['test/**/*.test.ts'],
    });
    expect(s.files).toEqual(['docs/guide.md', 'src/a.ts', 'src/b.bin', 'test/a.test.ts']);
    expect(s.files.filter(s.isTest)).toEqual(['test/a.test.ts']);
    const ex = await listSourceFiles(dir, { exclude: ['test/**'] });
    expect(ex.files).toEqual([
      '.gitignore',
      '.hidden/a.ts',
      'docs/guide.md',
      'node_modules/x/index.js',
      'src/a.ts',
      'src/b.bin',
    ]);
  });
});

describe('readScannable', () => {
  it('returns text only for files that may hold a reference', () => {
    const dir = makeTree(TREE);
    expect(readScannable(dir, 'src/a.ts', false)).toBe('// @spec a#B\n');
    expect(readScannable(dir, 'src/b.bin', false)).toBeUndefined();
    expect(readScannable(dir, 'test/a.test.ts', true)).toBe("it('a#B')\n");
    expect(readScannable(dir, 'test/a.test.ts', false)).toBeUndefined();
    expect(readScannable(dir, 'missing.ts', false)).toBeUndefined();
  });
});
