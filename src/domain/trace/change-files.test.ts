import { describe, expect, it } from 'vitest';
import { mapTouchedFiles } from './change-files.ts';
import type { MatrixRow } from './matrix.ts';

const rows: MatrixRow[] = [
  {
    ref: 'auth#Login/Ok',
    capability: 'auth',
    requirement: 'Login',
    scenario: 'Ok',
    tasks: [],
    tests: [{ file: 'test/login.test.ts', line: 3 }],
    code: [{ file: 'packages/api/src/login.ts', line: 1 }],
    covered: true,
  },
];
const touched = [
  { path: 'packages/api/src/login.ts', status: 'modified' as const },
  { path: 'test/login.test.ts', status: 'added' as const },
  { path: 'scripts/tool.sh', status: 'untracked' as const },
];

describe('mapTouchedFiles', () => {
  it('maps files to tasks through analysis.md entries (matched by path tail) and to scenarios', () => {
    const mapped = mapTouchedFiles(
      touched,
      {
        manifest: ['packages/api/src/login.ts', 'test/login.test.ts'],
        taskFiles: [
          { path: 'src/login.ts', task: '1.1' },
          { path: 'test/login.test.ts', task: '1.2' },
          { path: 'src/login.ts', task: '1.1' },
          { path: 'src/login.ts', task: null },
        ],
      },
      rows,
    );
    expect(mapped).toEqual([
      { ...touched[0], tasks: ['1.1'], inManifest: true, scenarios: ['auth#Login/Ok'] },
      { ...touched[1], tasks: ['1.2'], inManifest: true, scenarios: ['auth#Login/Ok'] },
      { ...touched[2], tasks: [], inManifest: false, scenarios: [] },
    ]);
  });

  it('without analysis.md, a task claims the files whose path it names', () => {
    const mapped = mapTouchedFiles(touched, { taskFiles: [{ path: 'scripts/', task: '2.1' }] }, []);
    expect(mapped.map((f) => [f.path, f.tasks, f.inManifest])).toEqual([
      ['packages/api/src/login.ts', [], null],
      ['test/login.test.ts', [], null],
      ['scripts/tool.sh', ['2.1'], null],
    ]);
  });
});
