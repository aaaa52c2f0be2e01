import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineCount, linesOf } from './doc-lines.ts';
import { scanMarkdown, stripClosingRun } from './scan.ts';
import { LineKind } from './types.ts';

const { Text, Blank, Code, Html, Heading, Nested } = LineKind;

/** Headings as compact `[level, text, line]` triples. */
function headings(source: string): [number, string, number][] {
  return scanMarkdown(source).headings.map((h) => [h.level, h.text, h.line]);
}

describe('scanMarkdown lines', () => {
  it.each<[string, string, string[], number[]]>([
    ['empty document', '', [''], [0, 0]],
    ['no final newline', 'a\nb', ['a', 'b'], [0, 2, 3]],
    ['final newline adds no line', 'a\n', ['a'], [0, 2]],
    ['blank last line', 'a\n\n', ['a', ''], [0, 2, 3]],
    ['only a newline', '\n', [''], [0, 1]],
    ['CRLF', 'a\r\nb\r\n', ['a', 'b'], [0, 3, 6]],
    ['lone CR', 'a\rb', ['a', 'b'], [0, 2, 3]],
    ['mixed endings', 'a\r\n\rb\nc', ['a', '', 'b', 'c'], [0, 3, 4, 6, 7]],
    ['BOM stripped from line 0, offsets keep it', '\uFEFFa\nb', ['a', 'b'], [0, 3, 4]],
    ['BOM only', '\uFEFF', [''], [0, 1]],
  ])('%s', (_name, source, lines, lineStarts) => {
    const doc = scanMarkdown(source);
    expect(linesOf(doc, 0, lineCount(doc))).toEqual(lines);
    expect(Array.from(doc.lineStarts)).toEqual(lineStarts);
    expect(doc.kinds.length).toBe(lines.length);
    expect(doc.bomLength).toBe(source.startsWith('\uFEFF') ? 1 : 0);
  });

  it('rebuilds the exact source from lineStarts slices, and each line is its slice minus the ending', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '#', ' ', '\t', '\r', '\n', '\r\n', '`', '>', '-', 'é'),
    });
    fc.assert(
      fc.property(fc.boolean(), text, (bom, body) => {
        const source = (bom ? '\uFEFF' : '') + body;
        const doc = scanMarkdown(source);
        const lines = linesOf(doc, 0, lineCount(doc));
        const slices = lines.map((_, i) => source.slice(doc.lineStarts[i], doc.lineStarts[i + 1]));
        expect(slices.join('')).toBe(source);
        expect(doc.lineStarts.at(-1)).toBe(source.length);
        slices.forEach((slice, i) => {
          const body = i === 0 ? slice.slice(doc.bomLength) : slice;
          expect(body.replace(/\r\n$|\r$|\n$/, '')).toBe(lines[i]);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('scanMarkdown headings', () => {
  it.each<[string, string, [number, string, number][]]>([
    ['empty document', '', []],
    ['closing run after a space is removed', '### Requirement: C# ###', [[3, 'Requirement: C#', 0]]],
    ['hash glued to a word is content', '### Foo#', [[3, 'Foo#', 0]]],
    ['closing run with trailing spaces and tabs', '#\tfoo\t#\t ', [[1, 'foo', 0]]],
    ['only a closing run', '### ###', [[3, '', 0]]],
    ['empty heading', '#', [[1, '', 0]]],
    ['tab after the hashes', '###\tRequirement: Tabs', [[3, 'Requirement: Tabs', 0]]],
    ['no space after the hashes', '###Requirement: x', []],
    ['seven hashes', '####### seven', []],
    ['Cyrillic', '## Требование: Вход', [[2, 'Требование: Вход', 0]]],
    ['CJK', '### Requirement: 登录 要求', [[3, 'Requirement: 登录 要求', 0]]],
    ['emoji', '#### Scenario: 🚀 launch ✅', [[4, 'Scenario: 🚀 launch ✅', 0]]],
    ['non-breaking space is content', '# a\u00a0', [[1, 'a\u00a0', 0]]],
    ['three spaces of indent', '   # three', [[1, 'three', 0]]],
    ['four spaces of indent is code', '    # code', []],
    ['a tab is four columns of indent', '\t# code', []],
    ['space then tab reaches column 4', ' \t# code', []],
    ['indented line after a paragraph is a lazy continuation', 'para\n    # not code', []],
    ['heading after a paragraph line', 'para\n# H', [[1, 'H', 1]]],
    ['backtick fence', '```\n### x\n```\n### y', [[3, 'y', 3]]],
    ['tilde fence', '~~~\n# x\n~~~\n# y', [[1, 'y', 3]]],
    ['shorter fence does not close a longer one', '````\n```\n# x\n```\n````\n# y', [[1, 'y', 5]]],
    ['other fence char does not close', '```\n~~~\n# x', []],
    ['closing fence may be indented 3 spaces', '```\n   ```\n# y', [[1, 'y', 2]]],
    ['backtick in a backtick info string is no fence', '``` a`b\n# y', [[1, 'y', 1]]],
    ['unclosed fence runs to the end', '```\n# a\n\n# b', []],
    ['multi-line HTML comment', '<!--\n### x\n-->\n### y', [[3, 'y', 3]]],
    ['one-line HTML comment', '<!-- ### x -->\n# y', [[1, 'y', 1]]],
    ['unterminated HTML comment', '<!--\n# x\n\n# y', []],
    ['div block ends at a blank line', '<div>\n# in div\n\n# after', [[1, 'after', 3]]],
    ['script block ends at its closing tag', '<script>\n# x\n\n</script>\n# y', [[1, 'y', 4]]],
    ['type 7 HTML block', '<custom-tag>\n# x', []],
    ['type 7 HTML cannot interrupt a paragraph', 'text\n<custom-tag>\n# x', [[1, 'x', 2]]],
    ['heading directly after a list item', '- item\n# H', [[1, 'H', 1]]],
    ['indented heading after item and blank is nested', '- item\n\n  # H', []],
    ['heading on a list item line is nested', '- # H', []],
    ['heading after a list ends', '- item\n\n# H', [[1, 'H', 2]]],
    ['block quote', '> # H\n# I', [[1, 'I', 1]]],
    ['setext underline then indented code', 'Para\n---\n    # code', []],
    [
      'thematic break',
      '# a\n***\n# b',
      [
        [1, 'a', 0],
        [1, 'b', 2],
      ],
    ],
    [
      'CRLF',
      '# a\r\n\r\n## b\r\n',
      [
        [1, 'a', 0],
        [2, 'b', 2],
      ],
    ],
    [
      'lone CR',
      '# a\r## b',
      [
        [1, 'a', 0],
        [2, 'b', 1],
      ],
    ],
    ['BOM', '\uFEFF# Title', [[1, 'Title', 0]]],
    [
      'no final newline',
      '# a\n# b',
      [
        [1, 'a', 0],
        [1, 'b', 1],
      ],
    ],
    // markdown-it ends the item's paragraph here and reads the line as code; see endsLazyParagraph.
    ['outdented heading under a wide list item is code', '-    item\n    # x', []],
  ])('%s', (_name, source, want) => {
    expect(headings(source)).toEqual(want);
  });
});

describe('scanMarkdown line kinds', () => {
  it.each<[string, string, number[]]>([
    ['heading, blank, text', '# H\n\ntext', [Heading, Blank, Text]],
    ['whitespace-only line is blank', 'a\n \t\nb', [Text, Blank, Text]],
    ['fence delimiters and content', '```\n# x\n\n```', [Code, Code, Code, Code]],
    ['indented code with a blank line', '    code\n\n    more', [Code, Blank, Code]],
    ['HTML comment', '<!--\n# x\n-->', [Html, Html, Html]],
    ['HTML block then blank', '<div>\n\n# h', [Html, Blank, Heading]],
    ['list item text and its continuation', '- a\n  b', [Text, Text]],
    ['lazy continuation of an item', '- a\nb', [Text, Text]],
    ['nested bullet and later paragraph', '- a\n  - b\n\n  c', [Text, Nested, Blank, Nested]],
    ['item starting with a blank line', '-\n  foo', [Text, Text]],
    ['fence inside a list item', '- ```\n  # x\n  ```\n# y', [Code, Code, Code, Heading]],
    ['block quote and its lazy line', '> q\nlazy', [Nested, Nested]],
    ['bare block quote marker', '> a\n>\n> b', [Nested, Nested, Nested]],
    ['thematic break and setext underline', 'p\n---\n***', [Text, Text, Text]],
    ['a break that closes a list is top-level', '- a\n\n---\n> q\n* * *', [Text, Blank, Text, Nested, Text]],
  ])('%s', (_name, source, want) => {
    expect([...scanMarkdown(source).kinds]).toEqual(want);
  });
});

describe('scanMarkdown on pathological input stays correct (and linear)', () => {
  const n = 100_000;
  it.each<[string, string, [number, string, number][]]>([
    ['200k spaces inside a heading', `#${' '.repeat(2 * n)}x`, [[1, 'x', 0]]],
    ['long closing run', `# x ${'#'.repeat(2 * n)}  `, [[1, 'x', 0]]],
    ['deep nesting on one line, then blank lines', `${'- '.repeat(n)}x${'\n'.repeat(n)}# h`, [[1, 'h', n]]],
    [
      'deep nesting, then lines indented into it',
      `${'- '.repeat(n)}x\n${' '.repeat(2 * n)}# h\n# top`,
      [[1, 'top', 2]],
    ],
    ['deep block quotes', `${'> '.repeat(n)}x${'\n>'.repeat(n)}\n# h`, [[1, 'h', n + 1]]],
    ['huge HTML tag line', `<a${' b="c"'.repeat(n / 4)}>\n# x`, []],
    ['long backtick fence', `${'`'.repeat(2 * n)}\n# x`, []],
    ['long info string with backticks is no fence', `\`\`\`${'a`'.repeat(n)}\n# x`, [[1, 'x', 1]]],
  ])('%s', (_name, source, want) => {
    expect(headings(source)).toEqual(want);
  });
});

describe('stripClosingRun', () => {
  it.each<[string, string]>([
    [' Requirement: C# ###', 'Requirement: C#'],
    [' Foo#', 'Foo#'],
    [' foo \\#', 'foo \\#'],
    ['###', ''],
    ['', ''],
    [' a #\t', 'a'],
  ])('%j -> %j', (content, want) => {
    expect(stripClosingRun(content)).toBe(want);
  });
});
