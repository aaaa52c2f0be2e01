import { describe, expect, it } from 'vitest';
import type { WorkflowSchema } from './schema.ts';
import { computeApplyStatus, computeWorkflowStatus } from './status.ts';

type Decl = [id: string, generates: string, requires?: string[]];

function schema(decls: Decl[], apply?: WorkflowSchema['apply']): WorkflowSchema {
  const artifacts = decls.map(([id, generates, requires = []]) => ({
    id,
    generates,
    description: id,
    template: `${id}.md`,
    requires,
  }));
  return { name: 'flow', version: 1, artifacts, ...(apply ? { apply } : {}) };
}

const SPEC_DRIVEN = schema(
  [
    ['proposal', 'proposal.md'],
    ['specs', 'specs/**/*.md', ['proposal']],
    ['design', 'design.md', ['proposal']],
    ['tasks', 'tasks.md', ['specs', 'design']],
  ],
  { requires: ['tasks'], tracks: 'tasks.md' },
);

/** The same workflow with a research step that design now needs. */
const RESEARCH = schema(
  [
    ['proposal', 'proposal.md'],
    ['research', 'research.md', ['proposal']],
    ['specs', 'specs/**/*.md', ['proposal']],
    ['design', 'design.md', ['proposal', 'research']],
    ['tasks', 'tasks.md', ['specs', 'design']],
  ],
  { requires: ['tasks'], tracks: 'tasks.md' },
);

const files = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
const statuses = (s: ReturnType<typeof computeWorkflowStatus>) => s.artifacts.map((a) => [a.id, a.status]);

describe('computeWorkflowStatus', () => {
  it('starts with only the root artifact ready', () => {
    const s = computeWorkflowStatus(SPEC_DRIVEN, files({}), { skipSpecs: false });
    expect(statuses(s)).toEqual([
      ['proposal', 'ready'],
      ['specs', 'blocked'],
      ['design', 'blocked'],
      ['tasks', 'blocked'],
    ]);
    expect(s.artifacts[3]?.missingDeps).toEqual(['specs', 'design']);
    expect(s.next).toBe('proposal');
    expect(s.readyToApply).toBe(false);
    expect(s.missingForApply).toEqual(['proposal', 'specs', 'design', 'tasks']);
  });

  it('counts a glob artifact done only when the caller found a matching file', () => {
    const none = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p.md'], specs: [] }), {
      skipSpecs: false,
    });
    expect(none.artifacts[1]).toMatchObject({ id: 'specs', status: 'ready', files: [] });
    const one = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p.md'], specs: ['s/a/spec.md'] }), {
      skipSpecs: false,
    });
    expect(one.artifacts[1]).toMatchObject({ id: 'specs', status: 'done', files: ['s/a/spec.md'] });
    expect(one.next).toBe('design');
  });

  it('lists only the missing requirements of a blocked artifact', () => {
    const s = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p'], specs: ['s'] }), {
      skipSpecs: false,
    });
    expect(s.artifacts.find((a) => a.id === 'tasks')).toMatchObject({
      status: 'blocked',
      missingDeps: ['design'],
    });
  });

  it('marks spec artifacts skipped for skip_specs and lets their dependents proceed', () => {
    const s = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p'], design: ['d'] }), {
      skipSpecs: true,
    });
    expect(statuses(s)).toEqual([
      ['proposal', 'done'],
      ['specs', 'skipped'],
      ['design', 'done'],
      ['tasks', 'ready'],
    ]);
  });

  it('is not ready to apply while an artifact that tasks needs is missing, however tasks got written', () => {
    const s = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p'], tasks: ['t'] }), {
      skipSpecs: false,
    });
    expect(s.artifacts.find((a) => a.id === 'tasks')?.status).toBe('done');
    expect(s).toMatchObject({ readyToApply: false, missingForApply: ['specs', 'design'] });
  });

  it('does not need the spec artifacts of a skip_specs change to apply', () => {
    const ready = computeWorkflowStatus(
      SPEC_DRIVEN,
      files({ proposal: ['p'], design: ['d'], tasks: ['t'] }),
      {
        skipSpecs: true,
      },
    );
    expect(ready).toMatchObject({ readyToApply: true, missingForApply: [] });
    const noDesign = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p'], tasks: ['t'] }), {
      skipSpecs: true,
    });
    expect(noDesign).toMatchObject({ readyToApply: false, missingForApply: ['design'] });
  });

  it('is done, applicable and complete once every output exists', () => {
    const all = files({ proposal: ['p'], specs: ['s'], design: ['d'], tasks: ['t'] });
    const s = computeWorkflowStatus(SPEC_DRIVEN, all, { skipSpecs: false });
    expect(s).toMatchObject({ complete: true, readyToApply: true, next: undefined, missingForApply: [] });
  });

  it('follows a schema switched mid-way: the same files, re-judged by the new graph', () => {
    const written = files({ proposal: ['p'], specs: ['s'], design: ['d'] });
    const before = computeWorkflowStatus(SPEC_DRIVEN, written, { skipSpecs: false });
    expect(before.next).toBe('tasks');
    const after = computeWorkflowStatus(RESEARCH, written, { skipSpecs: false });
    expect(statuses(after)).toEqual([
      ['proposal', 'done'],
      ['research', 'ready'],
      ['specs', 'done'],
      ['design', 'done'],
      ['tasks', 'ready'],
    ]);
    expect(after.next).toBe('research');
    expect(after.complete).toBe(false);
  });

  it('without an apply block, apply requires every artifact', () => {
    const s = computeWorkflowStatus(
      schema([
        ['a', 'a.md'],
        ['b', 'b.md', ['a']],
      ]),
      files({ a: ['a'] }),
      {
        skipSpecs: false,
      },
    );
    expect(s.applyRequires).toEqual(['a', 'b']);
    expect(s.missingForApply).toEqual(['b']);
  });
});

describe('computeApplyStatus', () => {
  const ready = computeWorkflowStatus(
    SPEC_DRIVEN,
    files({ proposal: ['p'], specs: ['s'], design: ['d'], tasks: ['t'] }),
    {
      skipSpecs: false,
    },
  );
  const blocked = computeWorkflowStatus(SPEC_DRIVEN, files({ proposal: ['p'] }), { skipSpecs: false });

  it.each([
    [
      'blocked by artifacts',
      blocked,
      { tracks: 'tasks.md', done: 0, total: 0 },
      'blocked',
      'specs, design, tasks',
    ],
    [
      'blocked without tasks',
      ready,
      { tracks: 'tasks.md', done: 0, total: 0 },
      'blocked',
      'no checkbox tasks',
    ],
    ['ready', ready, { tracks: 'tasks.md', done: 1, total: 3 }, 'ready', '2 of 3 tasks still open'],
    ['all done', ready, { tracks: 'tasks.md', done: 3, total: 3 }, 'all_done', 'All 3 tasks are checked'],
    ['untracked', ready, { tracks: null, done: 0, total: 0 }, 'ready', 'tracks no task file'],
  ] as const)('%s', (_name, status, tasks, state, message) => {
    const r = computeApplyStatus(status, tasks);
    expect(r.state).toBe(state);
    expect(r.message).toContain(message);
  });
});
