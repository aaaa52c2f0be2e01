import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { ADD_AUTH_DELTA, AUTH_SPEC } from '../../test/helpers/tmp-project.ts';
import { runValidation, type ValidateRequest } from './validate.ts';

const PROJECT = {
  'openspec/specs/auth/spec.md': AUTH_SPEC,
  'openspec/changes/add-auth/.openspec.yaml': 'schema: spec-driven\n',
  'openspec/changes/add-auth/specs/auth/spec.md': ADD_AUTH_DELTA,
};

const CONFIG_ITEM = {
  id: 'openspec/config.yaml',
  type: 'config',
  valid: false,
  issues: [
    {
      level: 'ERROR',
      rule: 'config_invalid',
      message: expect.stringMatching(/^Flow sequence/),
      file: 'openspec/config.yaml',
      line: 3,
      fix: 'Fix the YAML syntax in openspec/config.yaml.',
    },
  ],
};

describe('runValidation and the project config', () => {
  it('reports it whenever the run includes active changes, and not for --specs or --archived', async () => {
    const root = makeTree({ ...PROJECT, 'openspec/config.yaml': 'plan:\n  weights: [\n' });
    const types = async (scope: Omit<ValidateRequest, 'strict'>) =>
      (await runValidation(root, { strict: false, ...scope })).items.map((i) => i.type);
    expect(await types({})).toEqual(['config', 'change', 'spec']);
    expect(await types({ changes: true })).toEqual(['config', 'change']);
    expect(await types({ changes: true, specs: true })).toEqual(['config', 'change', 'spec']);
    expect(await types({ specs: true })).toEqual(['spec']);
    expect(await types({ archived: true })).toEqual([]);
    const specs = await runValidation(root, { specs: true, strict: false });
    expect(specs.summary.byType.config).toBeUndefined();
    expect(specs.summary.totals.failed).toBe(0);
  });

  it('reports a malformed config.yaml as a failed item of --all and of one change, not of one spec', async () => {
    const root = makeTree({ ...PROJECT, 'openspec/config.yaml': 'plan:\n  weights: [\n' });
    const all = await runValidation(root, { all: true, strict: false });
    expect(all.items[0]).toEqual(CONFIG_ITEM);
    expect(all.summary.byType.config).toEqual({ items: 1, passed: 0, failed: 1 });
    expect(all.summary.totals.failed).toBe(1);
    const change = await runValidation(root, { item: 'add-auth', strict: false });
    expect(change.items.map((i) => [i.type, i.valid])).toEqual([
      ['config', false],
      ['change', true],
    ]);
    const spec = await runValidation(root, { item: 'auth', strict: false });
    expect(spec.items.map((i) => i.type)).toEqual(['spec']);
  });

  it('adds no item for a usable config, whatever its fields say', async () => {
    const root = makeTree({ ...PROJECT, 'openspec/config.yaml': 'schema: spec-driven\ncolour: blue\n' });
    const all = await runValidation(root, { all: true, strict: true });
    expect(all.items.map((i) => i.type)).toEqual(['change', 'spec']);
    expect(all.summary.byType.config).toBeUndefined();
  });
});

const TOO_LARGE = {
  level: 'ERROR',
  rule: 'file_too_large',
  message: 'too large (10.0 MB); files over 10 MB are refused.',
  file: 'openspec/specs/huge/spec.md',
};

describe('runValidation and files that cannot be read', () => {
  it('locates the issue once: file and line as fields, the message only the reason', async () => {
    const bad = new Uint8Array([...Buffer.from('# auth\n\n'), 0xff, 0x0a]);
    const root = makeTree({
      ...PROJECT,
      'openspec/specs/other/spec.md': bad,
      'openspec/specs/huge/spec.md': `# huge\n${'x'.repeat(10 * 1024 * 1024)}\n`,
      'openspec/changes/add-auth/tasks.md': bad,
    });
    const report = await runValidation(root, { all: true, strict: false });
    expect(report.items.map((i) => [i.id, i.issues])).toEqual([
      [
        'add-auth',
        [
          {
            level: 'ERROR',
            rule: 'file_not_utf8',
            message: 'invalid UTF-8 at byte 8.',
            file: 'openspec/changes/add-auth/tasks.md',
            line: 3,
            fix: 'Save the file as UTF-8.',
          },
        ],
      ],
      ['auth', []],
      ['huge', [TOO_LARGE]],
      [
        'other',
        [
          {
            level: 'ERROR',
            rule: 'file_not_utf8',
            message: 'invalid UTF-8 at byte 8.',
            file: 'openspec/specs/other/spec.md',
            line: 3,
            fix: 'Save the file as UTF-8.',
          },
        ],
      ],
    ]);
  });
});
