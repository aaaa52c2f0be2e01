import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { matchOutputs } from './change-outputs.ts';

const C = 'openspec/changes/c';

describe('matchOutputs', () => {
  it('matches a plain file name only when the file exists', () => {
    const root = makeTree({ [`${C}/proposal.md`]: '# P\n' });
    expect(matchOutputs(root, C, 'proposal.md')).toEqual([`${C}/proposal.md`]);
    expect(matchOutputs(root, C, 'design.md')).toEqual([]);
  });

  it('counts a glob done only when a matching file exists, not for empty or mismatching folders', () => {
    const root = makeTree({ [`${C}/specs/auth/notes.txt`]: 'x', [`${C}/specs/.hidden/spec.md`]: 'x' });
    mkdirSync(join(root, C, 'specs/empty.md'), { recursive: true });
    expect(matchOutputs(root, C, 'specs/**/*.md')).toEqual([]);
  });

  it('returns every match, sorted, at any depth', () => {
    const root = makeTree({
      [`${C}/specs/b/spec.md`]: 'x',
      [`${C}/specs/a/nested/spec.md`]: 'x',
      [`${C}/specs/a/spec.md`]: 'x',
    });
    expect(matchOutputs(root, C, 'specs/**/*.md')).toEqual([
      `${C}/specs/a/nested/spec.md`,
      `${C}/specs/a/spec.md`,
      `${C}/specs/b/spec.md`,
    ]);
  });

  it('does not count files reached through symlinks that leave the project', () => {
    const outside = makeTree({ 'spec.md': 'x', 'deep/spec.md': 'x' });
    const root = makeTree({ [`${C}/specs/.keep`]: '' });
    symlinkSync(join(outside, 'spec.md'), join(root, C, 'specs/leak.md'));
    symlinkSync(join(outside, 'deep'), join(root, C, 'specs/dir'));
    symlinkSync(join(outside, 'spec.md'), join(root, C, 'design.md'));
    expect(matchOutputs(root, C, 'specs/**/*.md')).toEqual([]);
    expect(matchOutputs(root, C, 'design.md')).toEqual([]);
  });
});
