import { describe, expect, it } from 'vitest';
import { linkedFolderMessage } from './linked-folder.ts';

describe('linkedFolderMessage', () => {
  it('names the link and what not following it means, in one sentence', () => {
    expect(linkedFolderMessage('openspec/changes/c/specs/billing', 'its deltas would never be merged')).toBe(
      'openspec/changes/c/specs/billing is a symbolic link to a folder; linked folders are never followed, so its deltas would never be merged.',
    );
  });
});
