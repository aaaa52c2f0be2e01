import { htmlEnds } from './html-blocks.ts';
import {
  afterBreak,
  headingTextAt,
  isSpaceOrTab,
  type LineScratch,
  lineScratch,
  nextBreak,
} from './lines.ts';
import {
  BACKTICK,
  DASH,
  EQUALS,
  FENCE,
  GT,
  HASH,
  HTML,
  ICODE,
  ITEM,
  LineCursor,
  LT,
  NONE,
  PARA,
  QUOTE,
  SPACE,
  STAR,
  TAB,
  TILDE,
} from './scan-cursor.ts';
import { LineKind, type ScannedDoc } from './types.ts';

export { stripClosingRun } from './lines.ts';

// A CommonMark block scanner (the spec's "parsing strategy" appendix, as in commonmark.js): each line
// continues the open containers, then may open new blocks, else continues a paragraph (maybe lazily)
// or starts one. It models only what decides where top-level ATX headings are and what masks them;
// inline syntax is never parsed. markdown-it is the test oracle: where it departs from commonmark.js on
// lazy lines the scanner follows markdown-it (see endsLazyParagraph). Accepted gaps, documented in
// test/oracle/scanner-oracle.test.ts: link reference definitions are read as paragraphs, and a `>`
// indented 4+ columns does not continue a block quote (CommonMark; markdown-it accepts it).
// Every per-line step is O(line length) whatever the nesting depth, so hostile input stays linear.

/** The scanner: continues and opens containers and leaves line by line (state and primitives: scan-cursor.ts). */
class BlockScanner extends LineCursor {
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
    if (this.isThematicBreak(c)) {
      // The kind after the break has closed the containers it does not continue.
      this.openLeafBlock(NONE, 0);
      return this.structKind();
    }
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

  private openHeading(): number {
    const level = this.atxLevel();
    if (level === 0) {
      this.hashLines.push(this.lineNo);
      return -1;
    }
    const kind = this.openLeafBlock(NONE, this.structKind());
    if (this.depth > 0) {
      this.hashLines.push(this.lineNo);
      return kind;
    }
    const text = headingTextAt(this.ln, this.nn + level, this.end);
    this.headings.push({ level, text, line: this.lineNo });
    return LineKind.Heading;
  }

  private openFence(c: number): number {
    const len = this.fenceLength(c);
    if (len === 0) return -1;
    this.fenceChar = c;
    this.fenceLen = len;
    return this.openLeafBlock(FENCE, LineKind.Code);
  }

  private openHtml(): number {
    const type = this.htmlStartType(this.tipPara ? 6 : 7);
    if (type === 0) return -1;
    this.htmlType = type;
    const ends = htmlEnds(type, this.lineText(), this.nn - this.lineStart);
    return this.openLeafBlock(ends ? NONE : HTML, LineKind.Html);
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
    hashLines: scanner.hashLines,
  };
}
