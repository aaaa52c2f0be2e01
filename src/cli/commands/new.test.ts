import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../../test/helpers/fake-context.ts';
import { makeTree } from '../../../test/helpers/temp-tree.ts';
import { run } from './new.ts';

describe('new change command', () => {
  it('reports the created change in text', async () => {
    const root = makeTree({ 'openspec/specs': null });
    const r = await run(fakeContext(root), ['add-auth'], {});
    expect(r).toEqual({
      exitCode: 0,
      stdout: "Created change 'add-auth' at openspec/changes/add-auth/\nSchema: spec-driven\n",
      stderr: 'Next: specwright status --change add-auth\n',
    });
  });

  it('prints absolute root and root-relative paths in JSON', async () => {
    const root = makeTree({ 'openspec/changes': null });
    const r = await run(fakeContext(root), ['add-auth'], {
      json: true,
      description: 'Why',
      schema: 'spec-driven',
    });
    expect(JSON.parse(r.stdout)).toEqual({
      change: {
        id: 'add-auth',
        path: 'openspec/changes/add-auth',
        metadataPath: 'openspec/changes/add-auth/.openspec.yaml',
        schema: 'spec-driven',
      },
      root: { path: root },
    });
    expect(r.stderr).toBe('');
  });

  it('says on stderr when it had to create the skeleton', async () => {
    const dir = makeTree({});
    const r = await run(fakeContext(dir), ['first'], { json: true });
    expect(r.stderr).toMatch(/^No OpenSpec project found; created openspec\/, .* in /);
    expect(JSON.parse(r.stdout).root).toEqual({ path: dir });
  });
});
