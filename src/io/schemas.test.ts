import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { builtinSchemasDir } from './assets.ts';
import {
  displayPath,
  findSchemaLocations,
  listSchemaLocations,
  loadSchema,
  readSchemaFiles,
  renameSchemaYaml,
} from './schemas.ts';

const MINI = `name: mini
version: 1
artifacts:
  - id: notes
    generates: notes.md
    description: Notes
    template: notes.md
`;

function miniSchema(prefix: string, name = 'mini'): Record<string, string> {
  return {
    [`${prefix}/${name}/schema.yaml`]: MINI.replace('name: mini', `name: ${name}`),
    [`${prefix}/${name}/templates/notes.md`]: '# Notes\n',
  };
}

describe('schema search path', () => {
  it('finds project, then specwright user data, then OpenSpec user data, then built-ins', () => {
    const dir = makeTree({
      ...miniSchema('project/openspec/schemas', 'spec-driven'),
      ...miniSchema('data/specwright/schemas', 'spec-driven'),
      ...miniSchema('data/openspec/schemas', 'spec-driven'),
      ...miniSchema('data/openspec/schemas', 'legacy'),
    });
    const env = { XDG_DATA_HOME: join(dir, 'data') };
    const found = findSchemaLocations(join(dir, 'project'), env, 'spec-driven');
    expect(found.map((l) => [l.source, l.dir])).toEqual([
      ['project', join(dir, 'project/openspec/schemas/spec-driven')],
      ['user', join(dir, 'data/specwright/schemas/spec-driven')],
      ['user', join(dir, 'data/openspec/schemas/spec-driven')],
      ['package', join(builtinSchemasDir(), 'spec-driven')],
    ]);
    expect([...listSchemaLocations(join(dir, 'project'), env).keys()]).toEqual([
      'legacy',
      'research-driven',
      'spec-driven',
    ]);
  });

  it('uses ~/.local/share without XDG_DATA_HOME, and ignores a relative XDG_DATA_HOME', () => {
    const home = makeTree(miniSchema('.local/share/specwright/schemas'));
    expect(findSchemaLocations(undefined, { HOME: home }, 'mini')[0]?.source).toBe('user');
    expect(findSchemaLocations(undefined, { HOME: home, XDG_DATA_HOME: 'rel' }, 'mini')[0]?.source).toBe(
      'user',
    );
  });

  it('skips folders without schema.yaml, with invalid names, and symlinked folders', () => {
    const s = 'specwright/schemas';
    const dir = makeTree({
      ...miniSchema(s),
      [`${s}/empty/templates/x.md`]: 'x',
      [`${s}/Bad_Name/schema.yaml`]: MINI,
    });
    symlinkSync(join(dir, s, 'mini'), join(dir, s, 'linked'));
    const env = { XDG_DATA_HOME: dir };
    expect([...listSchemaLocations(undefined, env).keys()]).toEqual([
      'mini',
      'research-driven',
      'spec-driven',
    ]);
    expect(() => findSchemaLocations(undefined, env, '../etc')).toThrow(/not a valid schema name/);
  });
});

describe('loadSchema', () => {
  it('loads the built-in spec-driven schema without any finding', async () => {
    const [loc] = findSchemaLocations(undefined, {}, 'spec-driven').filter((l) => l.source === 'package');
    const loaded = await loadSchema(loc as NonNullable<typeof loc>, undefined);
    expect(loaded.issues).toEqual([]);
    expect(loaded.schema?.artifacts.map((a) => a.id)).toEqual(['proposal', 'specs', 'design', 'tasks']);
  });

  it('reports a missing template and a name mismatch with root-relative file and line', async () => {
    const root = makeTree({
      'openspec/schemas/other/schema.yaml': MINI.replace('template: notes.md', 'template: gone.md'),
    });
    const loc = { name: 'other', source: 'project' as const, dir: join(root, 'openspec/schemas/other') };
    const loaded = await loadSchema(loc, root);
    expect(loaded.schema).toBeUndefined();
    expect(loaded.issues.map((i) => [i.level, i.rule, i.file, i.line])).toEqual([
      ['ERROR', 'schema_missing_template', 'openspec/schemas/other/schema.yaml', 7],
      ['WARNING', 'schema_name_mismatch', 'openspec/schemas/other/schema.yaml', 1],
    ]);
  });

  it('refuses a template path that escapes through a symlink', async () => {
    const root = makeTree({ ...miniSchema('openspec/schemas'), 'secret.md': 'x' });
    const tpl = join(root, 'openspec/schemas/mini/templates/notes.md');
    const { rmSync } = await import('node:fs');
    rmSync(tpl);
    symlinkSync(join(root, 'secret.md'), tpl);
    const loc = { name: 'mini', source: 'project' as const, dir: join(root, 'openspec/schemas/mini') };
    expect((await loadSchema(loc, root)).issues[0]?.rule).toBe('schema_missing_template');
  });

  it('turns malformed YAML into one located issue', async () => {
    const root = makeTree({ 'openspec/schemas/mini/schema.yaml': 'name: mini\nversion: [1\n' });
    const loc = { name: 'mini', source: 'project' as const, dir: join(root, 'openspec/schemas/mini') };
    const [issue] = (await loadSchema(loc, root)).issues;
    expect(issue).toMatchObject({
      rule: 'schema_yaml_invalid',
      file: 'openspec/schemas/mini/schema.yaml',
      line: expect.any(Number),
    });
    // The location is in `file` and `line` only, so formatted messages do not show it twice.
    expect(issue?.message).not.toContain('schema.yaml');
  });
});

describe('schema files', () => {
  it('renames a schema and keeps every other byte', async () => {
    const text = '# my comment\nname: "spec-driven"   # trailing\nversion: 1\ninstruction: |\n  keep\n';
    expect(await renameSchemaYaml(text, 'mine')).toBe(
      '# my comment\nname: mine   # trailing\nversion: 1\ninstruction: |\n  keep\n',
    );
    expect(await renameSchemaYaml('version: 1\n', 'mine')).toBe('name: mine\nversion: 1\n');
  });

  it('lists a schema folder’s regular files, skipping dot entries', () => {
    const dir = makeTree({ ...miniSchema('s'), 's/mini/.DS_Store': 'x' });
    const files = readSchemaFiles({ name: 'mini', source: 'user', dir: join(dir, 's/mini') });
    expect(files.map((f) => f.rel)).toEqual(['schema.yaml', 'templates/notes.md']);
  });

  it('shows paths inside the project root-relative and others absolute', () => {
    expect(displayPath('/p', '/p/openspec/schemas/x')).toBe('openspec/schemas/x');
    expect(displayPath('/p', '/elsewhere/x')).toBe('/elsewhere/x');
    expect(displayPath(undefined, '/elsewhere/x')).toBe('/elsewhere/x');
  });
});
