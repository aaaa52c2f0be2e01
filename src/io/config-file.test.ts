import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { checkProjectConfig, readConfigDocument } from './config-file.ts';

const BROKEN = 'schema: spec-driven\nplan:\n  weights: [\n';

describe('checkProjectConfig', () => {
  it('finds nothing wrong with a missing, a commented flat or a nested valid config', async () => {
    expect(await checkProjectConfig(makeTree({ 'openspec/specs/': null }))).toBeUndefined();
    const flat = makeTree({ 'openspec/config.yaml': '# c\nschema: spec-driven\n' });
    expect(await checkProjectConfig(flat)).toBeUndefined();
    const nested = makeTree({ 'openspec/config.yaml': 'rules:\n  proposal: [Short]\n' });
    expect(await checkProjectConfig(nested)).toBeUndefined();
  });

  it('locates invalid YAML, also in config.yml', async () => {
    const problem = {
      line: 4,
      message: expect.stringMatching(/^openspec\/config\.yaml:4: Flow sequence/),
      reason: expect.stringMatching(/^Flow sequence/),
      fix: 'Fix the YAML syntax in openspec/config.yaml.',
    };
    const yaml = makeTree({ 'openspec/config.yaml': BROKEN });
    expect(await checkProjectConfig(yaml)).toMatchObject({ file: 'openspec/config.yaml', ...problem });
    const yml = makeTree({ 'openspec/config.yml': BROKEN });
    expect(await checkProjectConfig(yml)).toMatchObject({ file: 'openspec/config.yml', line: 4 });
  });

  it('reports invalid UTF-8 with its line and an oversized file by name', async () => {
    const bytes = new Uint8Array([...Buffer.from('schema: a\ncontext: '), 0xff, 0x0a]);
    const utf8 = makeTree({ 'openspec/config.yaml': bytes });
    expect(await checkProjectConfig(utf8)).toMatchObject({
      line: 2,
      message: 'openspec/config.yaml:2: invalid UTF-8 at byte 19.',
      reason: 'invalid UTF-8 at byte 19.',
    });
    const big = makeTree({ 'openspec/config.yaml': `# ${'x'.repeat(10 * 1024 * 1024)}\n` });
    const problem = await checkProjectConfig(big);
    expect(problem).toMatchObject({
      message: 'openspec/config.yaml: too large (10.0 MB); files over 10 MB are refused.',
      reason: 'too large (10.0 MB); files over 10 MB are refused.',
    });
    expect(problem?.line).toBeUndefined();
  });
});

describe('readConfigDocument', () => {
  it('throws config_invalid with the same located line', async () => {
    await expect(readConfigDocument(makeTree({ 'openspec/config.yaml': BROKEN }))).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/^openspec\/config\.yaml:4: Flow sequence[^\n]+$/),
      fix: 'Fix the YAML syntax in openspec/config.yaml.',
    });
  });

  it('gives the parsed document, or nothing without a config file', async () => {
    expect(await readConfigDocument(makeTree({ 'openspec/specs/': null }))).toBeUndefined();
    const doc = await readConfigDocument(makeTree({ 'openspec/config.yaml': 'schema: x\n' }));
    expect(doc?.parsed.data).toEqual({ schema: 'x' });
  });
});
