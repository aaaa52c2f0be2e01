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

/** Where each line starts and ends in a source text (see `ScannedDoc`). */
export interface LineOffsets {
  lineStarts: number[];
  lineEnds: number[];
  hasCR: boolean;
}

/**
 * Find the lines of `source` (CRLF, LF and lone CR all end a line) without building a string per
 * line: only their start and end offsets. Line 0 starts at 0 even after a BOM, so that consecutive
 * `lineStarts` slices rebuild `source`; its text starts at `bomLength`.
 */
export function lineOffsets(source: string, bomLength: number): LineOffsets {
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  const hasCR = source.indexOf('\r', bomLength) !== -1;
  let start = bomLength;
  if (!hasCR) {
    // Most files have no CR at all, and indexOf finds LFs far faster than a per-character loop.
    for (let i = source.indexOf('\n', start); i !== -1; i = source.indexOf('\n', start)) {
      lineStarts.push(lineStarts.length === 0 ? 0 : start);
      lineEnds.push(i);
      start = i + 1;
    }
  } else {
    for (let i = start; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      lineStarts.push(lineStarts.length === 0 ? 0 : start);
      lineEnds.push(i);
      if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < source.length || lineStarts.length === 0) {
    lineStarts.push(lineStarts.length === 0 ? 0 : start);
    lineEnds.push(source.length);
  }
  lineStarts.push(source.length);
  return { lineStarts, lineEnds, hasCR };
}
