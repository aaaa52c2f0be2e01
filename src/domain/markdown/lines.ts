// Line splitting and ATX heading text: the scanner's character-level helpers.

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Strip an ATX heading's optional closing `#` run and surrounding spaces/tabs. The run counts only
 * when a space or tab precedes it (or it is the whole content), so `C#` and `Foo#` keep theirs.
 * Other Unicode spaces (U+00A0...) are content, as in CommonMark and markdown-it.
 */
export function stripClosingRun(content: string): string {
  let end = content.length;
  while (end > 0 && isSpaceOrTab(content.charCodeAt(end - 1))) end--;
  let run = end;
  while (run > 0 && content.charCodeAt(run - 1) === HASH) run--;
  if (run < end && (run === 0 || isSpaceOrTab(content.charCodeAt(run - 1)))) end = run;
  let start = 0;
  while (start < end && isSpaceOrTab(content.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(content.charCodeAt(end - 1))) end--;
  return content.slice(start, end);
}

function nextBreak(source: string, from: number, lfOnly: boolean): number {
  // Most files have no CR at all, and indexOf finds LFs far faster than a per-character loop.
  if (lfOnly) return source.indexOf('\n', from);
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** Split text into lines and record where each starts (CRLF, LF and lone CR all end a line). */
export function splitLines(source: string, bomLength: number): { lines: string[]; lineStarts: number[] } {
  const lines: string[] = [];
  const lineStarts: number[] = [];
  const lfOnly = source.indexOf('\r', bomLength) === -1;
  let start = bomLength;
  for (let i = nextBreak(source, start, lfOnly); i !== -1; i = nextBreak(source, start, lfOnly)) {
    // Line 0 starts at 0 even after a BOM so that consecutive lineStarts slices rebuild `source`.
    lineStarts.push(lines.length === 0 ? 0 : start);
    lines.push(source.slice(start, i));
    start = source.charCodeAt(i) === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  if (start < source.length || lines.length === 0) {
    lineStarts.push(lines.length === 0 ? 0 : start);
    lines.push(source.slice(start));
  }
  lineStarts.push(source.length);
  return { lines, lineStarts };
}
