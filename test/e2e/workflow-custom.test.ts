import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runCli } from '../helpers/cli.ts';
import { read, tempProjects } from '../helpers/tmp-project.ts';
import { applyAllTasks, type Json, json, writeAllArtifacts } from './workflow-journey.ts';

const temp = tempProjects();
const SCHEMA_DIR = 'openspec/schemas/research-flow';

/** Fork the built-in schema and add a `research` artifact that `design` requires. */
function forkWithResearch(root: string): void {
  const fork = json(root, ['schema', 'fork', 'spec-driven', 'research-flow']);
  expect(fork).toMatchObject({ forked: true, schema: 'research-flow', path: SCHEMA_DIR });
  const file = join(root, SCHEMA_DIR, 'schema.yaml');
  const doc = parseDocument(read(root, `${SCHEMA_DIR}/schema.yaml`));
  const research = doc.createNode({
    id: 'research',
    generates: 'research.md',
    description: 'What was investigated before designing',
    template: 'research.md',
    requires: ['proposal'],
    instruction: 'Record what you looked at and what you found, with sources.',
  });
  doc.addIn(['artifacts'], research);
  doc.setIn(['artifacts', 2, 'requires'], doc.createNode(['proposal', 'research']));
  writeFileSync(file, doc.toString());
  writeFileSync(
    join(root, SCHEMA_DIR, 'templates/research.md'),
    '## Sources\n- <What was looked at>\n\n## Findings\n- <What was found>\n',
  );
}

describe('a forked schema with an extra artifact, end to end', () => {
  it('walks the custom graph and archives', () => {
    const root = temp.project({ 'openspec/config.yaml': 'schema: spec-driven\n' });
    forkWithResearch(root);
    expect(json(root, ['schema', 'validate', 'research-flow'])).toMatchObject({ valid: true });
    json(root, ['new', 'change', 'add-search', '--schema', 'research-flow']);
    const which = json(root, ['schema', 'which', '--change', 'add-search']);
    expect(which.schema).toEqual({
      name: 'research-flow',
      selectedBy: 'change',
      selectedIn: 'openspec/changes/add-search/.openspec.yaml',
      source: 'project',
      path: SCHEMA_DIR,
    });

    const order = writeAllArtifacts(root, 'add-search', (id) => {
      if (id !== 'proposal') return;
      const s = json(root, ['status', '--change', 'add-search']);
      const design = s.artifacts.find((a: Json) => a.id === 'design');
      expect(design).toMatchObject({ status: 'blocked', missingDeps: ['research'] });
    });
    expect(order).toEqual(['proposal', 'specs', 'research', 'design', 'tasks']);
    const design = json(root, ['instructions', 'design', '--change', 'add-search']);
    expect(design.dependencies.map((d: Json) => d.id)).toEqual(['proposal', 'research']);
    expect(json(root, ['instructions', 'research', '--change', 'add-search']).unlocks).toEqual(['design']);

    applyAllTasks(root, 'add-search');
    expect(json(root, ['status', '--change', 'add-search']).readyToArchive).toBe(true);
    expect(runCli(root, ['archive', 'add-search']).code).toBe(0);
    expect(read(root, 'openspec/specs/search/spec.md')).toContain('### Requirement: Search Notes by Text');
  });

  it('re-judges a change when its metadata switches schema mid-way', () => {
    const root = temp.project({});
    forkWithResearch(root);
    json(root, ['new', 'change', 'add-search']);
    writeAllArtifacts(root, 'add-search');
    expect(json(root, ['status', '--change', 'add-search']).readyToApply).toBe(true);
    writeFileSync(join(root, 'openspec/changes/add-search/.openspec.yaml'), 'schema: research-flow\n');
    const s = json(root, ['status', '--change', 'add-search']);
    expect(s.artifacts.map((a: Json) => [a.id, a.status])).toEqual([
      ['proposal', 'done'],
      ['specs', 'done'],
      ['research', 'ready'],
      ['design', 'done'],
      ['tasks', 'done'],
    ]);
    // tasks.md exists, but design needs research, so apply waits for it.
    expect(s).toMatchObject({ next: 'research', readyToApply: false, readyToArchive: false });
  });

  it('reports schema errors with file and line', () => {
    const root = temp.project({});
    forkWithResearch(root);
    const file = join(root, SCHEMA_DIR, 'schema.yaml');
    writeFileSync(
      file,
      read(root, `${SCHEMA_DIR}/schema.yaml`).replace(/requires: \[ ?proposal ?\]/, 'requires: [tasks]'),
    );
    const r = runCli(root, ['schema', 'validate', 'research-flow', '--json']);
    expect(r.code).toBe(1);
    const issue = (r.json() as Json).schemas[0].issues[0];
    expect(issue).toMatchObject({ level: 'ERROR', rule: 'schema_cycle', file: `${SCHEMA_DIR}/schema.yaml` });
    expect(issue.message).toMatch(/^Dependency cycle: specs → tasks → specs\.$/);
    expect(issue.line).toBeGreaterThan(1);
    const text = runCli(root, ['schema', 'validate', 'research-flow']);
    expect(text.stdout).toContain('✗ research-flow');
    expect(text.stdout).toContain('[schema_cycle]');
  });
});
