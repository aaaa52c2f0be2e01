import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { f2Files, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const temp = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const CONFIG = 'openspec/config.yaml';
const MALFORMED = 'schema: spec-driven\nplan:\n  weights: [\n';
/** What every command prints for MALFORMED: one located line, then the fix. */
const MALFORMED_ERROR =
  /^Error: openspec\/config\.yaml:4: Flow sequence in block collection [^\n]+\nFix: Fix the YAML syntax in openspec\/config\.yaml\.\n$/;

/** F2 (the add-auth change) with its config replaced by `config`. */
function project(config: string | Uint8Array): string {
  const root = temp.project(f2Files());
  writeFileSync(join(root, CONFIG), config);
  return root;
}

/** Every command that reads config.yaml, on F2's add-auth change. */
const READERS = [
  ['plan', 'add-auth'],
  ['trace'],
  ['trace', 'add-auth'],
  ['status'],
  ['status', '--change', 'add-auth'],
  ['instructions', 'apply', '--change', 'add-auth'],
  ['instructions', 'design', '--change', 'add-auth'],
  ['templates'],
  ['schema', 'which'],
  ['verify', 'add-auth'],
  ['new', 'change', 'zz'],
  ['archive', 'add-auth', '--yes'],
  ['sync', 'add-auth'],
];

describe('a config.yaml that cannot be used', () => {
  it('fails every command that reads it with the same located line, writing nothing', () => {
    const root = project(MALFORMED);
    const before = snapshotTree(root);
    const results = READERS.map((args) => {
      const r = runCli(root, args);
      return { args: args.join(' '), code: r.code, stdout: r.stdout, stderr: r.stderr };
    });
    const expected = READERS.map((args) => ({
      args: args.join(' '),
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(MALFORMED_ERROR),
    }));
    expect(results).toEqual(expected);
    expect(snapshotTree(root)).toEqual(before);
  });

  it.each([
    [
      'invalid UTF-8',
      Buffer.from('schema: spec-driven\ncontext: \xff\n', 'latin1'),
      /^openspec\/config\.yaml:2: invalid UTF-8 at byte 29\.$/,
    ],
    [
      'over the size limit',
      `# ${'x'.repeat(10 * 1024 * 1024)}\n`,
      /^openspec\/config\.yaml: too large \(10\.0 MB\); files over 10 MB are refused\.$/,
    ],
  ])(
    'refuses a config with %s in sync, archive, plan and new change (code config_invalid)',
    (_what, bytes, message) => {
      const root = project(bytes);
      const before = snapshotTree(root);
      for (const args of [
        ['sync', 'add-auth'],
        ['archive', 'add-auth', '--yes'],
        ['plan', 'add-auth'],
        ['new', 'change', 'zz'],
      ]) {
        const r = runCli(root, [...args, '--json']);
        expect(r.code, args.join(' ')).toBe(1);
        expect((r.json() as Json).status[0], args.join(' ')).toMatchObject({
          code: 'config_invalid',
          message,
        });
      }
      expect(snapshotTree(root)).toEqual(before);
    },
  );

  it('fails validate --all, --changes and <change> with a config_invalid issue, not --specs or <spec>', () => {
    const root = project(MALFORMED);
    const all = runCli(root, ['validate', '--all', '--json']);
    expect(all.code).toBe(1);
    const doc = all.json() as Json;
    expect(doc.items[0]).toEqual({
      id: CONFIG,
      type: 'config',
      valid: false,
      issues: [
        {
          level: 'ERROR',
          rule: 'config_invalid',
          message: expect.stringMatching(/^Flow sequence in block collection/),
          file: CONFIG,
          line: 4,
          fix: 'Fix the YAML syntax in openspec/config.yaml.',
        },
      ],
    });
    expect(doc.summary.byType.config).toEqual({ items: 1, passed: 0, failed: 1 });
    const one = runCli(root, ['validate', 'add-auth']);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(
      /^✗ config openspec\/config\.yaml\n {2}openspec\/config\.yaml\n {4}✗ ERROR line 4 {2}Flow sequence [^\n]+ \[config_invalid\]\n/,
    );
    expect(runCli(root, ['validate', 'auth', '--type', 'spec']).code).toBe(0);
    expect(runCli(root, ['validate', '--changes']).code).toBe(1);
    const specs = runCli(root, ['validate', '--specs', '--json']);
    expect(specs.code).toBe(0);
    expect((specs.json() as Json).items.map((i: Json) => i.type)).not.toContain('config');
  });

  it('keeps a config whose fields are merely invalid usable, with warnings on stderr', () => {
    const root = project('schema: spec-driven\nplan:\n  weights:\n    M: -1\n');
    const plan = runCli(root, ['plan', 'add-auth']);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain("Warning: Invalid 'plan' field in config");
    expect(runCli(root, ['validate', '--all']).code).toBe(0);
  });
});

describe('an invalid schema.yaml', () => {
  const SCHEMA = 'openspec/schemas/mine/schema.yaml';

  /** F2 with add-auth on project schema `mine`, whose schema.yaml is not valid YAML (line 4). */
  function schemaProject(): string {
    const root = project('schema: spec-driven\n');
    writeFileSync(join(root, 'openspec/changes/add-auth/.openspec.yaml'), 'schema: mine\n');
    mkdirSync(join(root, 'openspec/schemas/mine'), { recursive: true });
    writeFileSync(join(root, SCHEMA), 'name: mine\nversion: 1\nartifacts: [\n  - id: a\n');
    return root;
  }

  it.each([
    ['status', '--change', 'add-auth'],
    ['instructions', 'apply', '--change', 'add-auth'],
    ['templates', '--schema', 'mine'],
  ])('names its location once in `%s %s`', (...args) => {
    const r = runCli(schemaProject(), args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^Error: Schema 'mine' is invalid: openspec\/schemas\/mine\/schema\.yaml:4: Block collections are not allowed within flow collections\n/,
    );
  });

  it.each([
    ['new', 'change', 'zz', '--schema', 'mine'],
    ['schema', 'fork', 'mine'],
  ])('is refused by `%s %s %s` with nothing written', (...args) => {
    const root = schemaProject();
    const before = snapshotTree(root);
    const r = runCli(root, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^Error: Schema 'mine' is invalid: openspec\/schemas\/mine\/schema\.yaml:4: [^\n:]+\n/,
    );
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(join(root, 'openspec/changes/zz'))).toBe(false);
  });
});

