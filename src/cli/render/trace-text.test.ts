import { describe, expect, it } from 'vitest';
import { sampleTraceReport } from '../../../test/helpers/trace-report.ts';
import { renderTraceText } from './trace-text.ts';

describe('renderTraceText', () => {
  it('lists scenarios per capability, dangling references with their fix, and the coverage gate', () => {
    expect(renderTraceText(sampleTraceReport(), false)).toBe(
      [
        'Trace: all specs  10 files scanned, 3 with references',
        '',
        'auth  1/2 scenarios (50.0%) covered by tests',
        '  ✓ Login / Ok',
        '      tasks 1.1 ✓ (add-auth)  tests test/login.test.ts:3  code src/login.ts:1',
        '  ✗ Login / <script>alert("x") | y</script>',
        '      tasks —  tests —  code —',
        '',
        'Dangling references (1)',
        '  test/old.test.ts:4  auth#Sign In/Ok',
        '    auth has no requirement "Sign In"; renamed by 2026-01-02-rename',
        '    fix: auth#Login/Ok  (specwright trace --fix)',
        '',
        'Coverage: 1/2 scenarios (50.0%)  below the minimum of 80%',
        '',
      ].join('\n'),
    );
  });

  it('lists the files a change touched', () => {
    const text = renderTraceText(
      sampleTraceReport({
        change: 'add-auth',
        dangling: [],
        minCoverage: null,
        changeFiles: {
          base: 'a'.repeat(40),
          baseSource: 'metadata',
          note: null,
          files: [
            {
              path: 'src/login.ts',
              status: 'modified',
              tasks: ['1.1'],
              inManifest: true,
              scenarios: ['auth#Login/Ok'],
            },
            { path: 'src/extra.ts', status: 'untracked', tasks: [], inManifest: false, scenarios: [] },
          ],
        },
      }),
      false,
    );
    expect(text).toContain(
      [
        'Files touched since aaaaaaaaaaaa (base_commit): 2',
        '  M src/login.ts  tasks 1.1 · 1 scenario',
        '  ? src/extra.ts  no task names it · not in analysis.md',
      ].join('\n'),
    );
    expect(text).toContain('tasks 1.1 ✓  tests');
    expect(text.endsWith('Coverage: 1/2 scenarios (50.0%)\n')).toBe(true);
  });
});
