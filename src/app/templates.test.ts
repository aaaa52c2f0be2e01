import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { forkSchema } from './schemas.ts';
import { listTemplates } from './templates.ts';

const env = { XDG_DATA_HOME: '/nonexistent-specwright-data' };

describe('listTemplates', () => {
  it('lists built-in templates outside any project, by absolute path', async () => {
    const r = await listTemplates({ cwd: makeTree(), env });
    expect(r.root).toBeUndefined();
    expect(r.schema).toMatchObject({ name: 'spec-driven', selectedBy: 'default', source: 'package' });
    expect(r.templates.map((t) => [t.artifact, t.template])).toEqual([
      ['proposal', 'proposal.md'],
      ['specs', 'spec.md'],
      ['design', 'design.md'],
      ['tasks', 'tasks.md'],
    ]);
    expect(r.templates[0]?.path).toBe(r.templates[0]?.absolutePath);
  });

  it('shows a project schema’s templates root-relative, chosen by the config', async () => {
    const root = makeTree({ 'openspec/specs/.gitkeep': '', 'openspec/config.yaml': 'schema: mine\n' });
    await forkSchema({ cwd: root, env, source: 'spec-driven', name: 'mine', force: false });
    const r = await listTemplates({ cwd: root, env });
    expect(r.schema).toMatchObject({
      name: 'mine',
      selectedBy: 'config',
      source: 'project',
      path: 'openspec/schemas/mine',
    });
    expect(r.templates[0]?.path).toBe('openspec/schemas/mine/templates/proposal.md');
  });
});
