import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../test/helpers/fake-context.ts';
import { commitAll, initRepo } from '../../test/helpers/git-repo.ts';
import { makeTree, snapshotTree } from '../../test/helpers/temp-tree.ts';
import { formatLocalDate } from '../domain/local-date.ts';
import { createChange } from './new-change.ts';

const PROJECT = { 'openspec/specs/.gitkeep': '', 'openspec/changes/archive/.gitkeep': '' };

/** A minimal valid project schema (its template is added beside it). */
const TDD_SCHEMA = `name: tdd
version: 1
artifacts:
  - id: tests
    generates: tests.md
    description: Failing tests first
    template: tests.md
`;

describe('createChange', () => {
  it('writes metadata (and README with a description) in an existing project', async () => {
    const root = makeTree(PROJECT);
    const result = await createChange({
      cwd: join(root),
      name: 'add-auth',
      description: 'Add login.',
      now: FIXED_NOW,
    });
    expect(result).toEqual({
      root: { path: root, source: 'nearest' },
      change: {
        id: 'add-auth',
        path: 'openspec/changes/add-auth',
        metadataPath: 'openspec/changes/add-auth/.openspec.yaml',
        schema: 'spec-driven',
      },
      createdSkeleton: [],
      files: ['openspec/changes/add-auth/.openspec.yaml', 'openspec/changes/add-auth/README.md'],
      warnings: [],
    });
    expect(readFileSync(join(root, result.change.metadataPath), 'utf8')).toBe(
      `schema: spec-driven\ncreated: ${formatLocalDate(FIXED_NOW)}\ncreated_at: 2026-03-04T05:06:07.000Z\n`,
    );
    expect(readFileSync(join(root, 'openspec/changes/add-auth/README.md'), 'utf8')).toBe(
      '# add-auth\n\nAdd login.\n',
    );
  });

  it('finds the root from a subdirectory', async () => {
    const root = makeTree({ ...PROJECT, 'src/lib': null });
    const result = await createChange({ cwd: join(root, 'src/lib'), name: 'x', now: FIXED_NOW });
    expect(result.root.path).toBe(root);
    expect(snapshotTree(root)['openspec/changes/x/.openspec.yaml']).toBeDefined();
  });

  it('creates the skeleton in cwd when there is no project', async () => {
    const dir = makeTree({});
    const result = await createChange({ cwd: dir, name: 'first', now: FIXED_NOW });
    expect(result.root).toEqual({ path: dir, source: 'implicit' });
    expect(result.createdSkeleton).toContain('openspec/config.yaml');
    expect(Object.keys(snapshotTree(dir))).toContain('openspec/changes/archive/.gitkeep');
  });

  it.each([
    ['Add', 'Change name must be lowercase (use kebab-case)'],
    ['../x', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['', 'Change name cannot be empty'],
  ])('refuses the name %j without writing anything', async (name, message) => {
    const root = makeTree(PROJECT);
    const before = snapshotTree(root);
    await expect(createChange({ cwd: root, name, now: FIXED_NOW })).rejects.toMatchObject({
      code: 'invalid_change_name',
      message,
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses an existing change', async () => {
    const root = makeTree({ ...PROJECT, 'openspec/changes/add-auth/tasks.md': 'keep' });
    await expect(createChange({ cwd: root, name: 'add-auth', now: FIXED_NOW })).rejects.toMatchObject({
      code: 'change_exists',
      message: "Change 'add-auth' already exists at openspec/changes/add-auth/",
    });
  });

  it('uses the config schema and accepts project schemas; unknown ones list what exists', async () => {
    const root = makeTree({
      ...PROJECT,
      'openspec/config.yaml': 'schema: tdd\n',
      'openspec/schemas/tdd/schema.yaml': TDD_SCHEMA,
      'openspec/schemas/tdd/templates/tests.md': '# Tests\n',
    });
    expect((await createChange({ cwd: root, name: 'a', now: FIXED_NOW })).change.schema).toBe('tdd');
    expect(
      (await createChange({ cwd: root, name: 'b', schema: 'spec-driven', now: FIXED_NOW })).change.schema,
    ).toBe('spec-driven');
    await expect(
      createChange({ cwd: root, name: 'c', schema: 'tdd-x', now: FIXED_NOW }),
    ).rejects.toMatchObject({
      code: 'unknown_schema',
      message: "Schema 'tdd-x' not found. Available schemas: research-driven, spec-driven, tdd",
    });
  });

  it('refuses an invalid schema, from --schema or from the config, and writes nothing', async () => {
    const root = makeTree({
      ...PROJECT,
      'openspec/schemas/mine/schema.yaml': 'name: mine\nversion: 1\nartifacts: [\n  - id: a\n',
    });
    const before = snapshotTree(root);
    await expect(
      createChange({ cwd: root, name: 'zz', schema: 'mine', now: FIXED_NOW }),
    ).rejects.toMatchObject({
      code: 'schema_invalid',
      message: expect.stringMatching(
        /^Schema 'mine' is invalid: openspec\/schemas\/mine\/schema\.yaml:4: [^:]+$/,
      ),
    });
    expect(snapshotTree(root)).toEqual(before);
    writeFileSync(join(root, 'openspec/config.yaml'), 'schema: mine\n');
    const withConfig = snapshotTree(root);
    await expect(createChange({ cwd: root, name: 'zz', now: FIXED_NOW })).rejects.toMatchObject({
      code: 'schema_invalid',
    });
    expect(snapshotTree(root)).toEqual(withConfig);
  });

  it('fails on a malformed config.yaml instead of falling back to the default schema', async () => {
    const root = makeTree({ ...PROJECT, 'openspec/config.yaml': 'schema: research-driven\nrules: [\n' });
    const before = snapshotTree(root);
    await expect(createChange({ cwd: root, name: 'zz', now: FIXED_NOW })).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/^openspec\/config\.yaml:\d+: [^\n]+$/),
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  it.each(['../tdd', 'a/b', '/abs', 'My_Schema'])(
    'refuses --schema %j as a name before any lookup',
    async (schema) => {
      const root = makeTree(PROJECT);
      const before = snapshotTree(root);
      await expect(createChange({ cwd: root, name: 'c', schema, now: FIXED_NOW })).rejects.toMatchObject({
        code: 'invalid_schema_name',
        message: `'${schema}' is not a valid schema name.`,
      });
      expect(snapshotTree(root)).toEqual(before);
    },
  );

  it('finds schemas in the user data dir and marks changes of spec-less schemas skip_specs', async () => {
    const root = makeTree({
      ...PROJECT,
      'data/specwright/schemas/notes-only/schema.yaml':
        'name: notes-only\nversion: 1\nartifacts:\n  - id: notes\n    generates: notes.md\n    description: Notes\n    template: notes.md\n',
      'data/specwright/schemas/notes-only/templates/notes.md': '# Notes\n',
    });
    const env = { XDG_DATA_HOME: join(root, 'data') };
    const r = await createChange({ cwd: root, name: 'n', schema: 'notes-only', now: FIXED_NOW, env });
    expect(r.change.schema).toBe('notes-only');
    const meta = readFileSync(join(root, 'openspec/changes/n/.openspec.yaml'), 'utf8');
    expect(meta).toContain('skip_specs: true');
    const normal = await createChange({ cwd: root, name: 'm', now: FIXED_NOW, env });
    expect(readFileSync(join(root, 'openspec/changes/m/.openspec.yaml'), 'utf8')).not.toContain('skip_specs');
    expect(normal.change.schema).toBe('spec-driven');
  });

  it('warns about an invalid config field and falls back to spec-driven', async () => {
    const root = makeTree({ ...PROJECT, 'openspec/config.yaml': 'schema: ""\n' });
    const result = await createChange({ cwd: root, name: 'a', now: FIXED_NOW });
    expect(result.change.schema).toBe('spec-driven');
    expect(result.warnings).toEqual(["Invalid 'schema' field in config (must be non-empty string)"]);
  });

  it('refuses to write through a symlinked changes/ directory that leaves the root', async () => {
    const outside = makeTree({});
    const root = makeTree({ 'openspec/specs/.gitkeep': '' });
    symlinkSync(outside, join(root, 'openspec/changes'));
    await expect(createChange({ cwd: root, name: 'a', now: FIXED_NOW })).rejects.toMatchObject({
      code: 'path_outside_root',
    });
    expect(snapshotTree(outside)).toEqual({});
  });

  it('records the git commit the change starts from as base_commit', async () => {
    const root = makeTree({ ...PROJECT, 'src/a.ts': 'a\n' });
    initRepo(root);
    const head = commitAll(root, 'start');
    const result = await createChange({ cwd: root, name: 'add-auth', now: FIXED_NOW });
    expect(readFileSync(join(root, result.change.metadataPath), 'utf8')).toBe(
      `schema: spec-driven\ncreated: ${formatLocalDate(FIXED_NOW)}\ncreated_at: 2026-03-04T05:06:07.000Z\nbase_commit: ${head}\n`,
    );
  });
});
