import type { ScannedDoc } from './types.ts';

// Line access on a scanned document by offsets: a line's string is built only when asked for.

/** Number of lines in the document. */
export function lineCount(doc: ScannedDoc): number {
  return doc.lineEnds.length;
}

/** Offset where line `i`'s text starts (after the BOM on line 0). */
export function textStart(doc: ScannedDoc, i: number): number {
  return i === 0 ? doc.bomLength : (doc.lineStarts[i] as number);
}

/** Line `i` without its line ending. */
export function lineAt(doc: ScannedDoc, i: number): string {
  return doc.source.slice(textStart(doc, i), doc.lineEnds[i]);
}

/** Lines `[start, end)`, each without its line ending. */
export function linesOf(doc: ScannedDoc, start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = start; i < end; i++) out.push(lineAt(doc, i));
  return out;
}

/** Lines `[start, end)` joined with `\n` (line endings normalised), as one slice when the text has no CR. */
export function joinedLines(doc: ScannedDoc, start: number, end: number): string {
  if (start >= end) return '';
  const text = doc.source.slice(textStart(doc, start), doc.lineEnds[end - 1]);
  return doc.hasCR ? text.replace(/\r\n?/g, '\n') : text;
}
