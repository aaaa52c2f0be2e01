// Workflow flags no other e2e test exercised: status/instructions --schema with a project schema,
// templates --change/--schema and its text output, schema init --description/--artifacts/--force,
// schema fork --force and its default name, and schema which <name>.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';
import { type Json, json } from './workflow-journey.ts';

const temp = tempProjects();

const LEAN = 'openspec/schemas/lean';
const LEAN_TASKS_TEMPLATE = '## 1. Lean\n\n- [ ] 1.1 <Step>\n';

/**
 * A project with the project schema `lean` (proposal → tasks, its tasks template replaced so it can be
 * told apart) and the change `add-search` under the default schema with its proposal written.
 */
function leanProject(): string {
  const root = temp.project({ 'openspec/config.yaml': 'schema: spec-driven\n' });
  json(root, ['schema', 'init', 'lean', '--artifacts', 'proposal,tasks']);
  writeFileSync(join(root, LEAN, 'templates/tasks.md'), LEAN_TASKS_TEMPLATE);
  json(root, ['new', 'change', 'add-search']);
  writeFileSync(join(root, 'openspec/changes/add-search/proposal.md'), '# Add search\n');
  return root;
}

const FLAG_LEAN = {
  name: 'lean',
  selectedBy: 'flag',
  selectedIn: null,
  source: 'project',
  path: LEAN,
};

