import { describe, expect, it } from 'vitest';
import { planArtifactInstructions, unknownRuleKeys } from './instructions.ts';
import type { WorkflowSchema } from './schema.ts';
import { computeWorkflowStatus } from './status.ts';

const SCHEMA: WorkflowSchema = {
  name: 'flow',
  version: 1,
  artifacts: [
    { id: 'proposal', generates: 'proposal.md', description: 'Why', template: 'proposal.md', requires: [] },
    {
      id: 'specs',
      generates: 'specs/**/*.md',
      description: 'Deltas',
      template: 'spec.md',
      instruction: '  One file per capability.\n',
      requires: ['proposal'],
    },
    { id: 'tasks', generates: 'tasks.md', description: 'Steps', template: 'tasks.md', requires: ['specs'] },
  ],
};

const CHANGE = 'openspec/changes/c';

describe('planArtifactInstructions', () => {
  const status = computeWorkflowStatus(SCHEMA, new Map([['proposal', [`${CHANGE}/proposal.md`]]]), {
    skipSpecs: false,
  });

  it('gives the output path, dependencies as paths, unlocks, and the config for this artifact only', () => {
    const plan = planArtifactInstructions(SCHEMA, status, 'specs', CHANGE, {
      context: '  Stack: TypeScript\n',
      rules: { specs: ['Use RFC 2119 keywords'], tasks: ['Small tasks'] },
      language: 'Français',
    });
    expect(plan).toEqual({
      artifact: 'specs',
      description: 'Deltas',
      status: 'ready',
      outputPath: `${CHANGE}/specs/**/*.md`,
      isGlob: true,
      existing: [],
      instruction: 'One file per capability.',
      context: 'Stack: TypeScript',
      rules: ['Use RFC 2119 keywords'],
      language: 'Français',
      dependencies: [
        { id: 'proposal', status: 'done', path: `${CHANGE}/proposal.md`, files: [`${CHANGE}/proposal.md`] },
      ],
      unlocks: ['tasks'],
      missingDeps: [],
      template: 'spec.md',
      warnings: [],
    });
  });

  it('warns when the artifact is blocked, and reports absent config as null and empty', () => {
    const plan = planArtifactInstructions(SCHEMA, status, 'tasks', CHANGE, { context: '   ' });
    expect(plan).toMatchObject({
      status: 'blocked',
      missingDeps: ['specs'],
      context: null,
      rules: [],
      language: null,
    });
    expect(plan.warnings[0]).toContain("'tasks' is blocked: it requires specs");
  });
});

describe('unknownRuleKeys', () => {
  it('names rule keys that match no known artifact', () => {
    expect(unknownRuleKeys({ proposal: [], desing: [] }, new Set(['proposal', 'design']))).toEqual([
      'desing',
    ]);
  });
});
