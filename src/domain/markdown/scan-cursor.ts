import { HTML_START } from './html-blocks.ts';
import { isSpaceOrTab } from './lines.ts';
import type { Heading } from './types.ts';

// The block scanner's state and the primitives that read the current line (scan.ts builds on them):
// a column-aware cursor, the open containers and leaf, and the checks for what a line could open.

export const TAB = 0x09;
export const SPACE = 0x20;
export const HASH = 0x23;
export const STAR = 0x2a;
const PLUS = 0x2b;
export const DASH = 0x2d;
export const LT = 0x3c;
export const EQUALS = 0x3d;
export const GT = 0x3e;
const UNDERSCORE = 0x5f;
export const BACKTICK = 0x60;
export const TILDE = 0x7e;

// Containers, then the leaves that can stay open across lines (headings and breaks are one line).
export const QUOTE = 1;
export const ITEM = 2;
export const NONE = 0;
export const PARA = 1;
export const FENCE = 2;
export const ICODE = 3;
export const HTML = 4;

/** Line-by-line block state: open containers, the open leaf, and a column-aware cursor. */
export abstract class LineCursor {
  readonly headings: Heading[] = [];
  /** See `ScannedDoc.hashLines`. */
  readonly hashLines: number[] = [];
  // The whole source is scanned in place: a line is [lineStart, end) of `ln`, and every index below
  // (`pos`, `nn`, break offsets) is an offset into the source. Past `end` comes a line ending (or
  // nothing), which no test below mistakes for content.
  protected readonly ln: string;
  protected readonly bom: number;
  protected readonly hasCR: boolean;
  /** Whether `simpleLine` may classify lines directly (see `scanMarkdown`). */
  protected readonly shortcuts: boolean;
  protected lineNo = 0;
  protected lineStart = 0;
  protected end = 0;
  // Cursor as string index plus visual column: a tab may be only partly consumed.
  protected pos = 0;
  protected col = 0;
  // First non-space/tab at or after the cursor; still valid while the cursor stays at or before it.
  protected nn = -1;
  protected nnCol = 0;
  protected depth = 0;
  protected matched = 0;
  protected readonly ctype: number[] = [];
  /** List item: columns past its parent's content a line needs to stay inside. */
  protected readonly cindent: number[] = [];
  /** No child block yet (only the innermost container can be): such an item ends at a blank line. */
  protected readonly cempty: boolean[] = [];
  // Prefix data so that deep nesting costs O(1) per line: quotes among containers [0, k), the index of
  // the j-th quote, and the summed list-item indents of containers [0, k).
  protected readonly quotesBefore: number[] = [0];
  protected readonly quoteAt: number[] = [];
  protected readonly indentBefore: number[] = [0];
  protected leaf = NONE;
  protected paraText = false;
  protected fenceChar = 0;
  protected fenceLen = 0;
  protected htmlType = 0;
  /** The paragraph continues with every container matched, so only interrupting blocks may start. */
  protected paraOpen = false;
  /** The deepest open block is a paragraph: indented code and HTML type 7 cannot start. */
  protected tipPara = false;
  protected opened = false;
  protected markerLine = false;
  // Innermost block quote matched on this line and the column after its marker: markdown-it's frame.
  protected frameIdx = -1;
  protected frameCol = 0;
  protected markerValue = 0;
  // Per-line suffix of one thematic-break character and spaces: from, the char, and its 3rd-last index.
  protected breakLine = -1;
  protected breakFrom = 0;
  protected breakChar = 0;
  protected breakThird = -1;

  constructor(source: string, bom: number, hasCR: boolean, shortcuts: boolean) {
    this.ln = source;
    this.bom = bom;
    this.hasCR = hasCR;
    this.shortcuts = shortcuts;
  }

  /** The current line's text (for the rare HTML checks that test it with regexes). */
  protected lineText(): string {
    return this.ln.slice(this.lineStart, this.end);
  }

  /** Indentation at the cursor in columns (tabs stop at multiples of 4); sets `nn`/`nnCol`. */
  protected peekIndent(): number {
    if (this.pos > this.nn) {
      const ln = this.ln;
      let p = this.pos;
      let c = this.col;
      for (let ch = ln.charCodeAt(p); ch === SPACE || ch === TAB; ch = ln.charCodeAt(++p)) {
        c += ch === TAB ? 4 - (c & 3) : 1;
      }
      this.nn = p;
      this.nnCol = c;
    }
    return this.nnCol - this.col;
  }

  /** Advance `n` columns over spaces/tabs, leaving a tab partly consumed when it is wider than needed. */
  protected advanceCols(n: number): void {
    let left = n;
    while (left > 0 && this.pos < this.end) {
      const width = this.ln.charCodeAt(this.pos) === TAB ? 4 - (this.col & 3) : 1;
      if (width > left) {
        this.col += left;
        return;
      }
      this.col += width;
      left -= width;
      this.pos++;
    }
  }

