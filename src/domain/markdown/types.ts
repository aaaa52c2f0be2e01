/** Classification of one source line by the block scanner. */
export const LineKind = {
  /** Paragraph text, list items, tables: anything that is not one of the others. */
  Text: 0,
  /** Empty or whitespace-only line outside code. */
  Blank: 1,
  /** Fence delimiter or content of fenced/indented code: never structure. */
  Code: 2,
  /** Part of an HTML block (comments included): never structure. */
  Html: 3,
  /** A top-level ATX heading (listed in `ScannedDoc.headings`). */
  Heading: 4,
  /** A line inside a list item or block quote that is not a top-level heading. */
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
  /** Each line without its line ending; the BOM is removed from line 0. */
  lines: string[];
  /** Offset in `source` where each line starts; one extra entry equal to `source.length`. */
  lineStarts: number[];
  /** `LineKind` of each line. */
  kinds: Uint8Array;
  /** Top-level ATX headings in document order. */
  headings: Heading[];
}
