import { describe, expect, it } from 'vitest';
import { applyEdits, planEdits, renderLineDiff } from './fix-references.ts';
import type { FoundReference } from './scan-references.ts';

const text = "a\n// @spec auth#Old/X\nb\nc\nd\ne\nf\nit('auth#Old/Y: z')\n";
const at = (ref: string, line: number, quote?: string): FoundReference => ({
  file: 't.test.ts',
  line,
  offset: text.indexOf(ref),
  text: ref,
  kind: 'test',
  via: quote ? 'title' : 'comment',
  ...(quote ? { quote } : {}),
});

describe('planEdits and applyEdits', () => {
  it('rewrites each reference in place', () => {
    const { edits, skipped } = planEdits([
      { found: at('auth#Old/X', 2), fix: 'auth#New Name/X' },
      { found: at('auth#Old/Y', 8, "'"), fix: 'auth#New/Y' },
    ]);
    expect(skipped).toEqual([]);
    expect(applyEdits(text, edits)).toBe("a\n// @spec auth#New Name/X\nb\nc\nd\ne\nf\nit('auth#New/Y: z')\n");
  });

  it('skips a fix that would end a title string early', () => {
    const { edits, skipped } = planEdits([{ found: at('auth#Old/Y', 8, "'"), fix: "auth#Don't/Y" }]);
    expect(edits).toEqual([]);
    expect(skipped[0]?.reason).toBe("the new name contains the title's quote (')");
  });

  it('refuses to apply an edit to text that moved', () => {
    expect(() =>
      applyEdits('changed', [{ file: 'f', line: 1, offset: 0, from: 'auth#Old', to: 'x' }]),
    ).toThrow('f:1: "auth#Old" is no longer at the scanned position');
  });
});

describe('renderLineDiff', () => {
  it('prints unified hunks with two lines of context, merging close changes', () => {
    const after = text.replace('auth#Old/X', 'auth#New/X').replace('auth#Old/Y', 'auth#New/Y');
    expect(renderLineDiff('t.test.ts', text, after)).toBe(
      [
        '--- a/t.test.ts',
        '+++ b/t.test.ts',
        '@@ -1,4 +1,4 @@',
        ' a',
        '-// @spec auth#Old/X',
        '+// @spec auth#New/X',
        ' b',
        ' c',
        '@@ -6,4 +6,4 @@',
        ' e',
        ' f',
        "-it('auth#Old/Y: z')",
        "+it('auth#New/Y: z')",
        ' ',
        '',
      ].join('\n'),
    );
    expect(renderLineDiff('t', 'same', 'same')).toBe('');
  });
});
