import { HTML_START, htmlEnds } from './html-blocks.ts';
import {
  afterBreak,
  headingTextAt,
  isSpaceOrTab,
  type LineScratch,
  lineScratch,
  nextBreak,
} from './lines.ts';
import { type Heading, LineKind, type ScannedDoc } from './types.ts';

export { stripClosingRun } from './lines.ts';

// A CommonMark block scanner (the spec's "parsing strategy" appendix, as in commonmark.js): each line
// continues the open containers, then may open new blocks, else continues a paragraph (maybe lazily)
// or starts one. It models only what decides where top-level ATX headings are and what masks them;
// inline syntax is never parsed. markdown-it is the test oracle: where it departs from commonmark.js on
// lazy lines the scanner follows markdown-it (see endsLazyParagraph). Accepted gaps, documented in
// test/oracle/scanner-oracle.test.ts: link reference definitions are read as paragraphs, and a `>`
// indented 4+ columns does not continue a block quote (CommonMark; markdown-it accepts it).
// Every per-line step is O(line length) whatever the nesting depth, so hostile input stays linear.

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const STAR = 0x2a;
const PLUS = 0x2b;
const DASH = 0x2d;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const UNDERSCORE = 0x5f;
const BACKTICK = 0x60;
const TILDE = 0x7e;

// Containers, then the leaves that can stay open across lines (headings and breaks are one line).
const QUOTE = 1;
const ITEM = 2;
const NONE = 0;
const PARA = 1;
const FENCE = 2;
const ICODE = 3;
const HTML = 4;

/** Line-by-line block state: open containers, the open leaf, and a column-aware cursor. */
class BlockScanner {
  readonly headings: Heading[] = [];
  // The whole source is scanned in place: a line is [lineStart, end) of `ln`, and every index below
  // (`pos`, `nn`, break offsets) is an offset into the source. Past `end` comes a line ending (or
  // nothing), which no test below mistakes for content.
  private readonly ln: string;
  private readonly bom: number;
  private readonly hasCR: boolean;
  /** Whether `simpleLine` may classify lines directly (see `scanMarkdown`). */
  private readonly shortcuts: boolean;
  private lineNo = 0;
  private lineStart = 0;
  private end = 0;
  // Cursor as string index plus visual column: a tab may be only partly consumed.
  private pos = 0;
  private col = 0;
  // First non-space/tab at or after the cursor; still valid while the cursor stays at or before it.
  private nn = -1;
  private nnCol = 0;
  private depth = 0;
  private matched = 0;
  private readonly ctype: number[] = [];
  /** List item: columns past its parent's content a line needs to stay inside. */
  private readonly cindent: number[] = [];
  /** No child block yet (only the innermost container can be): such an item ends at a blank line. */
  private readonly cempty: boolean[] = [];
  // Prefix data so that deep nesting costs O(1) per line: quotes among containers [0, k), the index of
  // the j-th quote, and the summed list-item indents of containers [0, k).
  private readonly quotesBefore: number[] = [0];
  private readonly quoteAt: number[] = [];
  private readonly indentBefore: number[] = [0];
  private leaf = NONE;
  private paraText = false;
  private fenceChar = 0;
  private fenceLen = 0;
  private htmlType = 0;
  /** The paragraph continues with every container matched, so only interrupting blocks may start. */
  private paraOpen = false;
  /** The deepest open block is a paragraph: indented code and HTML type 7 cannot start. */
  private tipPara = false;
  private opened = false;
  private markerLine = false;
  // Innermost block quote matched on this line and the column after its marker: markdown-it's frame.
  private frameIdx = -1;
  private frameCol = 0;
  private markerValue = 0;
  // Per-line suffix of one thematic-break character and spaces: from, the char, and its 3rd-last index.
  private breakLine = -1;
  private breakFrom = 0;
  private breakChar = 0;
  private breakThird = -1;

  constructor(source: string, bom: number, hasCR: boolean, shortcuts: boolean) {
    this.ln = source;
    this.bom = bom;
    this.hasCR = hasCR;
    this.shortcuts = shortcuts;
  }

