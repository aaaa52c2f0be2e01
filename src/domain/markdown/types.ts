/** Classification of one source line by the block scanner. */
export const LineKind = {
  /**
   * Paragraph text, tables, thematic breaks and setext underlines at the top level, plus a top-level
   * list item's marker line and the continuation lines of its first paragraph.
   */
  Text: 0,
  /** A line of only spaces/tabs outside fenced code and HTML blocks (also between indented code lines). */
  Blank: 1,
  /** Fence delimiter or content of fenced/indented code: never structure. */
  Code: 2,
  /** Part of an HTML block (comments included): never structure. */
  Html: 3,
  /** A top-level ATX heading (listed in `ScannedDoc.headings`). */
  Heading: 4,
  /**
   * Any other line inside a list item or block quote: later paragraphs, nested items, headings (never
   * top-level ones) and lazy continuation lines. Code and HTML inside containers keep Code/Html.
   */
  Nested: 5,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

/** A top-level ATX heading, as CommonMark reads it. */
export interface Heading {
  /** Number of `#` characters, 1 to 6. */
  level: number;
  /** Heading content: leading/trailing whitespace and the optional closing `#` run removed. */
  text: string;
  /** 0-based line index in `ScannedDoc.lines`. */
  line: number;
}

/** The result of scanning a Markdown document line by line. */
export interface ScannedDoc {
  /** The exact input text (a BOM, if any, included). */
  source: string;
  /** 1 when `source` starts with U+FEFF, else 0. */
  bomLength: number;
  /** Offset in `source` where each line starts; one extra entry equal to `source.length`. */
  lineStarts: Int32Array;
  /**
   * Offset in `source` where each line's text ends (before its line ending); one entry per line. Lines
   * are never stored as strings: `lineAt` and `linesOf` (`doc-lines.ts`) cut them out when needed, and
   * the BOM is not part of line 0.
   */
  lineEnds: Int32Array;
  /** Whether `source` has a CR anywhere (CRLF or lone CR line endings). */
  hasCR: boolean;
  /** Whether `source` holds U+2028 or U+2029, where a regex `.` stops although no line ends. */
  lineSeparators: boolean;
  /** `LineKind` of each line. */
  kinds: Uint8Array;
  /** Top-level ATX headings in document order. */
  headings: Heading[];
  /**
   * Lines where a `#` opens no top-level heading although it stands where a block may start: a `#` run
   * not followed by a space (`###Requirement:`), or a heading inside a list item or block quote. Usually
   * empty; `hiddenHeadings` reads it. A line may be listed twice.
   */
  hashLines: number[];
}
