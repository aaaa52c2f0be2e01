// Line splitting and ATX heading text: the scanner's character-level helpers.

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;

/** A space or a tab: the only whitespace that indents or separates in block structure. */
export function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Strip an ATX heading's optional closing `#` run and surrounding spaces/tabs. The run counts only
 * when a space or tab precedes it (or it is the whole content), so `C#` and `Foo#` keep theirs.
 * Other Unicode spaces (U+00A0...) are content, as in CommonMark and markdown-it.
 */
export function stripClosingRun(content: string): string {
  return headingTextAt(content, 0, content.length);
}

/** `stripClosingRun` of `source[from, to)`, cut out of the source once. */
export function headingTextAt(source: string, from: number, to: number): string {
  let end = to;
  while (end > from && isSpaceOrTab(source.charCodeAt(end - 1))) end--;
  let run = end;
  while (run > from && source.charCodeAt(run - 1) === HASH) run--;
  if (run < end && (run === from || isSpaceOrTab(source.charCodeAt(run - 1)))) end = run;
  let start = from;
  while (start < end && isSpaceOrTab(source.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(source.charCodeAt(end - 1))) end--;
  return source.slice(start, end);
}

/**
 * Scratch space the scanner writes a document's line offsets and kinds into, in the same pass that
 * finds its lines; the document then gets exact-size copies. Nothing grows line by line, and a
 * document holds no more than its own lines.
 */
export interface LineScratch {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
}

const SCRATCH = 1 << 16;

function newScratch(size: number): LineScratch {
  return { starts: new Int32Array(size), ends: new Int32Array(size), kinds: new Uint8Array(size) };
}

const shared = newScratch(SCRATCH);

/** The next CR or LF at or after `from`, or -1. */
export function nextBreak(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** Where the line after a line ending at `at` starts (a CRLF is one ending). */
export function afterBreak(source: string, at: number): number {
  return source.charCodeAt(at) === 13 && source.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/** Exact number of lines of `source` (as `scanMarkdown` splits them): for documents too big to guess. */
function countLines(source: string, from: number): number {
  let n = 0;
  let start = from;
  for (let i = nextBreak(source, start); i !== -1; i = nextBreak(source, start)) {
    n++;
    start = afterBreak(source, i);
  }
  return start < source.length || n === 0 ? n + 1 : n;
}

/**
 * Scratch with room for every line of `source` plus the closing start offset: a text of n characters
 * has at most n + 1 lines. The shared scratch serves texts up to 64 K characters (reused by the next
 * scan, so the caller copies what it keeps); a longer text gets scratch of its exact line count.
 */
export function lineScratch(source: string, bomLength: number): LineScratch {
  if (source.length - bomLength + 2 <= SCRATCH) return shared;
  return newScratch(countLines(source, bomLength) + 1);
}
