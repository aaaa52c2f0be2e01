import { describe, expect, it } from 'vitest';
import { isNode, parse, parseDocument } from 'yaml';
import { checkSchemaDocument } from './check-schema.ts';
import { checkRelativePath, isGlob } from './paths.ts';

/** Check YAML text the way io does: parse, and locate values by line. */
function check(text: string) {
  const doc = parseDocument(text);
  const lineOf = (path: readonly PropertyKey[]) => {
    const n = doc.getIn(path as unknown[], true);
    return isNode(n) && n.range ? text.slice(0, n.range[0]).split('\n').length : undefined;
  };
  return checkSchemaDocument(parse(text), 'schema.yaml', lineOf);
}

const VALID = `name: flow
version: 1
artifacts:
  - id: proposal
    generates: proposal.md
    description: Why
    template: proposal.md
  - id: specs
    generates: specs/**/*.md
    description: Deltas
    template: spec.md
    requires: [proposal]
  - id: tasks
    generates: tasks.md
    description: Steps
    template: tasks.md
    requires: [specs]
apply:
  requires: [tasks]
  tracks: tasks.md
`;

describe('checkSchemaDocument', () => {
  it('accepts a valid schema and defaults requires to []', () => {
    const r = check(VALID);
    expect(r.issues).toEqual([]);
    expect(r.schema?.artifacts.map((a) => a.requires)).toEqual([[], ['proposal'], ['specs']]);
  });

  it('reports a cycle with its path, at the line of the requires entry', () => {
    const text = VALID.replace(
      '    template: proposal.md\n',
      '    template: proposal.md\n    requires: [tasks]\n',
    );
    const r = check(text);
    expect(r.schema).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        rule: 'schema_cycle',
        message: 'Dependency cycle: proposal → tasks → specs → proposal.',
        file: 'schema.yaml',
        line: 8,
      }),
    ]);
  });

  it('reports unknown requires and apply.requires ids with their lines', () => {
    const text = VALID.replace('requires: [proposal]', 'requires: [proposl]').replace(
      'requires: [tasks]',
      'requires: [task]',
    );
    const rules = check(text).issues.map((i) => [i.rule, i.line, i.message]);
    expect(rules).toEqual([
      [
        'schema_unknown_requires',
        12,
        "Artifact 'specs' requires 'proposl', which is not an artifact of this schema.",
      ],
      [
        'schema_unknown_apply_requires',
        19,
        "apply.requires names 'task', which is not an artifact of this schema.",
      ],
    ]);
  });

  it('reports duplicate ids at the second declaration, naming the first line', () => {
    const r = check(VALID.replace('  - id: tasks', '  - id: specs'));
    expect(r.issues[0]).toMatchObject({ rule: 'schema_duplicate_artifact', line: 13 });
    expect(r.issues[0]?.message).toContain('first on line 8');
  });

  it.each([
    ['/abs/proposal.md', 'must be a relative path'],
    ['../outside.md', "must not contain '..'"],
    ['specs\\\\x.md', 'forward slashes'],
    ['C:/x.md', 'must be a relative path'],
    ['specs//x.md', 'empty segments'],
    ['specs/{a,b.md', 'unbalanced braces'],
  ])('rejects the bad path %s with its line', (bad, message) => {
    const r = check(VALID.replace('generates: proposal.md', `generates: "${bad}"`));
    expect(r.issues[0]).toMatchObject({ rule: 'schema_invalid_field', line: 5 });
    expect(r.issues[0]?.message).toContain(message);
  });

  it('rejects reserved and malformed ids, a bad version and an empty artifact list', () => {
    expect(check(VALID.replace('id: tasks', 'id: apply')).issues[0]?.message).toContain('reserved');
    expect(check(VALID.replace('id: tasks', 'id: Tasks')).issues[0]?.message).toContain('lower-case');
    expect(check(VALID.replace('version: 1', 'version: 0')).issues[0]).toMatchObject({ line: 2 });
    expect(check('name: x\nversion: 1\nartifacts: []\n').issues[0]?.message).toContain(
      'at least one artifact',
    );
  });

  it('warns about unknown keys and an apply.tracks no artifact generates, without failing', () => {
    const text = VALID.replace('    requires: [proposal]', '    require: [proposal]').replace(
      'tracks: tasks.md',
      'tracks: todo.md',
    );
    const r = check(text);
    expect(r.schema).toBeDefined();
    expect(r.issues.map((i) => [i.level, i.rule, i.line])).toEqual([
      ['WARNING', 'schema_tracks_unmatched', 20],
      ['WARNING', 'schema_unknown_key', 12],
    ]);
  });

  it('treats a non-object document as a shape error', () => {
    expect(check('- just\n- a list\n').issues[0]).toMatchObject({ rule: 'schema_invalid_field', line: 1 });
  });
});

describe('paths', () => {
  it('tells globs from file names', () => {
    expect(isGlob('specs/**/*.md')).toBe(true);
    expect(isGlob('tasks.md')).toBe(false);
    expect(checkRelativePath('specs/**/*.md')).toBeUndefined();
    expect(checkRelativePath('./x.md')).toContain("'.'");
  });
});
