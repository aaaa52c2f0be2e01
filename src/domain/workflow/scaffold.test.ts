import { describe, expect, it } from 'vitest';
import { planSchemaSubset } from './scaffold.ts';
import type { WorkflowSchema } from './schema.ts';

const art = (id: string, generates: string, requires: string[] = []) => ({
  id,
  generates,
  description: id,
  template: `${id}.md`,
  requires,
});

const BASE: WorkflowSchema = {
  name: 'spec-driven',
  version: 1,
  artifacts: [
    art('proposal', 'proposal.md'),
    art('specs', 'specs/**/*.md', ['proposal']),
    art('design', 'design.md', ['proposal']),
    art('tasks', 'tasks.md', ['specs', 'design']),
  ],
  apply: { requires: ['tasks'], tracks: 'tasks.md', instruction: 'Go.' },
};

describe('planSchemaSubset', () => {
  it('keeps everything when all artifacts are chosen', () => {
    const s = planSchemaSubset(BASE, 'mine', ['proposal', 'specs', 'design', 'tasks'], 'Mine');
    expect(s).toEqual({ ...BASE, name: 'mine', description: 'Mine' });
  });

  it('rewires requirements around left-out artifacts', () => {
    const s = planSchemaSubset(BASE, 'lean', ['proposal', 'tasks']);
    expect(s.artifacts.map((a) => [a.id, a.requires])).toEqual([
      ['proposal', []],
      ['tasks', ['proposal']],
    ]);
    expect(s.apply).toEqual({ requires: ['tasks'], tracks: 'tasks.md', instruction: 'Go.' });
    expect(s.description).toBe('Custom workflow: proposal → tasks');
  });

  it('rewires apply too, and drops tracks when the tracked artifact is left out', () => {
    const s = planSchemaSubset(BASE, 'docs', ['proposal', 'design']);
    expect(s.apply).toMatchObject({ requires: ['proposal', 'design'], tracks: null });
  });
});
