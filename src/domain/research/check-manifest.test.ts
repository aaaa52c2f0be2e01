import { describe, expect, it } from 'vitest';
import { parseTasks } from '../tasks/parse-tasks.ts';
import { checkManifest, samePath } from './check-manifest.ts';
import { taskFileRefs } from './file-refs.ts';
import { parseManifest } from './parse-manifest.ts';

const FILES = { tasksFile: 'c/tasks.md', manifestFile: 'c/analysis.md' };

describe('samePath', () => {
  it.each([
    ['src/a.ts', 'src/a.ts', true],
    ['src/a.ts', 'pkg/src/a.ts', true],
    ['pkg/src/a.ts', 'src/a.ts', true],
    ['a.ts', 'src/a.ts', true],
    ['src/a.ts', 'src/ba.ts', false],
    ['other/src/a.ts', 'pkg/src/a.ts', false],
    ['src/routes/', 'pkg/src/routes/calls.tsx', true],
    ['pkg/src/routes/calls.tsx', 'src/routes/', true],
    ['src/routes/', 'src/other.ts', false],
  ])('%s ~ %s: %s', (ref, key, expected) => {
    expect(samePath(ref, key)).toBe(expected);
  });
});

describe('checkManifest', () => {
  const manifest = parseManifest(
    [
      '## packages/shared',
      '### src/schemas.ts',
      '- Zod schemas',
      '### src/constants.ts',
      '- Key prefixes',
      '## app',
      '### src/unused.ts',
      '- Nobody names me',
    ].join('\n'),
  );

  it('records which tasks name each entry and warns both ways', () => {
    const refs = taskFileRefs(
      parseTasks(
        [
          '## 1. Shared',
          '- [ ] 1.1 Write `packages/shared/src/schemas.ts`',
          '  - [ ] Add `src/constants.ts`',
          '- [ ] 1.2 Touch `src/missing.ts` and `src/schemas.ts`',
          '- [ ] Untracked `src/constants.ts`',
        ].join('\n'),
      ),
    );
    const check = checkManifest(manifest, refs, FILES);
    expect(check.entries.map((e) => [e.path, e.tasks, e.touched])).toEqual([
      ['src/schemas.ts', ['1.1', '1.2'], true],
      ['src/constants.ts', ['1.1'], true],
      ['src/unused.ts', [], false],
    ]);
    expect(check.entries[0]).toMatchObject({ package: 'packages/shared', line: 2, notes: ['Zod schemas'] });
    expect(check.unlisted).toEqual([{ path: 'src/missing.ts', task: '1.2', line: 4 }]);
    expect(check.issues).toEqual([
      {
        level: 'WARNING',
        rule: 'manifest_unlisted_file',
        message: 'Task 1.2 names src/missing.ts, which analysis.md does not list.',
        file: 'c/tasks.md',
        line: 4,
        fix: 'Add "### src/missing.ts" under its package in analysis.md, or correct the path in the task.',
      },
      {
        level: 'WARNING',
        rule: 'manifest_untouched_entry',
        message: 'analysis.md lists src/unused.ts (app), but no task names it.',
        file: 'c/analysis.md',
        line: 7,
        fix: 'Name it in backticks in the task that creates or changes it (`src/unused.ts`), or drop the entry.',
      },
    ]);
  });

  it('names a task without an id by its line', () => {
    const refs = taskFileRefs(parseTasks('- [ ] Touch `x.ts`\n'));
    expect(checkManifest(manifest, refs, FILES).issues[0]?.message).toBe(
      'Task on line 1 names x.ts, which analysis.md does not list.',
    );
  });
});
