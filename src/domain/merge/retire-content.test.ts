import { describe, expect, it } from 'vitest';
import { AUTH_SPEC } from '../../../test/helpers/tmp-project.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { describeExtraContent, retireExtraContent } from './retire-content.ts';

const extraOf = (text: string) =>
  retireExtraContent(parseSpec(text)).map((e) => [e.line + 1, e.text, e.lines]);

describe('retireExtraContent', () => {
  it('finds nothing in a title, Purpose and requirements with blank lines', () => {
    expect(extraOf(AUTH_SPEC)).toEqual([]);
    expect(extraOf(AUTH_SPEC.replace('## Requirements\n', '\n\n## Requirements\n\n\n'))).toEqual([]);
  });

  it('does not count wrapped scenario bullets (lazy continuation) as extra (OpenSpec #1782)', () => {
    const wrapped = AUTH_SPEC.replace(
      '- **THEN** the session is destroyed',
      '- **THEN** the session is destroyed\nand every token is revoked',
    );
    expect(extraOf(wrapped)).toEqual([]);
  });

  it('does not count separators between and after the requirements as extra', () => {
    const separated = `${AUTH_SPEC.replace('\n### Requirement: Logout', '\n---\n\n### Requirement: Logout')}\n* * *\n`;
    expect(extraOf(separated)).toEqual([]);
    // A section after a separator is still extra; the separator itself is not counted.
    expect(extraOf(`${AUTH_SPEC}\n---\n\n## Notes\nText.\n\n---\n`)).toEqual([[27, '## Notes', 2]]);
  });

  it('names extra sections, preamble text and foreign blocks, one stretch per heading', () => {
    const text = AUTH_SPEC.replace('\n## Purpose', 'Intro text.\n\n## Purpose').replace(
      '## Requirements\n',
      '## Requirements\nRead the notes first.\n\n',
    );
    const withNotes = `${text}\n### Design notes\nWhy.\n\n## Notes\nImportant design rationale.\n\nMore.\n`;
    expect(extraOf(withNotes)).toEqual([
      [2, 'Intro text.', 1],
      [8, 'Read the notes first.', 1],
      [28, '### Design notes', 2],
      [31, '## Notes', 3],
    ]);
  });

  it('describes at most a few stretches', () => {
    const extra = Array.from({ length: 7 }, (_, i) => ({ line: i, text: `t${i}`, lines: 2 }));
    expect(describeExtraContent(extra.slice(0, 1))).toBe('line 1 "t0" (+1 line)');
    expect(describeExtraContent(extra)).toMatch(/line 5 "t4" \(\+1 line\), 2 more$/);
  });
});
