import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { applyInstructions, artifactInstructions } from './instructions.ts';

const env = { XDG_DATA_HOME: '/nonexistent-specwright-data' };
const C = 'openspec/changes/add-auth';
const CONFIG = `schema: spec-driven
context: |
  Stack: TypeScript on Node 24.
rules:
  design:
    - Name every new dependency.
  desing:
    - typo
language: Deutsch
`;

function project(files: Record<string, string> = {}): string {
  return makeTree({
    'openspec/config.yaml': CONFIG,
    [`${C}/.openspec.yaml`]: 'schema: spec-driven\n',
    [`${C}/proposal.md`]: '# Add auth\n\n## Why\nAccounts.\n',
    ...files,
  });
}

describe('artifactInstructions', () => {
  it('gives paths, template, instruction, context, rules for this artifact, language and unlocks', async () => {
    const root = project();
    const { instructions: i } = await artifactInstructions({
      cwd: root,
      env,
      change: 'add-auth',
      artifact: 'design',
      inline: false,
    });
    expect(i).toMatchObject({
      change: 'add-auth',
      schema: { name: 'spec-driven', selectedBy: 'change', source: 'package' },
      artifact: 'design',
      status: 'ready',
      output: {
        path: `${C}/design.md`,
        absolutePath: join(root, C, 'design.md'),
        isGlob: false,
        existing: [],
      },
      context: 'Stack: TypeScript on Node 24.',
      rules: ['Name every new dependency.'],
      language: 'Deutsch',
      unlocks: ['tasks'],
      dependencies: [
        {
          id: 'proposal',
          status: 'done',
          path: `${C}/proposal.md`,
          files: [`${C}/proposal.md`],
          contents: null,
        },
      ],
    });
    expect(i.template.content).toContain('## Decisions');
    expect(i.instruction).toContain('Risks / Trade-offs');
    expect(i.warnings).toEqual([
      expect.stringContaining('openspec/config.yaml: rules.desing names no artifact of any available schema'),
    ]);
  });

  it('pastes dependency contents only with inline', async () => {
    const root = project();
    const { instructions: i } = await artifactInstructions({
      cwd: root,
      env,
      change: 'add-auth',
      artifact: 'specs',
      inline: true,
    });
    expect(i.output).toMatchObject({ path: `${C}/specs/**/*.md`, isGlob: true });
    expect(i.dependencies[0]?.contents).toEqual([
      { path: `${C}/proposal.md`, text: '# Add auth\n\n## Why\nAccounts.\n' },
    ]);
  });

  it('rejects an unknown artifact with the valid ids and a suggestion', async () => {
    await expect(
      artifactInstructions({ cwd: project(), env, change: 'add-auth', artifact: 'desgn', inline: false }),
    ).rejects.toMatchObject({ code: 'unknown_artifact', fix: 'Did you mean: design?' });
  });
});

describe('applyInstructions', () => {
  it('is blocked until tasks.md exists, naming what is missing', async () => {
    const { instructions: i } = await applyInstructions({ cwd: project(), env, change: 'add-auth' });
    expect(i).toMatchObject({
      state: 'blocked',
      missingArtifacts: ['specs', 'design', 'tasks'],
      tasks: [],
      pending: [],
    });
  });

  it('lists tasks with state and line, the pending ones, progress and context files', async () => {
    const root = project({
      [`${C}/specs/auth/spec.md`]: '## ADDED Requirements\n',
      [`${C}/design.md`]: '## Context\n',
      [`${C}/tasks.md`]: '## 1. Build\n\n- [x] 1.1 Add login\n- [ ] 1.2 Add tests\n',
    });
    const { instructions: i } = await applyInstructions({ cwd: root, env, change: 'add-auth' });
    expect(i).toMatchObject({
      state: 'ready',
      tracks: 'tasks.md',
      progress: { done: 1, total: 2, remaining: 1 },
      pending: [{ id: '1.2', text: 'Add tests', done: false, file: `${C}/tasks.md`, line: 4 }],
      context: 'Stack: TypeScript on Node 24.',
      language: 'Deutsch',
    });
    expect(i.tasks).toHaveLength(2);
    expect(i.contextFiles.map((f) => f.artifact)).toEqual(['proposal', 'specs', 'design', 'tasks']);
    expect(i.instruction).toContain('one task at a time');
  });

  it('is all_done when every task is ticked', async () => {
    const root = project({
      [`${C}/specs/auth/spec.md`]: 'x',
      [`${C}/design.md`]: 'x',
      [`${C}/tasks.md`]: '## 1. Build\n\n- [x] 1.1 Add login\n',
    });
    expect((await applyInstructions({ cwd: root, env, change: 'add-auth' })).instructions.state).toBe(
      'all_done',
    );
  });
});
