import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { allChangesStatus, changeStatus } from './status.ts';

const env = { XDG_DATA_HOME: '/nonexistent-specwright-data' };
const C = 'openspec/changes/add-auth';

const PROPOSAL = '# Add auth\n\n## Why\nUsers need accounts.\n\n## What Changes\n- Login\n';
const DELTA = `## ADDED Requirements

### Requirement: Login
The system SHALL let a registered user sign in with a password.

#### Scenario: Valid password
- **WHEN** a user submits the right password
- **THEN** a session starts
`;

function project(files: Record<string, string>): string {
  return makeTree({
    'openspec/config.yaml': 'schema: spec-driven\n',
    'openspec/specs/.gitkeep': '',
    [`${C}/.openspec.yaml`]: 'schema: spec-driven\ncreated: 2026-01-01\n',
    ...files,
  });
}

const RESEARCH_SCHEMA = `name: research
version: 1
artifacts:
  - { id: proposal, generates: proposal.md, description: Why, template: proposal.md }
  - { id: research, generates: research.md, description: Findings, template: research.md, requires: [proposal] }
  - { id: specs, generates: "specs/**/*.md", description: Deltas, template: spec.md, requires: [proposal] }
  - { id: design, generates: design.md, description: How, template: design.md, requires: [proposal, research] }
  - { id: tasks, generates: tasks.md, description: Steps, template: tasks.md, requires: [specs, design] }
apply: { requires: [tasks], tracks: tasks.md }
`;

const researchFiles = Object.fromEntries(
  ['proposal', 'research', 'spec', 'design', 'tasks'].map((t) => [
    `openspec/schemas/research/templates/${t}.md`,
    `# ${t}\n`,
  ]),
);