  /**
   * Find and classify every line in one pass, writing offsets and kinds into `scratch`; returns the
   * number of lines (the closing start offset goes at that index).
   */
  run(scratch: LineScratch): number {
    const { starts, ends, kinds } = scratch;
    const src = this.ln;
    const len = src.length;
    let k = 0;
    let start = this.bom;
    for (;;) {
      let e = this.hasCR ? nextBreak(src, start) : src.indexOf('\n', start);
      if (e === -1) {
        // Text after the last line ending is a line; an empty text is one empty line.
        if (start >= len && k > 0) break;
        e = len;
      }
      // Line 0 starts at 0 even after a BOM, so that consecutive starts rebuild the source.
      starts[k] = k === 0 ? 0 : start;
      ends[k] = e;
      this.lineNo = k;
      this.lineStart = this.pos = start;
      this.end = e;
      this.col = 0;
      this.nn = -1;
      this.opened = this.markerLine = this.paraOpen = false;
      this.frameIdx = -1;
      this.frameCol = 0;
      const simple = this.shortcuts ? this.simpleLine() : -1;
      kinds[k++] = simple >= 0 ? simple : this.scanLine();
      if (e === len) break;
      start = afterBreak(src, e);
    }
    starts[k] = len;
    return k;
  }

  /**
   * The commonest lines, classified directly when no code or HTML block is open: an empty line
   * (outside block quotes and empty list items), an ATX heading at column 0 (it closes every
   * container), and at the top level a line starting with an ASCII letter (a paragraph line). The
   * general path gives the same kind and state for them (a test compares the two); anything else is
   * -1 and takes it.
   */
  private simpleLine(): number {
    const start = this.lineStart;
    const d = this.depth;
    const open = this.leaf <= PARA;
    if (start === this.end) {
      // List items stay open over a blank line, unless still empty; block quotes need their `>`.
      if (!open || (d > 0 && ((this.quotesBefore[d] as number) > 0 || this.cempty[d - 1] === true)))
        return -1;
      this.leaf = NONE;
      return LineKind.Blank;
    }
    const c = this.ln.charCodeAt(start);
    if (c === HASH) return d === 0 && !open ? -1 : this.columnZeroHeading(start);
    if (c === DASH) return d === 0 && !open ? -1 : this.columnZeroBullet(start);
    const letter = c | 0x20;
    if (d !== 0 || !open || letter < 0x61 || letter > 0x7a) return -1;
    // A paragraph open at the top level was opened there, so it is the document's own text.
    if (this.leaf === NONE) {
      this.leaf = PARA;
      this.paraText = true;
    }
    return LineKind.Text;
  }

  /**
   * `- ` at column 0 followed by a word or by `**` and a word (a step such as `- **WHEN** ...`): every
   * container closes (the line matches none) and a top-level list item opens with a paragraph, as the
   * general path does it; -1 for any other bullet line.
   */
  private columnZeroBullet(start: number): number {
    const ln = this.ln;
    if (ln.charCodeAt(start + 1) !== SPACE) return -1;
    let x = start + 2;
    if (ln.charCodeAt(x) === STAR && ln.charCodeAt(x + 1) === STAR) x += 2;
    const letter = ln.charCodeAt(x) | 0x20;
    if (letter < 0x61 || letter > 0x7a) return -1;
    this.ctype[0] = ITEM;
    this.cindent[0] = 2;
    this.cempty[0] = false;
    this.quotesBefore[1] = 0;
    this.indentBefore[1] = 2;
    this.depth = 1;
    this.leaf = PARA;
    this.paraText = true;
    return LineKind.Text;
  }

  /** An ATX heading at column 0 closes every container and is top-level; -1 when `#` starts no heading. */
  private columnZeroHeading(start: number): number {
    this.nn = start;
    this.nnCol = 0;
    const level = this.atxLevel();
    this.nn = -1;
    if (level === 0) return -1;
    this.depth = 0;
    this.leaf = NONE;
    const text = headingTextAt(this.ln, start + level, this.end);
    this.headings.push({ level, text, line: this.lineNo });
    return LineKind.Heading;
  }

