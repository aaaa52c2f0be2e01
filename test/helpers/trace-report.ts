import type { TraceReport } from '../../src/app/trace.ts';

/** A small trace report with a name that needs escaping, an uncovered scenario and a dangling reference. */
export function sampleTraceReport(over: Partial<TraceReport> = {}): TraceReport {
  return {
    change: null,
    scenarios: [
      {
        ref: 'auth#Login/Ok',
        capability: 'auth',
        requirement: 'Login',
        scenario: 'Ok',
        tasks: [{ change: 'add-auth', id: '1.1', done: true }],
        tests: [{ file: 'test/login.test.ts', line: 3 }],
        code: [{ file: 'src/login.ts', line: 1 }],
        covered: true,
      },
      {
        ref: 'auth#Login/<script>alert("x") | y</script>',
        capability: 'auth',
        requirement: 'Login',
        scenario: '<script>alert("x") | y</script>',
        tasks: [],
        tests: [],
        code: [],
        covered: false,
      },
    ],
    uncovered: ['auth#Login/<script>alert("x") | y</script>'],
    dangling: [
      {
        file: 'test/old.test.ts',
        line: 4,
        ref: 'auth#Sign In/Ok',
        kind: 'test',
        via: 'title',
        problem: 'auth has no requirement "Sign In"; renamed by 2026-01-02-rename',
        fix: 'auth#Login/Ok',
        renamedBy: ['2026-01-02-rename'],
        removedBy: null,
        suggestions: [],
      },
    ],
    coverage: {
      overall: { covered: 1, total: 2, percent: 50 },
      capabilities: [{ capability: 'auth', covered: 1, total: 2, percent: 50 }],
    },
    minCoverage: 80,
    meetsMinimum: false,
    passed: false,
    files: { scanned: 10, withReferences: 3, references: 4, listedBy: 'git' },
    changeFiles: null,
    ...over,
  };
}
