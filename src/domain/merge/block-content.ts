import type { Issue } from '../issue.ts';
import { lineAt, linesOf } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { LineKind, type ScannedDoc } from '../markdown/types.ts';

/**
 * Content of a requirement block that is neither prose nor a scenario, which an author easily takes for
 * something outside the block (OpenSpec #1490): a merge that removes or replaces the block must not drop
 * it without saying so. Level-4 headings are scenarios and left to `merge_scenario_loss`.
 */
type ContentKind = 'table' | 'html' | 'code' | 'heading' | 'links';

/** One piece of such content. */
export interface BlockContent {
  kind: ContentKind;
  /** 0-based line of its first line. */
  line: number;
  /** Its first line, trimmed: names it in messages, and pairs an edited piece with its original. */
  label: string;
  /** Its lines, trimmed and joined with `\n`: equal texts are the same content. */
  text: string;
}

const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const LINK = String.raw`!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`;
const LINKS_ONLY = new RegExp(
  String.raw`^(?:(?:${LINK}|<https?://[^>\s]+>)[ \t]*)+$|^\[[^\]]+\]:[ \t]*\S`,
  'i',
);

function piece(doc: ScannedDoc, kind: ContentKind, start: number, end: number): BlockContent {
  const lines = linesOf(doc, start, end).map((l) => l.trim());
  return { kind, line: start, label: lines[0] ?? '', text: lines.join('\n') };
}

/** A line's content after block-quote markers and one list marker, and whether any were there. */
function containerContent(line: string): { body: string; contained: boolean } {
  let body = line.trimStart();
  const first = body;
  while (body.startsWith('>')) body = body.slice(1).trimStart();
  const marker = LIST_MARKER.exec(body);
  if (marker) body = body.slice(marker[0].length);
  return { body, contained: body !== first };
}

function isTextLike(doc: ScannedDoc, i: number): boolean {
  const k = doc.kinds[i];
  return k === LineKind.Text || k === LineKind.Nested;
}

/** A table starting at line `i` (header row, then a delimiter row): the index past its last row, or -1. */
function tableEnd(doc: ScannedDoc, i: number, end: number, line: string): number {
  if (!line.includes('|') || i + 1 >= end || !isTextLike(doc, i + 1)) return -1;
  const delimiter = containerContent(lineAt(doc, i + 1)).body.trimEnd();
  if (!delimiter.includes('|') && !line.trimStart().startsWith('|')) return -1;
  if (!DELIMITER_ROW.test(delimiter)) return -1;
  let j = i + 2;
  while (j < end && isTextLike(doc, j) && lineAt(doc, j).includes('|')) j++;
  return j;
}

/** Content starting at a text line `i`, pushed to `out`; returns the next line to look at. */
function textContent(doc: ScannedDoc, i: number, end: number, out: BlockContent[]): number {
  const line = lineAt(doc, i);
  const table = tableEnd(doc, i, end, line);
  if (table !== -1) {
    out.push(piece(doc, 'table', i, table));
    return table;
  }
  const { body, contained } = containerContent(line);
  const c = body.charCodeAt(0);
  // A heading inside a list item or block quote is a heading to a reader, but no top-level heading.
  if (c === 0x23 && (contained || doc.kinds[i] === LineKind.Nested) && HEADING.test(body)) {
    out.push(piece(doc, 'heading', i, i + 1));
  } else if ((c === 0x5b || c === 0x21 || c === 0x3c) && LINKS_ONLY.test(body.trimEnd())) {
    out.push(piece(doc, 'links', i, i + 1));
  }
  return i + 1;
}

/** Tables, HTML, code blocks, headings other than level 1-4, and link-only lines in lines `[start, end)`. */
export function blockContent(doc: ScannedDoc, start: number, end: number): BlockContent[] {
  const out: BlockContent[] = [];
  let i = start;
  while (i < end) {
    const kind = doc.kinds[i];
    if (kind === LineKind.Code || kind === LineKind.Html) {
      let j = i + 1;
      while (j < end && doc.kinds[j] === kind) j++;
      out.push(piece(doc, kind === LineKind.Code ? 'code' : 'html', i, j));
      i = j;
    } else if (kind === LineKind.Heading) {
      if (lineAt(doc, i).trimStart().startsWith('#####')) out.push(piece(doc, 'heading', i, i + 1));
      i++;
    } else if (kind === LineKind.Text || kind === LineKind.Nested) {
      i = textContent(doc, i, end, out);
    } else {
      i++;
    }
  }
  return out;
}