describe('changeStatus', () => {
  it('reports artifacts, next step, tasks and why the change cannot be archived', async () => {
    const root = project({ [`${C}/proposal.md`]: PROPOSAL });
    const s = await changeStatus({ cwd: root, env, change: 'add-auth' });
    expect(s.artifacts.map((a) => [a.id, a.status])).toEqual([
      ['proposal', 'done'],
      ['specs', 'ready'],
      ['design', 'ready'],
      ['tasks', 'blocked'],
    ]);
    expect(s).toMatchObject({
      next: 'specs',
      nextCommand: 'specwright instructions specs --change add-auth',
      progress: { done: 1, skipped: 0, total: 4 },
      tasks: { tracks: 'tasks.md', files: [], done: 0, total: 0 },
      readyToApply: false,
      readyToArchive: false,
      schema: {
        name: 'spec-driven',
        selectedBy: 'change',
        selectedIn: `${C}/.openspec.yaml`,
        source: 'package',
      },
    });
    expect(s.archiveBlockers[0]).toBe('Artifacts not written yet: specs, design, tasks.');
  });

  it('is ready to archive only when artifacts, tasks and validation all agree', async () => {
    const files = {
      [`${C}/proposal.md`]: PROPOSAL,
      [`${C}/specs/auth/spec.md`]: `## Purpose\nAccounts and sign-in for the web application and its API.\n\n${DELTA}`,
      [`${C}/design.md`]: '## Context\nSmall.\n',
      [`${C}/tasks.md`]: '## 1. Build\n\n- [x] 1.1 Add login\n- [ ] 1.2 Add tests\n',
    };
    const open = await changeStatus({ cwd: project(files), env, change: 'add-auth' });
    expect(open).toMatchObject({ readyToApply: true, readyToArchive: false, tasks: { done: 1, total: 2 } });
    expect(open.nextCommand).toBe('specwright instructions apply --change add-auth');
    const done = { ...files, [`${C}/tasks.md`]: '## 1. Build\n\n- [x] 1.1 Add login\n- [x] 1.2 Add tests\n' };
    const ready = await changeStatus({ cwd: project(done), env, change: 'add-auth' });
    expect(ready).toMatchObject({
      readyToArchive: true,
      archiveBlockers: [],
      nextCommand: 'specwright archive add-auth',
    });
    const broken = {
      ...done,
      [`${C}/specs/auth/spec.md`]: '## ADDED Requirements\n\n### Requirement: Login\nNo keyword.\n',
    };
    const invalid = await changeStatus({ cwd: project(broken), env, change: 'add-auth' });
    expect(invalid.readyToArchive).toBe(false);
    expect(invalid.validation.errors).toBeGreaterThan(0);
    expect(invalid.nextCommand).toBe('specwright validate add-auth');
  });

  it('follows the change metadata when its schema is switched mid-way', async () => {
    const files = {
      ...researchFiles,
      'openspec/schemas/research/schema.yaml': RESEARCH_SCHEMA,
      [`${C}/proposal.md`]: PROPOSAL,
      [`${C}/design.md`]: '## Context\n',
    };
    const root = project(files);
    const before = await changeStatus({ cwd: root, env, change: 'add-auth' });
    expect(before.artifacts.map((a) => a.id)).toEqual(['proposal', 'specs', 'design', 'tasks']);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/${C}/.openspec.yaml`, 'schema: research\n');
    const after = await changeStatus({ cwd: root, env, change: 'add-auth' });
    expect(after.schema).toMatchObject({
      name: 'research',
      source: 'project',
      path: 'openspec/schemas/research',
    });
    expect(after.artifacts.map((a) => [a.id, a.status])).toEqual([
      ['proposal', 'done'],
      ['research', 'ready'],
      ['specs', 'ready'],
      ['design', 'done'],
      ['tasks', 'blocked'],
    ]);
    expect(after.next).toBe('research');
  });

  it('skips spec artifacts of a skip_specs change', async () => {
    const root = project({
      [`${C}/.openspec.yaml`]: 'schema: spec-driven\nskip_specs: true\n',
      [`${C}/proposal.md`]: PROPOSAL,
    });
    const s = await changeStatus({ cwd: root, env, change: 'add-auth' });
    expect(s.artifacts[1]).toMatchObject({ id: 'specs', status: 'skipped' });
    expect(s.progress).toEqual({ done: 1, skipped: 1, total: 4 });
  });

  it('fails with close names for an unknown change and a located error for broken metadata', async () => {
    const root = project({});
    await expect(changeStatus({ cwd: root, env, change: 'add-aut' })).rejects.toThrow(
      /Did you mean: add-auth/,
    );
    const bad = project({ [`${C}/.openspec.yaml`]: 'schema: [\n' });
    await expect(changeStatus({ cwd: bad, env, change: 'add-auth' })).rejects.toMatchObject({
      code: 'change_metadata_invalid',
    });
    const unknown = project({ [`${C}/.openspec.yaml`]: 'schema: spec-drivn\n' });
    await expect(changeStatus({ cwd: unknown, env, change: 'add-auth' })).rejects.toMatchObject({
      code: 'unknown_schema',
      fix: 'Did you mean: spec-driven?',
    });
  });

  it('fails on malformed config.yaml with one located line', async () => {
    const root = project({ 'openspec/config.yaml': 'schema: spec-driven\nrules: [\n' });
    await expect(changeStatus({ cwd: root, env, change: 'add-auth' })).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/^openspec\/config\.yaml:\d+: [^\n]+$/),
    });
  });
});

describe('allChangesStatus', () => {
  it('is empty, not an error, without active changes', async () => {
    const root = makeTree({ 'openspec/changes/archive/.gitkeep': '' });
    expect((await allChangesStatus({ cwd: root, env })).changes).toEqual([]);
  });

  it('fails once on a malformed config.yaml instead of reporting it in every row', async () => {
    const root = project({ 'openspec/config.yaml': 'plan:\n  weights: [\n' });
    await expect(allChangesStatus({ cwd: root, env })).rejects.toMatchObject({ code: 'config_invalid' });
  });

  it('reports a broken change in place instead of failing the run', async () => {
    const root = project({ 'openspec/changes/zz-broken/.openspec.yaml': 'schema: nope\n' });
    const { changes } = await allChangesStatus({ cwd: root, env });
    expect(changes.map((c) => c.change)).toEqual(['add-auth', 'zz-broken']);
    expect(changes[1]).toMatchObject({ error: { code: 'unknown_schema' } });
  });
});
