import { describe, expect, it } from 'vitest';
import { sampleTraceReport } from '../../../test/helpers/trace-report.ts';
import { renderTraceMarkdown } from './trace-md.ts';

describe('renderTraceMarkdown', () => {
  it('renders a PR comment with escaped table cells', () => {
    const md = renderTraceMarkdown(sampleTraceReport());
    expect(md).toContain('## Spec coverage: 50.0% — **below the minimum of 80%**\n');
    expect(md).toContain('| auth | 1 | 2 | 50.0 |');
    expect(md).toContain(
      '| ✅ | Login / Ok | 1.1 ✓ (add-auth) | `test/login.test.ts:3` | `src/login.ts:1` |',
    );
    expect(md).toContain('| ❌ | Login / &lt;script>alert("x") \\| y&lt;/script> | — | — | — |');
    expect(md).toContain(
      '- `test/old.test.ts:4` `auth#Sign In/Ok`: auth has no requirement "Sign In"; renamed by 2026-01-02-rename → `auth#Login/Ok` (run `specwright trace --fix`)',
    );
    expect(md).toContain('<details open><summary><b>auth</b> — 1/2 scenarios (50.0%)</summary>');
  });
});
