import { describe, expect, it } from 'vitest';
import { resolveProjectConfig } from './project-config.ts';

describe('resolveProjectConfig', () => {
  it('keeps valid fields and drops invalid ones with a warning', () => {
    expect(resolveProjectConfig({ schema: '', context: 'ctx', rules: {} }, 'openspec/config.yaml')).toEqual({
      config: { context: 'ctx', rules: {} },
      warnings: ["Invalid 'schema' field in config (must be non-empty string)"],
    });
  });

  it('treats an empty document as an empty config and a non-object as a warning', () => {
    expect(resolveProjectConfig(null, 'c.yaml')).toEqual({ config: {}, warnings: [] });
    expect(resolveProjectConfig(['a'], 'c.yaml')).toEqual({
      config: {},
      warnings: ['c.yaml is not a valid YAML object'],
    });
  });

  it('reads rules per artifact and the language', () => {
    const r = resolveProjectConfig(
      { schema: 'spec-driven', rules: { proposal: ['Short', ''], tasks: 'one rule' }, language: ' Deutsch ' },
      'c.yaml',
    );
    expect(r.config).toEqual({ schema: 'spec-driven', rules: { proposal: ['Short'] }, language: 'Deutsch' });
    expect(r.warnings).toEqual([
      'c.yaml: rules.proposal has empty or non-text entries; they are ignored.',
      'c.yaml: rules.tasks must be a list of strings; ignored.',
    ]);
  });

  it('treats rule keys as plain data (no prototype tricks)', () => {
    const r = resolveProjectConfig({ rules: { constructor: ['x'], __proto__: ['y'] } }, 'c.yaml');
    expect(r.config.rules?.constructor).toEqual(['x']);
  });

  it('warns about unknown keys with file and line, but not about OpenSpec-only keys', () => {
    const lineOf = (path: readonly PropertyKey[]) => (path[0] === 'contxt' ? 4 : undefined);
    const r = resolveProjectConfig(
      { contxt: 'x', operations: {}, store: 'x' },
      'openspec/config.yaml',
      lineOf,
    );
    expect(r.warnings).toEqual([
      "openspec/config.yaml:4: unknown key 'contxt' is ignored (known keys: schema, context, rules, language, plan, verify, trace).",
    ]);
  });

  it('ignores a context over 50 KB with a warning', () => {
    const r = resolveProjectConfig({ context: 'x'.repeat(51 * 1024) }, 'c.yaml');
    expect(r.config.context).toBeUndefined();
    expect(r.warnings[0]).toContain('over the 50 KB limit');
  });

  it('reads verify steps and trace globs', () => {
    const r = resolveProjectConfig(
      {
        verify: [
          { name: 'lint', run: 'npm run lint' },
          { name: 'test', run: 'npm test', timeout: 600 },
        ],
        trace: { include: ['src/**'], tests: ['**/*.test.ts'] },
      },
      'c.yaml',
    );
    expect(r).toEqual({
      config: {
        verify: [
          { name: 'lint', run: 'npm run lint' },
          { name: 'test', run: 'npm test', timeout: 600 },
        ],
        trace: { include: ['src/**'], tests: ['**/*.test.ts'] },
      },
      warnings: [],
    });
  });

  it.each([
    [
      [{ name: 'lint' }],
      "c.yaml:7: verify[0].run: Invalid input: expected string, received undefined; 'verify' is ignored.",
    ],
    [
      [{ name: 'a b', run: 'x' }],
      "c.yaml:7: verify[0].name: must be a word such as lint, typecheck or test:unit; 'verify' is ignored.",
    ],
    [
      [{ name: 'x', run: 'y', comand: 'z' }],
      'c.yaml:7: verify[0]: Unrecognized key: "comand"; \'verify\' is ignored.',
    ],
    [
      [
        { name: 'x', run: 'y' },
        { name: 'x', run: 'z' },
      ],
      "c.yaml: verify: the step name 'x' is used twice; 'verify' is ignored.",
    ],
  ])('refuses an invalid verify list with a located reason (%j)', (verify, message) => {
    const lineOf = (path: readonly PropertyKey[]) =>
      path[0] === 'verify' && path.length <= 2 ? 7 : undefined;
    const r = resolveProjectConfig({ verify }, 'c.yaml', lineOf);
    expect(r.config.verify).toBeUndefined();
    expect(r.invalid).toEqual({ verify: message });
    expect(r.warnings).toEqual([message]);
  });

  it('drops an invalid trace section with a warning', () => {
    const r = resolveProjectConfig({ trace: { include: 'src/**' } }, 'c.yaml');
    expect(r.config.trace).toBeUndefined();
    expect(r.invalid?.trace).toMatch(/^c\.yaml: trace\.include: /);
  });
});

describe('plan weights', () => {
  it('keeps valid size weights and drops an invalid plan field with a warning', () => {
    expect(resolveProjectConfig({ plan: { weights: { M: 5, XL: 20 } } }, 'c.yaml').config.plan).toEqual({
      weights: { M: 5, XL: 20 },
    });
    const bad = resolveProjectConfig({ plan: { weights: { M: -1 } } }, 'c.yaml');
    expect(bad.config.plan).toBeUndefined();
    expect(bad.warnings[0]).toContain("Invalid 'plan' field");
  });
});
