import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { read, tempProjects } from '../helpers/tmp-project.ts';
import { applyAllTasks, type Json, json, writeAllArtifacts } from './workflow-journey.ts';

const temp = tempProjects();

function newProject(config = 'schema: spec-driven\n'): string {
  const root = temp.project({ 'openspec/config.yaml': config });
  expect(runCli(root, ['new', 'change', 'add-search']).code).toBe(0);
  return root;
}

describe('the spec-driven workflow, end to end', () => {
  it('walks status → instructions for each artifact → apply → archive', () => {
    const root = newProject();
    const first = json(root, ['status', '--change', 'add-search']);
    expect(first.schema).toMatchObject({ name: 'spec-driven', source: 'package', selectedBy: 'change' });
    expect(first.next).toBe('proposal');

    const order = writeAllArtifacts(root, 'add-search', (id) => {
      const s = json(root, ['status', '--change', 'add-search']);
      expect(s.artifacts.find((a: Json) => a.id === id).status).toBe('done');
    });
    expect(order).toEqual(['proposal', 'specs', 'design', 'tasks']);
    expect(runCli(root, ['validate', 'add-search']).code).toBe(0);

    const planned = json(root, ['status', '--change', 'add-search']);
    expect(planned).toMatchObject({
      readyToApply: true,
      readyToArchive: false,
      tasks: { done: 0, total: 3 },
    });
    expect(planned.nextCommand).toBe('specwright instructions apply --change add-search');

    applyAllTasks(root, 'add-search');
    const done = json(root, ['status', '--change', 'add-search']);
    expect(done).toMatchObject({
      readyToArchive: true,
      archiveBlockers: [],
      nextCommand: 'specwright archive add-search',
    });

    const archived = json(root, ['archive', 'add-search']);
    expect(archived.archive.specs).toEqual([
      expect.objectContaining({ capability: 'search', action: 'create' }),
    ]);
    expect(read(root, 'openspec/specs/search/spec.md')).toContain('### Requirement: Search Notes by Text');
    expect(existsSync(join(root, 'openspec/changes/add-search'))).toBe(false);
    expect(runCli(root, ['validate', '--all', '--strict']).code).toBe(0);
    expect(json(root, ['status'])).toEqual({
      changes: [],
      message: 'No active changes.',
      root: { path: root },
    });
  });
});

describe('status', () => {
  it('says so, and exits 0, when there is no active change', () => {
    const root = temp.project({});
    const r = runCli(root, ['status']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('No active changes. Start one with: specwright new change <name>\n');
  });

  it('prints the artifact checklist and the next command', () => {
    const r = runCli(newProject(), ['status', '--change', 'add-search']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  [ ] proposal  ready\n  [-] specs     blocked by proposal\n');
    expect(r.stdout).toContain('Next: specwright instructions proposal --change add-search\n');
  });

  it('fails with close names for an unknown change', () => {
    const r = runCli(newProject(), ['status', '--change', 'add-serch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Unknown change 'add-serch'. Did you mean: add-search?");
  });
});

describe('instructions', () => {
  it('carries config context, rules and language; warns about unknown keys on stderr', () => {
    const config = `schema: spec-driven
context: Notes app, TypeScript.
rules:
  proposal: [Keep it under one page.]
language: Français
colour: blue
`;
    const root = newProject(config);
    const r = runCli(root, ['instructions', 'proposal', '--change', 'add-search']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Project context\nNotes app, TypeScript.');
    expect(r.stdout).toContain('## Rules\n- Keep it under one page.');
    expect(r.stdout).toContain('## Language\nWrite in Français.');
    expect(r.stdout).toContain('Write to: openspec/changes/add-search/proposal.md');
    expect(r.stderr).toBe(
      "Warning: openspec/config.yaml:6: unknown key 'colour' is ignored (known keys: schema, context, rules, language, plan, verify, trace).\n",
    );
    const j = runCli(root, ['instructions', 'proposal', '--change', 'add-search', '--json']);
    expect(j.stderr).toBe('');
    expect((j.json() as Json).warnings).toEqual([expect.stringContaining("unknown key 'colour'")]);
  });

  it('fails with one located line when config.yaml is malformed', () => {
    const root = newProject();
    writeFileSync(join(root, 'openspec/config.yaml'), 'schema: spec-driven\ncontext: [\n');
    const r = runCli(root, ['instructions', 'proposal', '--change', 'add-search', '--json']);
    expect(r.code).toBe(1);
    const status = (r.json() as Json).status[0];
    expect(status.code).toBe('config_invalid');
    expect(status.message).toMatch(/^openspec\/config\.yaml:\d+: [^\n]+$/);
  });

  it('needs --change (usage error) and a known artifact', () => {
    const root = newProject();
    expect(runCli(root, ['instructions', 'proposal']).code).toBe(2);
    const r = runCli(root, ['instructions', 'desgn', '--change', 'add-search']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Artifact 'desgn' is not part of schema 'spec-driven'");
    expect(r.stderr).toContain('Did you mean: design?');
  });

  it('inlines dependency contents only with --inline', () => {
    const root = newProject();
    writeFileSync(join(root, 'openspec/changes/add-search/proposal.md'), '# Add note search\n');
    const plain = json(root, ['instructions', 'design', '--change', 'add-search']);
    expect(plain.dependencies[0].contents).toBeNull();
    const inline = json(root, ['instructions', 'design', '--change', 'add-search', '--inline']);
    expect(inline.dependencies[0].contents).toEqual([
      { path: 'openspec/changes/add-search/proposal.md', text: '# Add note search\n' },
    ]);
  });
});
