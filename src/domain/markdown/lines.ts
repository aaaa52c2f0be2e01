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
  lineStarts: Int32Array;
  lineEnds: Int32Array;
  hasCR: boolean;
}

// Line offsets of every document go into shared chunks, each document getting views of its part: no
// array grows line by line, and a chunk is freed once no document using it is left.
const CHUNK = 1 << 14;
let startsPool = new Int32Array(CHUNK);
let endsPool = new Int32Array(CHUNK);
let used = 0;

/** Record the lines of `source` from `base` on in the pools; the index after the last start, or -1 when they are full. */
function fillOffsets(source: string, bomLength: number, hasCR: boolean, base: number): number {
  const starts = startsPool;
  const ends = endsPool;
  const cap = starts.length - 1;
  let k = base;
  let start = bomLength;
  if (!hasCR) {
    // Most files have no CR at all, and indexOf finds LFs far faster than a per-character loop.
    for (let i = source.indexOf('\n', start); i !== -1; i = source.indexOf('\n', start)) {
      if (k >= cap) return -1;
      starts[k] = k === base ? 0 : start;
      ends[k++] = i;
      start = i + 1;
    }
  } else {
    for (let i = start; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (k >= cap) return -1;
      starts[k] = k === base ? 0 : start;
      ends[k++] = i;
      if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < source.length || k === base) {
    if (k >= cap) return -1;
    starts[k] = k === base ? 0 : start;
    ends[k++] = source.length;
  }
  starts[k] = source.length;
  return k;
}

/**
 * Find the lines of `source` (CRLF, LF and lone CR all end a line) without building a string per
 * line: only their start and end offsets. Line 0 starts at 0 even after a BOM, so that consecutive
 * `lineStarts` slices rebuild `source`; its text starts at `bomLength`.
 */
export function lineOffsets(source: string, bomLength: number): LineOffsets {
  const hasCR = source.indexOf('\r', bomLength) !== -1;
  let base = used;
  let end = fillOffsets(source, bomLength, hasCR, base);
  if (end < 0) {
    // A document has at most length + 1 lines, and the offsets need one slot more.
    const size = Math.max(CHUNK, source.length + 3);
    startsPool = new Int32Array(size);
    endsPool = new Int32Array(size);
    base = 0;
    end = fillOffsets(source, bomLength, hasCR, base);
  }
  used = end + 1;
  return {
    lineStarts: startsPool.subarray(base, end + 1),
    lineEnds: endsPool.subarray(base, end),
    hasCR,
  };
}