  /** Level of an ATX heading at the next non-space, or 0. */
  protected atxLevel(): number {
    let p = this.nn;
    while (p - this.nn < 7 && this.ln.charCodeAt(p) === HASH) p++;
    const level = p - this.nn;
    return level > 6 || (p < this.end && !isSpaceOrTab(this.ln.charCodeAt(p))) ? 0 : level;
  }

  /** Length of a code fence opening at the next non-space, or 0 (a backtick fence's info has none). */
  protected fenceLength(c: number): number {
    let p = this.nn;
    while (this.ln.charCodeAt(p) === c) p++;
    const len = p - this.nn;
    if (len < 3) return 0;
    if (c === BACKTICK) for (let q = p; q < this.end; q++) if (this.ln.charCodeAt(q) === BACKTICK) return 0;
    return len;
  }

  /** HTML block type (1 to `last`) starting at the next non-space, or 0. */
  protected htmlStartType(last: number): number {
    const text = this.ln.slice(this.nn, this.end);
    for (let type = 1; type <= last; type++) if ((HTML_START[type] as RegExp).test(text)) return type;
    return 0;
  }

  protected isSetextUnderline(c: number): boolean {
    let p = this.nn;
    while (this.ln.charCodeAt(p) === c) p++;
    while (isSpaceOrTab(this.ln.charCodeAt(p))) p++;
    return p >= this.end;
  }

  /** O(1) after one backward pass per line, so `- - - ... x` (one item per marker) stays linear. */
  protected isThematicBreak(c: number): boolean {
    if (c !== DASH && c !== STAR && c !== UNDERSCORE) return false;
    if (this.breakLine !== this.lineNo) {
      const ln = this.ln;
      let p = this.end;
      let seen = 0;
      this.breakChar = -1;
      this.breakThird = -1;
      for (; p > this.lineStart; p--) {
        const x = ln.charCodeAt(p - 1);
        if (isSpaceOrTab(x)) continue;
        if (this.breakChar === -1) this.breakChar = x;
        else if (x !== this.breakChar) break;
        if (++seen === 3) this.breakThird = p - 1;
      }
      this.breakLine = this.lineNo;
      this.breakFrom = p;
    }
    return c === this.breakChar && this.nn >= this.breakFrom && this.nn <= this.breakThird;
  }

  /** Index just past a list marker (`-`, `*`, `+`, `1.`, `1)`) at the next non-space, or -1. */
  protected listMarkerEnd(c: number): number {
    const ln = this.ln;
    let p = this.nn;
    this.markerValue = 1;
    if (c === DASH || c === STAR || c === PLUS) p++;
    else {
      let value = 0;
      for (let d = c - 0x30; d >= 0 && d <= 9 && p - this.nn < 10; d = ln.charCodeAt(++p) - 0x30)
        value = value * 10 + d;
      const delim = ln.charCodeAt(p);
      if (p === this.nn || p - this.nn > 9 || (delim !== 0x2e && delim !== 0x29)) return -1;
      this.markerValue = value;
      p++;
    }
    return p < this.end && !isSpaceOrTab(ln.charCodeAt(p)) ? -1 : p;
  }

  /**
   * A line indented 4+ columns that fails to continue an open paragraph's containers is lazy for
   * commonmark.js, but markdown-it re-checks it wherever it is outdented: in the paragraph's list item,
   * or in a block quote inside the first unmatched container. There its indent is negative, so content
   * that can start a block ends the paragraph and the line becomes indented code. The exception is a
   * list marker 4+ columns past the parent list's content, at the first such check only.
   * Lines indented less than 4 end the paragraph under the same conditions in both parsers.
   */
  protected endsLazyParagraph(): boolean {
    if (this.peekIndent() < 4 || this.nn >= this.end) return false;
    const m = this.matched;
    const inItem = this.ctype[m] === ITEM;
    const quotesAfter = (this.quotesBefore[this.depth] as number) - (this.quotesBefore[m + 1] as number);
    if (!inItem && quotesAfter === 0) return false;
    const c = this.ln.charCodeAt(this.nn);
    if (c === HASH) return this.atxLevel() > 0;
    if (c === BACKTICK || c === TILDE) return this.fenceLength(c) > 0;
    if (c === GT || this.isThematicBreak(c)) return true;
    if (c === LT) return this.htmlStartType(6) > 0;
    if (this.listMarkerEnd(c) < 0) return false;
    if (!inItem || quotesAfter >= 2) return true;
    const ctx =
      quotesAfter > 0 ? (this.quoteAt[this.quotesBefore[m + 1] as number] as number) - 1 : this.depth - 1;
    const listIndent = (this.indentBefore[ctx] as number) - (this.indentBefore[this.frameIdx + 1] as number);
    return this.nnCol - this.frameCol - listIndent < 4;
  }
}
