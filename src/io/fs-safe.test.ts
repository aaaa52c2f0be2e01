import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { CliError } from '../domain/errors.ts';
import { readTextFile, readTextFileIfExists, resolveInsideRoot } from './fs-safe.ts';

function errorOf(fn: () => unknown): CliError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('resolveInsideRoot', () => {
  it('accepts paths inside the root, existing or not', () => {
    const root = makeTree({ 'openspec/specs/a/spec.md': 'x' });
    expect(resolveInsideRoot(root, 'openspec/specs/a/spec.md')).toBe(join(root, 'openspec/specs/a/spec.md'));
    expect(resolveInsideRoot(root, 'openspec/changes/new/deep/file.md')).toBe(
      join(root, 'openspec/changes/new/deep/file.md'),
    );
    expect(resolveInsideRoot(root, join(root, 'x'))).toBe(join(root, 'x'));
  });

  it.each(['../x', 'openspec/../../x', '/etc/passwd'])('refuses %s lexically', (target) => {
    const root = makeTree({});
    expect(errorOf(() => resolveInsideRoot(root, target))).toMatchObject({
      code: 'path_outside_root',
      message: `Path is outside the allowed directory: ${target}`,
    });
  });

  it('refuses a path through a symlinked directory that leaves the root', () => {
    const outside = makeTree({});
    const root = makeTree({ 'openspec/specs': null });
    symlinkSync(outside, join(root, 'openspec/changes'));
    expect(errorOf(() => resolveInsideRoot(root, 'openspec/changes/x/.openspec.yaml')).code).toBe(
      'path_outside_root',
    );
  });

  it('accepts a symlink that stays inside, and a root reached through a symlink', () => {
    const root = makeTree({ 'real/a.md': 'a' });
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    expect(resolveInsideRoot(root, 'alias/a.md')).toBe(join(root, 'alias/a.md'));
    const parent = makeTree({});
    symlinkSync(root, join(parent, 'link'));
    expect(resolveInsideRoot(join(parent, 'link'), 'real/a.md')).toBe(join(parent, 'link/real/a.md'));
  });
});

describe('readTextFile', () => {
  it('returns the text, keeping a BOM and CRLF', () => {
    const root = makeTree({ 'a.md': '\uFEFF# T\r\n' });
    expect(readTextFile(root, 'a.md')).toBe('\uFEFF# T\r\n');
  });

  it('reads files of every size one after another, each exactly (reads share a buffer)', () => {
    const sizes = [5, 70_000, 3, 200_000, 0, 2_000_000, 10, 65_536, 131_073, 7];
    const texts = sizes.map((n, i) => 'é€x\n'.repeat(n).slice(0, n) + String(i));
    const root = makeTree(Object.fromEntries(texts.map((t, i) => [`f${i}.md`, t])));
    for (let round = 0; round < 2; round++)
      texts.forEach((t, i) => {
        expect(readTextFile(root, `f${i}.md`)).toBe(t);
      });
    // An invalid file read after larger valid ones is located in its own bytes.
    writeFileSync(join(root, 'bad.md'), Buffer.concat([Buffer.from('a\nb'), Buffer.from([0xff])]));
    expect(errorOf(() => readTextFile(root, 'bad.md')).message).toBe('bad.md:2: invalid UTF-8 at byte 3.');
    expect(readTextFile(root, 'f0.md')).toBe(texts[0]);
  });

  it('names the file, line and byte offset of invalid UTF-8', () => {
    const root = makeTree({
      'd/bad.md': Buffer.concat([Buffer.from('ok\nstill ok\nbad '), Buffer.from([0xc3, 0x28])]),
    });
    const e = errorOf(() => readTextFile(root, 'd/bad.md'));
    expect(e.code).toBe('file_not_utf8');
    expect(e.message).toBe('d/bad.md:3: invalid UTF-8 at byte 16.');
  });

  it('refuses files over 10 MB in one line', () => {
    const root = makeTree({});
    writeFileSync(join(root, 'big.md'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    const e = errorOf(() => readTextFile(root, 'big.md'));
    expect(e.code).toBe('file_too_large');
    expect(e.message).toBe('big.md: too large (10.0 MB); files over 10 MB are refused.');
  });

  it('refuses a symlinked file pointing outside the root', () => {
    const outside = makeTree({ 'secret.md': 's' });
    const root = makeTree({});
    symlinkSync(join(outside, 'secret.md'), join(root, 'spec.md'));
    expect(errorOf(() => readTextFile(root, 'spec.md')).code).toBe('path_outside_root');
  });

  it('follows a symlinked file or folder that stays inside the root', () => {
    const root = makeTree({ 'real/a.md': 'inside' });
    symlinkSync(join(root, 'real/a.md'), join(root, 'link.md'));
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    expect(readTextFile(root, 'link.md')).toBe('inside');
    expect(readTextFile(root, 'alias/a.md')).toBe('inside');
    expect(readTextFileIfExists(root, 'alias/missing.md')).toBeUndefined();
  });

  it('treats a dangling symlink as a missing file', () => {
    const root = makeTree({});
    symlinkSync(join(root, 'gone.md'), join(root, 'dangling.md'));
    expect(readTextFileIfExists(root, 'dangling.md')).toBeUndefined();
    expect(errorOf(() => readTextFile(root, 'dangling.md')).code).toBe('file_not_found');
  });

  it('refuses files, present or missing, behind a symlinked folder that leaves the root', () => {
    const outside = makeTree({ 'x/tasks.md': 'secret' });
    const root = makeTree({ 'openspec/specs': null });
    symlinkSync(outside, join(root, 'openspec/changes'));
    // Read twice: the second read goes through the cached real path of the folder.
    for (let i = 0; i < 2; i++) {
      expect(errorOf(() => readTextFileIfExists(root, 'openspec/changes/x/tasks.md')).code).toBe(
        'path_outside_root',
      );
      expect(errorOf(() => readTextFileIfExists(root, 'openspec/changes/x/design.md')).code).toBe(
        'path_outside_root',
      );
      expect(errorOf(() => readTextFileIfExists(root, 'openspec/changes/y/z/a.md')).code).toBe(
        'path_outside_root',
      );
    }
  });

  it('reports missing and unreadable files', () => {
    const root = makeTree({});
    mkdirSync(join(root, 'dir.md'));
    expect(errorOf(() => readTextFile(root, 'nope.md'))).toMatchObject({ code: 'file_not_found' });
    expect(errorOf(() => readTextFile(root, 'dir.md'))).toMatchObject({ code: 'file_unreadable' });
    expect(readTextFileIfExists(root, 'nope.md')).toBeUndefined();
  });
});