  private scanLine(): number {
    this.matched = this.depth === 0 ? 0 : this.matchContainers();
    if (this.matched === this.depth && this.leafContinues()) {
      if (this.leaf === FENCE) return this.fenceLine();
      if (this.leaf === HTML) return this.htmlLine();
      if (this.leaf === ICODE) return this.nn >= this.end ? this.blankKind() : LineKind.Code;
      this.paraOpen = true;
    }
    this.tipPara = this.leaf === PARA;
    if (this.tipPara && this.matched < this.depth) this.tipPara = !this.endsLazyParagraph();
    const kind = this.openBlocks();
    return kind >= 0 ? kind : this.finishLine();
  }

  /** The current line's text (for the rare HTML checks that test it with regexes). */
  private lineText(): string {
    return this.ln.slice(this.lineStart, this.end);
  }

  /** Indentation at the cursor in columns (tabs stop at multiples of 4); sets `nn`/`nnCol`. */
  private peekIndent(): number {
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
  private advanceCols(n: number): void {
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

  /** How many open containers this line continues (block quotes need `>`, list items indentation). */
  private matchContainers(): number {
    for (let k = 0; k < this.depth; k++) {
      const indent = this.peekIndent();
      if (this.nn >= this.end) return this.matchBlank(k);
      if (this.ctype[k] === QUOTE) {
        if (indent > 3 || this.ln.charCodeAt(this.nn) !== GT) return k;
        this.skipQuoteMarker();
        this.frameIdx = k;
        this.frameCol = this.col;
      } else if (indent >= (this.cindent[k] as number)) this.advanceCols(this.cindent[k] as number);
      else return k;
    }
    return this.depth;
  }

  /** The rest is blank from container `from` on: list items match up to the next block quote, except
   * the innermost when still empty (an item starts with at most one blank line). */
  private matchBlank(from: number): number {
    const d = this.depth;
    const quotes = this.quotesBefore[from] as number;
    const m = (this.quotesBefore[d] as number) > quotes ? (this.quoteAt[quotes] as number) : d;
    this.pos = this.nn;
    this.col = this.nnCol;
    return m === d && this.cempty[d - 1] ? d - 1 : m;
  }

  private skipQuoteMarker(): void {
    this.pos = this.nn + 1;
    this.col = this.nnCol + 1;
    if (isSpaceOrTab(this.ln.charCodeAt(this.pos))) this.advanceCols(1);
  }

  /** Does the open leaf take this line (all containers matched)? Indented code consumes its 4 columns. */
  private leafContinues(): boolean {
    const indent = this.peekIndent();
    const blank = this.nn >= this.end;
    if (this.leaf === PARA) return !blank;
    if (this.leaf === FENCE) return true;
    if (this.leaf === HTML) return !blank || this.htmlType < 6;
    if (this.leaf !== ICODE) return false;
    if (indent >= 4) this.advanceCols(4);
    return blank || indent >= 4;
  }

  private fenceLine(): number {
    const ln = this.ln;
    if (this.peekIndent() < 4 && ln.charCodeAt(this.nn) === this.fenceChar) {
      let p = this.nn;
      while (ln.charCodeAt(p) === this.fenceChar) p++;
      if (p - this.nn >= this.fenceLen) {
        while (isSpaceOrTab(ln.charCodeAt(p))) p++;
        if (p >= this.end) this.leaf = NONE;
      }
    }
    return LineKind.Code;
  }

  private htmlLine(): number {
    if (htmlEnds(this.htmlType, this.lineText(), this.pos - this.lineStart)) this.leaf = NONE;
    return LineKind.Html;
  }

  /** Open containers and at most one leaf at the cursor; the line's kind once a leaf decides it, else -1. */
  private openBlocks(): number {
    for (;;) {
      const indent = this.peekIndent();
      if (this.nn >= this.end) return -1;
      if (indent >= 4) return this.tipPara ? -1 : this.openLeafBlock(ICODE, LineKind.Code);
      const c = this.ln.charCodeAt(this.nn);
      if (c === GT) {
        this.openContainer(QUOTE, 0);
        this.skipQuoteMarker();
        continue;
      }
      const kind = this.openLeaf(c);
      if (kind >= 0 || !this.openListItem(c)) return kind;
    }
  }

  /** Leaves that may start at the next non-space, in CommonMark's precedence order; -1 when none. */
  private openLeaf(c: number): number {
    if (c === HASH) return this.openHeading();
    if (c === BACKTICK || c === TILDE) return this.openFence(c);
    if (c === LT) return this.openHtml();
    if (this.paraOpen && (c === EQUALS || c === DASH) && this.isSetextUnderline(c)) {
      this.leaf = NONE;
      return this.paraKind();
    }
    if (this.isThematicBreak(c)) return this.openLeafBlock(NONE, this.structKind());
    return -1;
  }

  /** A new block closes the unmatched containers, the open leaf with them, and fills its parent. */
  private openLeafBlock(leaf: number, kind: number): number {
    this.depth = this.matched;
    if (this.depth > 0) this.cempty[this.depth - 1] = false;
    this.leaf = leaf;
    return kind;
  }

  private openContainer(type: number, indent: number): void {
    const d = this.matched;
    this.openLeafBlock(NONE, 0);
    if (d === 0 && type === ITEM) this.markerLine = true;
    const quotes = this.quotesBefore[d] as number;
    if (type === QUOTE) this.quoteAt[quotes] = d;
    this.quotesBefore[d + 1] = type === QUOTE ? quotes + 1 : quotes;
    this.indentBefore[d + 1] = (this.indentBefore[d] as number) + indent;
    this.ctype[d] = type;
    this.cindent[d] = indent;
    this.cempty[d] = true;
    this.depth = this.matched = d + 1;
    this.opened = true;
    this.tipPara = this.paraOpen = false;
  }

  /** Text at the top level and on a top-level list item's marker line; Nested inside containers. */
  private structKind(): number {
    return this.depth === 0 || this.markerLine ? LineKind.Text : LineKind.Nested;
  }

  private paraKind(): number {
    return this.paraText || this.markerLine ? LineKind.Text : LineKind.Nested;
  }

  /** Blank only when the whole line is spaces/tabs: a bare `>` still belongs to its block quote. */
  private blankKind(): number {
    for (let p = this.lineStart; p < this.end; p++)
      if (!isSpaceOrTab(this.ln.charCodeAt(p))) return this.structKind();
    return LineKind.Blank;
  }

  /** Level of an ATX heading at the next non-space, or 0. */
  private atxLevel(): number {
    let p = this.nn;
    while (p - this.nn < 7 && this.ln.charCodeAt(p) === HASH) p++;
    const level = p - this.nn;
    return level > 6 || (p < this.end && !isSpaceOrTab(this.ln.charCodeAt(p))) ? 0 : level;
  }

  private openHeading(): number {
    const level = this.atxLevel();
    if (level === 0) return -1;
    const kind = this.openLeafBlock(NONE, this.structKind());
    if (this.depth > 0) return kind;
    const text = headingTextAt(this.ln, this.nn + level, this.end);
    this.headings.push({ level, text, line: this.lineNo });
    return LineKind.Heading;
  }

  /** Length of a code fence opening at the next non-space, or 0 (a backtick fence's info has none). */
  private fenceLength(c: number): number {
    let p = this.nn;
    while (this.ln.charCodeAt(p) === c) p++;
    const len = p - this.nn;
    if (len < 3) return 0;
    if (c === BACKTICK) for (let q = p; q < this.end; q++) if (this.ln.charCodeAt(q) === BACKTICK) return 0;
    return len;
  }

  private openFence(c: number): number {
    const len = this.fenceLength(c);
    if (len === 0) return -1;
    this.fenceChar = c;
    this.fenceLen = len;
    return this.openLeafBlock(FENCE, LineKind.Code);
  }

  /** HTML block type (1 to `last`) starting at the next non-space, or 0. */
  private htmlStartType(last: number): number {
    const text = this.ln.slice(this.nn, this.end);
    for (let type = 1; type <= last; type++) if ((HTML_START[type] as RegExp).test(text)) return type;
    return 0;
  }

  private openHtml(): number {
    const type = this.htmlStartType(this.tipPara ? 6 : 7);
    if (type === 0) return -1;
    this.htmlType = type;
    const ends = htmlEnds(type, this.lineText(), this.nn - this.lineStart);
    return this.openLeafBlock(ends ? NONE : HTML, LineKind.Html);
  }

  private isSetextUnderline(c: number): boolean {
    let p = this.nn;
    while (this.ln.charCodeAt(p) === c) p++;
    while (isSpaceOrTab(this.ln.charCodeAt(p))) p++;
    return p >= this.end;
  }

  /** O(1) after one backward pass per line, so `- - - ... x` (one item per marker) stays linear. */
  private isThematicBreak(c: number): boolean {
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
  private listMarkerEnd(c: number): number {
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

  /** Open a list item at the next non-space; content starts 1-4 columns past the marker. */
  private openListItem(c: number): boolean {
    const p = this.listMarkerEnd(c);
    if (p < 0) return false;
    const afterCol = this.nnCol + (p - this.nn);
    let q = p;
    let contentCol = afterCol;
    for (let ch = this.ln.charCodeAt(q); isSpaceOrTab(ch); ch = this.ln.charCodeAt(++q)) {
      contentCol += ch === TAB ? 4 - (contentCol & 3) : 1;
    }
    const blankItem = q >= this.end;
    // Only a non-empty item, and an ordered one only when it starts at 1, may interrupt a paragraph.
    if (this.paraOpen && (blankItem || this.markerValue !== 1)) return false;
    // With 5+ columns after the marker the content is indented code one column past it.
    const wide = blankItem || contentCol - afterCol >= 5;
    this.openContainer(ITEM, this.nnCol - this.col + (p - this.nn) + (wide ? 1 : contentCol - afterCol));
    this.pos = wide ? p : q;
    this.col = wide ? afterCol : contentCol;
    if (wide) this.advanceCols(1);
    return true;
  }

  /**
   * A line indented 4+ columns that fails to continue an open paragraph's containers is lazy for
   * commonmark.js, but markdown-it re-checks it wherever it is outdented: in the paragraph's list item,
   * or in a block quote inside the first unmatched container. There its indent is negative, so content
   * that can start a block ends the paragraph and the line becomes indented code. The exception is a
   * list marker 4+ columns past the parent list's content, at the first such check only.
   * Lines indented less than 4 end the paragraph under the same conditions in both parsers.
   */
  private endsLazyParagraph(): boolean {
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

  /** No leaf started: a lazy or ordinary paragraph continuation, a new paragraph, or a blank line. */
  private finishLine(): number {
    const blank = this.nn >= this.end;
    if (!this.opened && !this.paraOpen && this.leaf === PARA && !blank) return this.paraKind();
    if (this.paraOpen) return this.paraKind();
    this.depth = this.matched;
    this.leaf = NONE;
    if (blank) return this.blankKind();
    const d = this.depth;
    // The first paragraph of a top-level list item is the item's own text, as on its marker line.
    this.paraText = d === 0 || (d === 1 && this.ctype[0] === ITEM && this.cempty[0] === true);
    return this.openLeafBlock(PARA, this.paraKind());
  }
}

/**
 * Scan a Markdown document into lines, line kinds and top-level ATX headings as CommonMark's block
 * structure defines them: headings inside code, HTML blocks, list items or block quotes are content.
 * `shortcuts: false` sends every line through the general path (a test compares the two).
 */
export function scanMarkdown(source: string, shortcuts = true): ScannedDoc {
  const bomLength = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const hasCR = source.indexOf('\r', bomLength) !== -1;
  const scratch = lineScratch(source, bomLength);
  const scanner = new BlockScanner(source, bomLength, hasCR, shortcuts);
  const n = scanner.run(scratch);
  // Exact-size copies: the scratch is reused by the next scan.
  return {
    source,
    bomLength,
    lineStarts: scratch.starts.slice(0, n + 1),
    lineEnds: scratch.ends.slice(0, n),
    hasCR,
    lineSeparators: source.indexOf('\u2028') !== -1 || source.indexOf('\u2029') !== -1,
    kinds: scratch.kinds.slice(0, n),
    headings: scanner.headings,
  };
}
