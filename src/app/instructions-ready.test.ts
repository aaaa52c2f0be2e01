import { describe, expect, it } from 'vitest';
import { tempProjects } from '../../test/helpers/tmp-project.ts';
import { applyInstructions } from './instructions.ts';

const { project } = tempProjects();

describe('instructions apply: ready tasks', () => {
  it('lists the unchecked tasks whose dependencies are all checked, with their tags', async () => {
    const root = project({
      'openspec/changes/c/.openspec.yaml': 'schema: spec-driven\n',
      'openspec/changes/c/proposal.md': '# P\n',
      'openspec/changes/c/design.md': '# D\n',
      'openspec/changes/c/specs/auth/spec.md': '## ADDED Requirements\n',
      'openspec/changes/c/tasks.md':
        '## 1. A\n- [x] 1.1 Base [size: S]\n- [ ] 1.2 Needs base [after: 1.1] [uses: db]\n- [ ] 1.3 Needs 1.2 [after: 1.2]\n- [ ] 1.4 Free\n',
    });
    const { instructions } = await applyInstructions({ cwd: root, env: {}, change: 'c' });
    expect(instructions.ready.map((t) => t.id)).toEqual(['1.2', '1.4']);
    expect(instructions.pending.map((t) => t.id)).toEqual(['1.2', '1.3', '1.4']);
    expect(instructions.tasks[1]).toMatchObject({
      text: 'Needs base',
      after: ['1.1'],
      uses: ['db'],
      size: null,
    });
    expect(instructions.tasks[0]).toMatchObject({ size: 'S' });
  });
});