describe('status --schema', () => {
  it('judges the change against the named project schema instead of its own', () => {
    const root = leanProject();
    const own = json(root, ['status', '--change', 'add-search']);
    expect(own.schema).toMatchObject({ name: 'spec-driven', selectedBy: 'change' });
    expect(own.artifacts.map((a: Json) => a.id)).toEqual(['proposal', 'specs', 'design', 'tasks']);
    expect(own.next).toBe('specs');

    const s = json(root, ['status', '--change', 'add-search', '--schema', 'lean']);
    expect(s.schema).toEqual(FLAG_LEAN);
    expect(s.artifacts.map((a: Json) => [a.id, a.status, a.requires])).toEqual([
      ['proposal', 'done', []],
      ['tasks', 'ready', ['proposal']],
    ]);
    expect(s).toMatchObject({ progress: { done: 1, skipped: 0, total: 2 }, next: 'tasks' });
    // The suggested command keeps the schema choice, so it asks about the same workflow.
    expect(own.nextCommand).toBe('specwright instructions specs --change add-search');
    expect(s.nextCommand).toBe('specwright instructions tasks --change add-search --schema lean');
    const text = runCli(root, ['status', '--change', 'add-search', '--schema', 'lean']);
    expect(text.stdout).toContain('Schema: lean (project, flag)\nArtifacts: 1/2 complete\n');
  });

  it('applies to every change in the summary without --change', () => {
    const root = leanProject();
    const all = json(root, ['status', '--schema', 'lean']);
    expect(
      all.changes.map((c: Json) => [c.change, c.schema.name, c.schema.selectedBy, c.progress.total]),
    ).toEqual([['add-search', 'lean', 'flag', 2]]);
    expect(runCli(root, ['status', '--schema', 'lean']).stdout).toContain('add-search  lean  1/2 artifacts');
  });

  it('an unknown --schema fails with unknown_schema', () => {
    const r = runCli(leanProject(), ['status', '--change', 'add-search', '--schema', 'nope', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('unknown_schema');
  });
});

describe('instructions <artifact> --schema', () => {
  it('takes dependencies, status and template from the named schema', () => {
    const root = leanProject();
    const own = json(root, ['instructions', 'tasks', '--change', 'add-search']);
    expect(own.dependencies.map((d: Json) => d.id)).toEqual(['specs', 'design']);
    expect(own.status).toBe('blocked');

    const i = json(root, ['instructions', 'tasks', '--change', 'add-search', '--schema', 'lean']);
    expect(i.schema).toEqual(FLAG_LEAN);
    expect(i).toMatchObject({ artifact: 'tasks', status: 'ready', missingDeps: [] });
    expect(i.dependencies.map((d: Json) => [d.id, d.status])).toEqual([['proposal', 'done']]);
    expect(i.template).toEqual({ path: `${LEAN}/templates/tasks.md`, content: LEAN_TASKS_TEMPLATE });
    expect(i.output.path).toBe('openspec/changes/add-search/tasks.md');
  });

  it('refuses an artifact the named schema does not have', () => {
    const r = runCli(leanProject(), [
      'instructions',
      'design',
      '--change',
      'add-search',
      '--schema',
      'lean',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const status = (r.json() as Json).status[0];
    expect(status.code).toBe('unknown_artifact');
    expect(status.message).toContain('proposal, tasks');
  });
});

describe('templates', () => {
  it('--change uses the schema the change names; --schema a valid name; text lists one line per artifact', () => {
    const root = leanProject();
    json(root, ['new', 'change', 'lean-change', '--schema', 'lean']);
    const byChange = json(root, ['templates', '--change', 'lean-change']);
    expect(byChange.schema).toEqual({
      ...FLAG_LEAN,
      selectedBy: 'change',
      selectedIn: 'openspec/changes/lean-change/.openspec.yaml',
    });
    expect(byChange.templates).toEqual([
      {
        artifact: 'proposal',
        template: 'proposal.md',
        path: `${LEAN}/templates/proposal.md`,
        absolutePath: join(root, LEAN, 'templates/proposal.md'),
      },
      {
        artifact: 'tasks',
        template: 'tasks.md',
        path: `${LEAN}/templates/tasks.md`,
        absolutePath: join(root, LEAN, 'templates/tasks.md'),
      },
    ]);
    expect(json(root, ['templates', '--change', 'add-search']).schema.name).toBe('spec-driven');

    const bySchema = json(root, ['templates', '--schema', 'lean']);
    expect(bySchema.schema).toEqual(FLAG_LEAN);
    expect(bySchema.templates).toEqual(byChange.templates);

    const text = runCli(root, ['templates', '--change', 'lean-change']);
    expect(text).toMatchObject({
      code: 0,
      stdout: `Schema: lean (project: ${LEAN})\n  proposal  ${LEAN}/templates/proposal.md\n  tasks     ${LEAN}/templates/tasks.md\n`,
      stderr: '',
    });
    expect(runCli(root, ['templates', '--schema', 'lean']).stdout).toBe(text.stdout);
    const builtin = runCli(root, ['templates']).stdout.split('\n');
    expect(builtin[0]).toMatch(/^Schema: spec-driven \(package: .+spec-driven\)$/);
    expect(builtin.slice(1, 5).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'proposal',
      'specs',
      'design',
      'tasks',
    ]);
  });

  it('--change with an unknown change fails with unknown_change', () => {
    const r = runCli(leanProject(), ['templates', '--change', 'nope', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('unknown_change');
  });
});

describe('schema init', () => {
  it('--description goes into schema.yaml; without it a generated one does', () => {
    const root = temp.project({});
    json(root, ['schema', 'init', 'described', '--description', 'Proposal first, then tasks.']);
    expect(read(root, 'openspec/schemas/described/schema.yaml')).toContain(
      'description: Proposal first, then tasks.\n',
    );
    expect(json(root, ['schemas']).schemas.find((s: Json) => s.name === 'described').description).toBe(
      'Proposal first, then tasks.',
    );
    json(root, ['schema', 'init', 'plain']);
    expect(read(root, 'openspec/schemas/plain/schema.yaml')).toContain(
      'description: "Custom workflow: proposal → specs → design → tasks"\n',
    );
  });

  it('--artifacts keeps only those artifacts and their templates, rewiring requires', () => {
    const root = temp.project({});
    const r = json(root, ['schema', 'init', 'lean', '--artifacts', 'tasks, proposal']);
    expect(r).toMatchObject({
      created: true,
      schema: 'lean',
      path: LEAN,
      replaced: false,
      artifacts: ['proposal', 'tasks'],
      files: [`${LEAN}/schema.yaml`, `${LEAN}/templates/proposal.md`, `${LEAN}/templates/tasks.md`],
    });
    expect(json(root, ['schema', 'validate', 'lean']).valid).toBe(true);
    const s = json(root, ['schemas']).schemas.find((x: Json) => x.name === 'lean');
    expect(s.artifacts).toEqual(['proposal', 'tasks']);
    expect(existsSync(join(root, LEAN, 'templates/design.md'))).toBe(false);
  });

  it.each([['bogus'], ['proposal,bogus'], ['']])(
    '--artifacts %j is a usage error and writes nothing',
    (ids) => {
      const root = temp.project({});
      const before = snapshotTree(root);
      const r = runCli(root, ['schema', 'init', 'lean', '--artifacts', ids, '--json']);
      expect(r.code).toBe(2);
      expect((r.json() as Json).status[0]).toMatchObject({ code: 'invalid_option' });
      expect((r.json() as Json).status[0].message).toMatch(
        /^--artifacts must name some of: proposal, specs, design, tasks/,
      );
      expect(snapshotTree(root)).toEqual(before);
    },
  );

  it('refuses an existing schema folder without --force; --force replaces the whole folder', () => {
    const root = temp.project({});
    json(root, ['schema', 'init', 'lean']);
    writeFileSync(join(root, LEAN, 'notes.txt'), 'mine\n');
    const before = snapshotTree(root);
    const refused = runCli(root, ['schema', 'init', 'lean', '--artifacts', 'tasks']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `Error: Schema folder ${LEAN}/ already exists.\nFix: Pick another name, or pass --force to replace it.\n`,
    );
    expect(snapshotTree(root)).toEqual(before);

    const forced = runCli(root, ['schema', 'init', 'lean', '--artifacts', 'tasks', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(
      `Created schema 'lean' at ${LEAN}/ (replaced)\n  ${LEAN}/schema.yaml\n  ${LEAN}/templates/tasks.md\n`,
    );
    expect(existsSync(join(root, LEAN, 'notes.txt'))).toBe(false);
    expect(existsSync(join(root, LEAN, 'templates/proposal.md'))).toBe(false);
    expect(json(root, ['schemas']).schemas.find((x: Json) => x.name === 'lean').artifacts).toEqual(['tasks']);
    expect(json(root, ['schema', 'init', 'lean', '--force']).replaced).toBe(true);
  });
});

describe('schema fork', () => {
  it('names the copy <source>-custom by default', () => {
    const root = temp.project({});
    const r = runCli(root, ['schema', 'fork', 'spec-driven']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Created schema 'spec-driven-custom' at openspec\/schemas\/spec-driven-custom\/\n/,
    );
    expect(r.stderr).toBe('Next: edit it, then run specwright schema validate spec-driven-custom\n');
    expect(read(root, 'openspec/schemas/spec-driven-custom/schema.yaml')).toMatch(
      /^name: spec-driven-custom$/m,
    );
    const which = json(root, ['schema', 'which', 'spec-driven-custom']);
    expect(which.schema).toMatchObject({ source: 'project', path: 'openspec/schemas/spec-driven-custom' });
  });

  it('refuses an existing copy without --force; --force replaces it', () => {
    const root = temp.project({});
    json(root, ['schema', 'init', 'lean', '--artifacts', 'proposal,tasks']);
    json(root, ['schema', 'fork', 'lean']);
    const dir = 'openspec/schemas/lean-custom';
    writeFileSync(join(root, dir, 'notes.txt'), 'mine\n');
    const before = snapshotTree(root);
    const refused = runCli(root, ['schema', 'fork', 'spec-driven', 'lean-custom', '--json']);
    expect(refused.code).toBe(1);
    expect((refused.json() as Json).status[0]).toMatchObject({
      code: 'schema_exists',
      fix: 'Pick another name, or pass --force to replace it.',
    });
    expect(snapshotTree(root)).toEqual(before);

    const forced = json(root, ['schema', 'fork', 'spec-driven', 'lean-custom', '--force']);
    expect(forced).toMatchObject({ forked: true, schema: 'lean-custom', replaced: true });
    expect(forced.source).toMatchObject({ name: 'spec-driven', source: 'package' });
    expect(existsSync(join(root, dir, 'notes.txt'))).toBe(false);
    expect(json(root, ['schemas']).schemas.find((x: Json) => x.name === 'lean-custom').artifacts).toEqual([
      'proposal',
      'specs',
      'design',
      'tasks',
    ]);
  });
});

describe('schema which <name>', () => {
  it('finds a built-in, a project schema, and a project schema shadowing a built-in', () => {
    const root = temp.project({});
    const builtin = runCli(root, ['schema', 'which', 'spec-driven']);
    expect(builtin.code).toBe(0);
    expect(builtin.stdout).toMatch(/^spec-driven \(selected by argument\)\nFound: package: .+spec-driven\n$/);

    json(root, ['schema', 'fork', 'spec-driven', 'spec-driven']);
    const shadowing = json(root, ['schema', 'which', 'spec-driven']);
    expect(shadowing).toMatchObject({
      schema: {
        name: 'spec-driven',
        selectedBy: 'argument',
        selectedIn: null,
        source: 'project',
        path: 'openspec/schemas/spec-driven',
      },
      shadows: [{ source: 'package' }],
      change: null,
      warnings: [],
      root: { path: root },
    });
    const text = runCli(root, ['schema', 'which', 'spec-driven']).stdout;
    expect(text).toMatch(
      /^spec-driven \(selected by argument\)\nFound: project: openspec\/schemas\/spec-driven\nOverrides: package: .+\n$/,
    );
  });
});
