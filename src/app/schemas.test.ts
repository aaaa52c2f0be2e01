import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { forkSchema, initSchema, listSchemas, validateSchemas, whichSchema } from './schemas.ts';

const env = { XDG_DATA_HOME: '/nonexistent-specwright-data' };
const base = { 'openspec/specs/.gitkeep': '', 'openspec/changes/archive/.gitkeep': '' };

describe('which', () => {
  it('explains the choice: change metadata, then config, then default', async () => {
    const root = makeTree({
      ...base,
      'openspec/config.yaml': 'schema: spec-driven\n',
      'openspec/changes/a/.openspec.yaml': 'schema: spec-driven\n',
      'openspec/changes/b/README.md': 'no metadata',
    });
    const a = await whichSchema({ cwd: root, env, change: 'a' });
    expect(a.selection).toEqual({
      name: 'spec-driven',
      selectedBy: 'change',
      selectedIn: 'openspec/changes/a/.openspec.yaml',
    });
    expect(a.location.source).toBe('package');
    const b = await whichSchema({ cwd: root, env, change: 'b' });
    expect(b.selection).toEqual({
      name: 'spec-driven',
      selectedBy: 'config',
      selectedIn: 'openspec/config.yaml',
    });
    const none = await whichSchema({ cwd: makeTree(base), env });
    expect(none.selection).toEqual({ name: 'spec-driven', selectedBy: 'default', selectedIn: null });
  });

  it('reports what a project schema shadows', async () => {
    const root = makeTree(base);
    await forkSchema({ cwd: root, env, source: 'spec-driven', name: 'spec-driven-x', force: false });
    const { renameSync } = await import('node:fs');
    renameSync(join(root, 'openspec/schemas/spec-driven-x'), join(root, 'openspec/schemas/spec-driven'));
    const r = await whichSchema({ cwd: root, env, name: 'spec-driven' });
    expect(r.location).toEqual({ source: 'project', path: 'openspec/schemas/spec-driven' });
    expect(r.shadows.map((s) => s.source)).toEqual(['package']);
  });
});

describe('fork and init', () => {
  it('forks the built-in schema, renaming it and keeping comments', async () => {
    const root = makeTree(base);
    const r = await forkSchema({ cwd: root, env, source: 'spec-driven', name: 'team-flow', force: false });
    expect(r).toMatchObject({ schema: 'team-flow', path: 'openspec/schemas/team-flow', replaced: false });
    expect(r.source).toMatchObject({ name: 'spec-driven', source: 'package' });
    expect(r.files).toEqual([
      'openspec/schemas/team-flow/schema.yaml',
      'openspec/schemas/team-flow/templates/design.md',
      'openspec/schemas/team-flow/templates/proposal.md',
      'openspec/schemas/team-flow/templates/spec.md',
      'openspec/schemas/team-flow/templates/tasks.md',
    ]);
    const yaml = readFileSync(join(root, 'openspec/schemas/team-flow/schema.yaml'), 'utf8');
    expect(yaml).toMatch(/^# A Specwright workflow schema/);
    expect(yaml).toContain('\nname: team-flow\n');
    expect((await validateSchemas({ cwd: root, env, name: 'team-flow' })).valid).toBe(true);
  });

  it('refuses to overwrite without force, and replaces with it', async () => {
    const root = makeTree(base);
    await forkSchema({ cwd: root, env, source: 'spec-driven', force: false });
    await expect(forkSchema({ cwd: root, env, source: 'spec-driven', force: false })).rejects.toMatchObject({
      code: 'schema_exists',
    });
    const again = await forkSchema({ cwd: root, env, source: 'spec-driven', force: true });
    expect(again).toMatchObject({ schema: 'spec-driven-custom', replaced: true });
  });

  it('refuses to fork an invalid schema and writes nothing', async () => {
    const root = makeTree({
      ...base,
      'openspec/schemas/mine/schema.yaml': 'name: mine\nartifacts: [\n  - id: a\n',
    });
    await expect(forkSchema({ cwd: root, env, source: 'mine', force: false })).rejects.toMatchObject({
      code: 'schema_invalid',
      message: expect.stringMatching(
        /^Schema 'mine' is invalid: openspec\/schemas\/mine\/schema\.yaml:3: [^:]+$/,
      ),
    });
    expect(existsSync(join(root, 'openspec/schemas/mine-custom'))).toBe(false);
  });

  it('names an oversized schema.yaml once, in the error line and in its issue', async () => {
    const root = makeTree({
      ...base,
      'openspec/schemas/big/schema.yaml': `# ${'x'.repeat(10 * 1024 * 1024)}\n`,
    });
    await expect(forkSchema({ cwd: root, env, source: 'big', force: false })).rejects.toMatchObject({
      code: 'schema_invalid',
      message:
        "Schema 'big' is invalid: openspec/schemas/big/schema.yaml: too large (10.0 MB); files over 10 MB are refused.",
    });
    const v = await validateSchemas({ cwd: root, env, name: 'big' });
    expect(v.schemas[0]?.issues).toEqual([
      {
        level: 'ERROR',
        rule: 'file_too_large',
        file: 'openspec/schemas/big/schema.yaml',
        message: 'too large (10.0 MB); files over 10 MB are refused.',
      },
    ]);
  });

  it('initialises a subset of the built-in artifacts with rewired requirements', async () => {
    const root = makeTree(base);
    const r = await initSchema({
      cwd: root,
      env,
      name: 'lean',
      artifacts: ['proposal', 'tasks'],
      force: false,
    });
    expect(r.artifacts).toEqual(['proposal', 'tasks']);
    expect(r.files).toEqual([
      'openspec/schemas/lean/schema.yaml',
      'openspec/schemas/lean/templates/proposal.md',
      'openspec/schemas/lean/templates/tasks.md',
    ]);
    const v = await validateSchemas({ cwd: root, env, name: 'lean' });
    expect(v.schemas[0]).toMatchObject({ valid: true, issues: [] });
    await expect(
      initSchema({ cwd: root, env, name: 'x', artifacts: ['nope'], force: false }),
    ).rejects.toMatchObject({
      code: 'invalid_option',
      exitCode: 2,
    });
    await expect(initSchema({ cwd: root, env, name: 'Bad', force: false })).rejects.toMatchObject({
      code: 'invalid_schema_name',
    });
    expect(existsSync(join(root, 'openspec/schemas/x'))).toBe(false);
  });
});

describe('list and validate', () => {
  it('lists every schema with its source, and flags invalid ones', async () => {
    const root = makeTree({
      ...base,
      'openspec/schemas/broken/schema.yaml': 'name: broken\nversion: 1\nartifacts: []\n',
    });
    const r = await listSchemas({ cwd: root, env });
    expect(r.schemas.map((s) => [s.name, s.source, s.valid])).toEqual([
      ['broken', 'project', false],
      ['research-driven', 'package', true],
      ['spec-driven', 'package', true],
    ]);
    expect(r.schemas[1]?.artifacts).toEqual(['proposal', 'research', 'design', 'specs', 'analysis', 'tasks']);
    expect(r.schemas[2]?.artifacts).toEqual(['proposal', 'specs', 'design', 'tasks']);
    expect(r.warnings).toEqual(["Schema 'broken' is invalid; run: specwright schema validate broken"]);
    const v = await validateSchemas({ cwd: root, env });
    expect(v.valid).toBe(false);
    expect(v.schemas[0]?.issues[0]).toMatchObject({
      rule: 'schema_invalid_field',
      file: 'openspec/schemas/broken/schema.yaml',
      line: 3,
    });
  });
});