/** `blockContent` of a block given as lines (a block built by scenario operations). */
export function linesContent(lines: string[]): BlockContent[] {
  return blockContent(scanMarkdown(lines.join('\n')), 0, lines.length);
}

type Key = (c: BlockContent) => string;

/** Pair pieces of `before` and `after` that have equal keys; returns the unpaired of each side. */
function pair(before: BlockContent[], after: BlockContent[], key: Key): [BlockContent[], BlockContent[]] {
  const pool = new Map<string, BlockContent[]>();
  for (const c of after) {
    const k = key(c);
    const same = pool.get(k);
    if (same) same.push(c);
    else pool.set(k, [c]);
  }
  const paired = new Set<BlockContent>();
  const left: BlockContent[] = [];
  for (const c of before) {
    const match = pool.get(key(c))?.shift();
    if (match) paired.add(match);
    else left.push(c);
  }
  return [left, after.filter((c) => !paired.has(c))];
}

/** Same content first, then the same first line (an edited piece), then any piece of the same kind. */
const KEYS: Key[] = [(c) => `${c.kind}\n${c.text}`, (c) => `${c.kind}\n${c.label}`, (c) => c.kind];

/**
 * The pieces of `before` that `after` does not keep, counted with multiplicity. An edited table or code
 * block still counts as kept: only content with no counterpart of its kind is reported.
 */
export function droppedContent(before: BlockContent[], after: BlockContent[]): BlockContent[] {
  let left = before;
  let pool = after;
  for (const key of KEYS) {
    if (left.length === 0 || pool.length === 0) break;
    [left, pool] = pair(left, pool, key);
  }
  return left;
}

function noun(c: BlockContent): string {
  switch (c.kind) {
    case 'table':
      return 'table';
    case 'html':
      return c.label.startsWith('<!--') ? 'HTML comment' : 'HTML block';
    case 'code':
      return /^(?:```|~~~)/.test(c.label) ? 'code block' : 'indented code block';
    case 'heading':
      return 'heading';
    case 'links':
      return 'link line';
  }
}

/** A label cut to 60 characters for a message. */
export function shortLabel(label: string): string {
  return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}

/** What a dropped piece is and where: `table at line 14 ("| a | b |")`. */
function describe(c: BlockContent): string {
  const label = c.kind === 'code' && !/^(?:```|~~~)/.test(c.label) ? '' : ` ("${shortLabel(c.label)}")`;
  return `${noun(c)} at line ${c.line + 1}${label}`;
}

export interface DroppedContext {
  capability: string;
  /** The delta file and the 0-based line of the operation. */
  file: string;
  line: number;
  op: 'REMOVED' | 'MODIFIED';
  name: string;
  /** Root-relative path of the main spec the pieces are in. */
  target: string;
}

/** The `merge_content_dropped` issue for content a REMOVED or MODIFIED deletes from the main spec. */
export function contentDroppedIssue(
  ctx: DroppedContext,
  dropped: BlockContent[],
  level: 'WARNING' | 'INFO' = 'WARNING',
): Issue {
  const what = dropped.map(describe).join(', ');
  const removed = ctx.op === 'REMOVED';
  return {
    level,
    rule: 'merge_content_dropped',
    message: removed
      ? `${ctx.capability}: REMOVED "${ctx.name}" also deletes this content of its block in ${ctx.target}: ${what}.`
      : `${ctx.capability}: MODIFIED "${ctx.name}" deletes content of the current block in ${ctx.target} that the MODIFIED block does not repeat: ${what}.`,
    file: ctx.file,
    line: ctx.line + 1,
    fix: `${removed ? '' : 'Copy it into the MODIFIED block. '}If it does not belong to the requirement, move it out of the block first (under its own "###" heading, or into another "##" section); a heading indented under a list item is part of that item.`,
  };
}
