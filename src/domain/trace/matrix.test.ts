import { describe, expect, it } from 'vitest';
import { parseCoverRef } from '../plan/task-meta.ts';
import { buildMatrix, computeCoverage, explainDangling, meetsMinimum } from './matrix.ts';
import type { NameEvent } from './renames.ts';
import type { FoundReference } from './scan-references.ts';
import { buildSpecIndex, scenariosOf } from './spec-index.ts';

const specs = [
  {
    capability: 'auth',
    requirements: [
      { name: 'Login', scenarios: ['Ok', 'Bad password'] },
      { name: 'Logout', scenarios: ['Clears'] },
    ],
  },
  { capability: 'billing', requirements: [{ name: 'Invoices', scenarios: ['Monthly'] }] },
];
const index = buildSpecIndex(specs);
const rows = scenariosOf(specs);

function found(text: string, file: string, line: number, kind: 'test' | 'code' = 'test'): FoundReference {
  const ref = parseCoverRef(text);
  return { file, line, offset: 0, text, kind, via: 'comment', ...(ref ? { ref } : {}) };
}

describe('buildMatrix', () => {
  const refs = [
    found('auth#login/ok', 'test/login.test.ts', 3),
    found('auth#Login/Ok', 'test/login.test.ts', 3),
    found('auth#Login', 'src/login.ts', 1, 'code'),
    found('auth#Logout', 'test/logout.test.ts', 9),
    found('auth#Loggin/Ok', 'test/x.test.ts', 2),
    found('not a ref', 'src/y.ts', 4, 'code'),
  ];
  const tasks = [
    {
      change: 'add-auth',
      id: '1.1',
      done: true,
      covers: [parseCoverRef('auth#Login/Ok')].flatMap((r) => (r ? [r] : [])),
    },
    {
      change: 'add-auth',
      id: '1.2',
      done: false,
      covers: [parseCoverRef('billing#Invoices')].flatMap((r) => (r ? [r] : [])),
    },
  ];
  const { rows: matrix, unresolved } = buildMatrix(rows, index, refs, tasks);

  it('links tasks, tests and code to scenarios; a requirement reference covers each of its scenarios', () => {
    expect(matrix.map((r) => [r.ref, r.tasks.map((t) => t.id), r.tests, r.code, r.covered])).toEqual([
      [
        'auth#Login/Ok',
        ['1.1'],
        [{ file: 'test/login.test.ts', line: 3 }],
        [{ file: 'src/login.ts', line: 1 }],
        true,
      ],
      ['auth#Login/Bad password', [], [], [{ file: 'src/login.ts', line: 1 }], false],
      ['auth#Logout/Clears', [], [{ file: 'test/logout.test.ts', line: 9 }], [], true],
      ['billing#Invoices/Monthly', ['1.2'], [], [], false],
    ]);
  });

  it('returns references that resolve nowhere, malformed ones included', () => {
    expect(unresolved.map((u) => [u.found.text, u.why.missing])).toEqual([
      ['auth#Loggin/Ok', 'requirement'],
      ['not a ref', 'requirement'],
    ]);
  });

  it('computes coverage overall and per capability', () => {
    expect(computeCoverage(matrix)).toEqual({
      overall: { covered: 2, total: 4, percent: 50 },
      capabilities: [
        { capability: 'auth', covered: 2, total: 3, percent: 66.7 },
        { capability: 'billing', covered: 0, total: 1, percent: 0 },
      ],
    });
    expect(computeCoverage([]).overall).toEqual({ covered: 0, total: 0, percent: 100 });
  });
});

describe('meetsMinimum', () => {
  it('compares the exact ratio, not the rounded percentage', () => {
    const twoThirds = { covered: 2, total: 3, percent: 66.7 };
    expect(meetsMinimum(twoThirds, 66.6)).toBe(true);
    expect(meetsMinimum(twoThirds, 66.7)).toBe(false);
    expect(meetsMinimum({ covered: 0, total: 0, percent: 100 }, 100)).toBe(true);
  });
});

describe('explainDangling', () => {
  it('turns archived renames into fixes and keeps close names otherwise', () => {
    const events: NameEvent[] = [
      {
        kind: 'requirement-renamed',
        change: '2026-02-01-rename',
        capability: 'auth',
        from: 'Sign In',
        to: 'Login',
      },
    ];
    const { unresolved } = buildMatrix(
      rows,
      index,
      [found('auth#Sign In/Ok', 'a.test.ts', 1), found('auth#Loggin', 'b.test.ts', 2)],
      [],
    );
    expect(explainDangling(unresolved, index, events)).toEqual([
      {
        file: 'a.test.ts',
        line: 1,
        ref: 'auth#Sign In/Ok',
        kind: 'test',
        via: 'comment',
        problem: 'auth has no requirement "Sign In"; renamed by 2026-02-01-rename',
        fix: 'auth#Login/Ok',
        renamedBy: ['2026-02-01-rename'],
        removedBy: null,
        suggestions: [],
      },
      {
        file: 'b.test.ts',
        line: 2,
        ref: 'auth#Loggin',
        kind: 'test',
        via: 'comment',
        problem: 'auth has no requirement "Loggin"',
        fix: null,
        renamedBy: [],
        removedBy: null,
        suggestions: ['auth#Login'],
      },
    ]);
  });
});