describe('readiness to apply', () => {
  const C = 'openspec/changes/add-auth';

  /** F2's change with proposal.md and tasks.md only, plus `extra` files. */
  function proposalAndTasks(extra: Record<string, string> = {}): string {
    const root = project('schema: spec-driven\n');
    rmSync(join(root, C, 'specs'), { recursive: true });
    for (const [rel, text] of Object.entries(extra)) writeFileSync(join(root, C, rel), text);
    return root;
  }

  it('is not ready while delta specs and design are missing, and says what to write', () => {
    const root = proposalAndTasks();
    const status = runCli(root, ['status', '--change', 'add-auth']);
    expect(status.stdout).toContain('Ready to apply: no;');
    expect((runCli(root, ['status', '--change', 'add-auth', '--json']).json() as Json).readyToApply).toBe(
      false,
    );
    const text = runCli(root, ['instructions', 'apply', '--change', 'add-auth']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('State: blocked - Apply needs these artifacts first: specs, design.\n');
    expect(text.stdout).toContain(
      [
        '## Missing artifacts (write them in this order)',
        '- specs: specwright instructions specs --change add-auth',
        '- design: specwright instructions design --change add-auth',
      ].join('\n'),
    );
    const json = runCli(root, ['instructions', 'apply', '--change', 'add-auth', '--json']).json() as Json;
    expect(json).toMatchObject({ state: 'blocked', missingArtifacts: ['specs', 'design'] });
  });

  it('does not need delta specs when the change declares skip_specs', () => {
    const meta = 'schema: spec-driven\nskip_specs: true\n';
    const noDesign = proposalAndTasks({ '.openspec.yaml': meta });
    const blocked = runCli(noDesign, [
      'instructions',
      'apply',
      '--change',
      'add-auth',
      '--json',
    ]).json() as Json;
    expect(blocked).toMatchObject({ state: 'blocked', missingArtifacts: ['design'] });
    const ready = proposalAndTasks({ '.openspec.yaml': meta, 'design.md': '# Design\n' });
    const json = runCli(ready, ['instructions', 'apply', '--change', 'add-auth', '--json']).json() as Json;
    expect(json).toMatchObject({ state: 'ready', missingArtifacts: [] });
    expect(runCli(ready, ['status', '--change', 'add-auth']).stdout).toContain('Ready to apply: yes;');
  });
});
