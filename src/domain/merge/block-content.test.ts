import { describe, expect, it } from 'vitest';
import { lineCount } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { blockContent, contentDroppedIssue, droppedContent, linesContent } from './block-content.ts';

function contentOf(text: string) {
  const doc = scanMarkdown(text);
  return blockContent(doc, 0, lineCount(doc));
}

const kinds = (text: string) => contentOf(text).map((c) => `${c.kind}@${c.line + 1}`);

describe('blockContent', () => {
  it.each([
    ['a table after the steps', '- **THEN** b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', ['table@3']],
    ['a table without outer pipes', 'a | b\n--- | ---\n1 | 2\n', ['table@1']],
    ['a table inside a list item', '- **THEN** b\n  | a | b |\n  |---|---|\n', ['table@2']],
    ['an HTML comment', 'text\n\n<!-- keep: audit trail reference -->\n', ['html@3']],
    ['an HTML block over several lines', '<div>\nhi\n</div>\n', ['html@1']],
    ['a fenced code block', '```yaml\na: 1\n\nb: 2\n```\n', ['code@1']],
    ['an indented code block', 'text\n\n    code line\n', ['code@3']],
    ['a heading indented into a list item', '- **THEN** b\n   ## Notes\nKeep this note.\n', ['heading@2']],
    ['a heading in a list item marker line', '- ## Item heading\n', ['heading@1']],
    ['a heading in a block quote', '> ### Quoted\n', ['heading@1']],
    ['a level-5 heading', '##### Detail\ntext\n', ['heading@1']],
    ['an image on its own line', '![diagram](flow.png)\n', ['links@1']],
    ['links only', '[spec](a.md) [rfc](https://x)\n', ['links@1']],
    ['a link reference definition', '[rfc]: https://example.com\n', ['links@1']],
  ])('finds %s', (_, text, want) => {
    expect(kinds(text)).toEqual(want);
  });

  it.each([
    ['prose with a link', 'See [the spec](a.md) for details.\n'],
    ['steps', '#### Scenario: s\n- **WHEN** a | b\n- **THEN** c\n'],
    ['a level-4 heading (a scenario, guarded elsewhere)', '#### Edge case\n'],
    ['a setext underline or thematic break', 'Title\n---\n\n***\n'],
    ['a bracketed word', '[TODO] finish this\n'],
    ['a hash that is no heading', '#hashtag and ###Requirement: X\n'],
  ])('ignores %s', (_, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('droppedContent', () => {
  const table = contentOf('| a | b |\n|---|---|\n| 1 | 2 |\n');
  const edited = contentOf('| a | b |\n|---|---|\n| 1 | 3 |\n');
  const comment = contentOf('<!-- note -->\n');
  const twoTables = contentOf('| a |\n|---|\n\n| c |\n|---|\n');

  it('keeps content the replacement repeats, edited or not', () => {
    expect(droppedContent([...table, ...comment], [...comment, ...table])).toEqual([]);
    expect(droppedContent(table, edited)).toEqual([]);
  });

  it('reports what the replacement lacks, counted with multiplicity', () => {
    expect(droppedContent([...table, ...comment], table).map((c) => c.kind)).toEqual(['html']);
    const left = droppedContent(twoTables, contentOf('| c |\n|---|\n'));
    expect(left.map((c) => c.label)).toEqual(['| a |']);
  });

  it('reads blocks given as lines (scenario operations)', () => {
    expect(linesContent(['text', '', '```', 'x', '```']).map((c) => c.kind)).toEqual(['code']);
  });
});

describe('contentDroppedIssue', () => {
  it('names each piece with its line in the main spec', () => {
    const dropped = contentOf('x\n| a | b |\n|---|---|\n\n<!-- keep: audit -->\n\n    code\n');
    const issue = contentDroppedIssue(
      { capability: 'auth', file: 'd.md', line: 3, op: 'MODIFIED', name: 'Login', target: 'spec.md' },
      dropped,
    );
    expect(issue).toMatchObject({ level: 'WARNING', rule: 'merge_content_dropped', file: 'd.md', line: 4 });
    expect(issue.message).toContain(
      'table at line 2 ("| a | b |"), HTML comment at line 5 ("<!-- keep: audit -->"), indented code block at line 7.',
    );
  });
});
