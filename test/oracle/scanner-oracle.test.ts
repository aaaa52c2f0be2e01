import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../src/domain/markdown/scan.ts';
import { LineKind } from '../../src/domain/markdown/types.ts';
import { specLikeDocument } from './generate-markdown.ts';

// Differential test: markdown-it (CommonMark preset) is the oracle for where top-level ATX headings
// are and which top-level lines are code or HTML. markdown-it keeps a BOM as text and normalises
// CRLF/CR to LF, so the BOM is stripped before parsing; line numbers are unaffected.
//
// Accepted divergences, kept out of the generator on purpose:
// - A `>` indented 4+ columns (after any outer `>` markers) continuing an open block quote: markdown-it
//   accepts it, CommonMark's block quote marker allows at most 3 spaces, and the scanner follows the
//   spec (see DEEP_QUOTE_MARKER in generate-markdown.ts).
// - Link reference definitions (`[label]: /url`): the scanner reads them as paragraph text, so the line
//   after one is a paragraph continuation where markdown-it sees a new block (indented code, HTML type
//   7, no setext underline). Parsing destinations and titles is out of proportion for spec files.
// - NUL characters: markdown-it replaces them with U+FFFD; heading text keeps the raw character.
// - Nesting deeper than markdown-it's maxNesting (20): markdown-it drops the rest of the document.
// Where markdown-it and commonmark.js differ on lazy lines, the scanner follows markdown-it.

const md = new MarkdownIt('commonmark');

interface Found {
  level: number;
  text: string;
  line: number;
}

function oracle(source: string) {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const tokens = md.parse(text, {});
  const headings: Found[] = [];
  const masked: { line: number; kind: number }[] = [];
  tokens.forEach((t, k) => {
    if (t.level !== 0 || !t.map) return;
    if (t.type === 'heading_open' && t.markup.startsWith('#')) {
      headings.push({ level: t.markup.length, text: tokens[k + 1]?.content ?? '', line: t.map[0] });
    }
    const kind = { fence: LineKind.Code, code_block: LineKind.Code, html_block: LineKind.Html }[t.type];
    if (kind !== undefined) for (let i = t.map[0]; i < t.map[1]; i++) masked.push({ line: i, kind });
  });
  return { headings, masked };
}

/** Scanner and oracle agree on top-level headings, and lines markdown-it reads as code/HTML are masked. */
function expectAgreement(source: string): void {
  const doc = scanMarkdown(source);
  const want = oracle(source);
  expect(doc.headings).toEqual(want.headings);
  for (const { line, kind } of want.masked) {
    const got = doc.kinds[line];
    // Blank lines inside indented code are Blank: only a later code line proves they belong to it.
    if (got === LineKind.Blank && kind === LineKind.Code) continue;
    expect({ line, kind: got }).toEqual({ line, kind });
  }
  const headingLines = doc.headings.map((h) => h.line);
  const kindLines = [...doc.kinds.keys()].filter((i) => doc.kinds[i] === LineKind.Heading);
  expect(kindLines).toEqual(headingLines);
}

function markdownFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The scanner's shortcuts must classify every line and find every heading as its general path does. */
function expectSameAsGeneralPath(source: string): void {
  const fast = scanMarkdown(source);
  const general = scanMarkdown(source, false);
  expect(Array.from(fast.kinds)).toEqual(Array.from(general.kinds));
  expect(fast.headings).toEqual(general.headings);
}

describe('scanMarkdown vs markdown-it (CommonMark)', () => {
  it('agrees on 2,500 generated spec-like documents', () => {
    fc.assert(
      fc.property(specLikeDocument, (source) => {
        expectAgreement(source);
      }),
      { numRuns: 2500 },
    );
  });

  it('classifies every line of 2,500 generated documents as the general path does (shortcuts off)', () => {
    fc.assert(fc.property(specLikeDocument, expectSameAsGeneralPath), { numRuns: 2500 });
  });

  // Short documents made of the line shapes the shortcuts take and those around them, in any order.
  const shape = fc.constantFrom(
    '',
    '-',
    '- x',
    '- **WHEN** a',
    '- **x',
    '- ***',
    '-  x',
    '-\tx',
    '  y',
    '   - nested',
    '    z',
    '      deep',
    '  - two',
    '    - four',
    '      - six',
    '        - eight',
    '  -    wide',
    '  100. wide',
    '       seven',
    '         - nine',
    '> q',
    '>',
    '# h',
    '### Requirement: R',
    '#x',
    'text',
    'Given a',
    '1. n',
    '2) m',
    '```',
    '~~~',
    '<div>',
    '<!--',
    '-->',
    '---',
    '***',
    '===',
    '\t- tab',
  );
  const shapes = fc
    .tuple(fc.array(shape, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, eol]) => lines.join(eol));

  it('classifies documents of mixed line shapes as the general path does (shortcuts off)', () => {
    fc.assert(fc.property(shapes, expectSameAsGeneralPath), { numRuns: 20_000 });
  });

  const root = join(import.meta.dirname, '../..');
  const files = [
    'node_modules/@fission-ai/openspec',
    'test/fixtures',
    'openspec',
    'examples',
    'docs',
  ].flatMap((dir) => markdownFiles(join(root, dir)));
  it.each(files.length > 0 ? files : ['(none)'])('agrees on real file %s', (path) => {
    if (path !== '(none)') expectAgreement(readFileSync(path, 'utf8'));
  });
});
