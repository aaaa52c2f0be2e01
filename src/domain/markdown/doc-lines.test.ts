import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedLines, lineAt, lineCount, linesOf } from './doc-lines.ts';
import { scanMarkdown } from './scan.ts';

describe('doc-lines', () => {
  it('lines cut out of the source match a split on CRLF, LF and CR, without the BOM', () => {
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const doc = fc
      .tuple(
        fc.array(
          fc.tuple(
            fc.string({ maxLength: 6 }).map((s) => s.replace(/[\r\n]/g, '')),
            eol,
          ),
        ),
        fc.boolean(),
      )
      .map(([parts, bom]) => (bom ? '\uFEFF' : '') + parts.map(([t, e]) => t + e).join(''));
    fc.assert(
      fc.property(doc, fc.string({ maxLength: 4 }), (text, tail) => {
        const source = text + tail.replace(/[\r\n]/g, '');
        const scanned = scanMarkdown(source);
        const body = source.startsWith('\uFEFF') ? source.slice(1) : source;
        const expected = body.split(/\r\n|\r|\n/);
        if (expected.length > 1 && expected[expected.length - 1] === '') expected.pop();
        expect(linesOf(scanned, 0, lineCount(scanned))).toEqual(expected);
        for (let i = 0; i < expected.length; i++) expect(lineAt(scanned, i)).toBe(expected[i]);
        expect(joinedLines(scanned, 0, lineCount(scanned))).toBe(expected.join('\n'));
      }),
    );
  });

  it('documents keep their own line offsets while many more are scanned (the scratch is copied out)', () => {
    const sources = Array.from({ length: 400 }, (_, d) =>
      Array.from({ length: 60 + (d % 7) }, (_, i) => `doc ${d} line ${i}`).join(d % 3 === 0 ? '\r\n' : '\n'),
    );
    sources.push('x\n'.repeat(40_000));
    const docs = sources.map((s) => scanMarkdown(s));
    docs.forEach((doc, d) => {
      expect(linesOf(doc, 0, lineCount(doc))).toEqual(
        (sources[d] as string).split(/\r\n|\n/).filter((l, i, all) => i < all.length - 1 || l !== ''),
      );
    });
  });
});
