import type { FoundReference } from './scan-references.ts';

/** One reference to rewrite in place. */
export interface ReferenceEdit {
  file: string;
  line: number;
  /** Offset of `from` in the file's text. */
  offset: number;
  from: string;
  to: string;
}

/** A fix that cannot be written automatically, with the reason. */
export interface SkippedFix {
  file: string;
  line: number;
  ref: string;
  fix: string;
  reason: string;
}

/**
 * The edits that apply the given fixes. A fix is skipped when writing it into a test title would end
 * the string early (the new name holds the title's quote character or a backslash).
 */
export function planEdits(fixes: readonly { found: FoundReference; fix: string }[]): {
  edits: ReferenceEdit[];
  skipped: SkippedFix[];
} {
  const edits: ReferenceEdit[] = [];
  const skipped: SkippedFix[] = [];
  for (const { found, fix } of fixes) {
    const { file, line, offset, text } = found;
    if (found.quote !== undefined && (fix.includes(found.quote) || fix.includes('\\'))) {
      const reason = `the new name contains ${fix.includes('\\') ? 'a backslash' : `the title's quote (${found.quote})`}`;
      skipped.push({ file, line, ref: text, fix, reason });
    } else edits.push({ file, line, offset, from: text, to: fix });
  }
  return { edits, skipped };
}

/**
 * Apply the edits of one file to its text. Edits are applied from the end so offsets stay valid; an edit
 * whose text is no longer at its offset (the file changed since it was scanned) throws.
 */
export function applyEdits(text: string, edits: readonly ReferenceEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    if (out.slice(e.offset, e.offset + e.from.length) !== e.from)
      throw new Error(`${e.file}:${e.line}: "${e.from}" is no longer at the scanned position`);
    out = out.slice(0, e.offset) + e.to + out.slice(e.offset + e.from.length);
  }
  return out;
}

const CONTEXT = 2;

/** Ranges of changed line indices, widened by the context and merged when they touch. */
function hunkRanges(changed: readonly number[], lineCount: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const i of changed) {
    const start = Math.max(0, i - CONTEXT);
    const end = Math.min(lineCount, i + CONTEXT + 1);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/**
 * A unified diff of a file whose edits replace text within lines (line count unchanged), with two lines
 * of context; empty when nothing changed.
 */
export function renderLineDiff(file: string, before: string, after: string): string {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const changed: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push(i);
  if (changed.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const [start, end] of hunkRanges(changed, a.length)) {
    const n = end - start;
    out.push(`@@ -${start + 1},${n} +${start + 1},${n} @@`);
    for (let i = start; i < end; i++) {
      if (a[i] === b[i]) out.push(` ${a[i]}`);
      else out.push(`-${a[i]}`, `+${b[i]}`);
    }
  }
  return `${out.join('\n')}\n`;
}
