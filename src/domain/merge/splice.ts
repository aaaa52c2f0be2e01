import { lineCount } from '../markdown/doc-lines.ts';
import type { ScannedDoc } from '../markdown/types.ts';
import { coreEnd } from '../spec/blocks.ts';
import type { LineRange, SpecDoc } from '../spec/model.ts';
import { sliceLines } from '../spec/parse-spec.ts';

/** What happens to one unit (requirement or foreign block) of the Requirements section. */
type UnitEdit =
  | { kind: 'keep' }
  | { kind: 'remove' }
  /** Replace only the header line (a rename keeps position and body). */
  | { kind: 'header'; header: string }
  /** Replace the whole core with these lines (a MODIFIED block). */
  | { kind: 'replace'; lines: string[] };

export interface SpliceUnit {
  core: LineRange;
  edit: UnitEdit;
}

/** The file's dominant line ending; CRLF wins ties, LF when there is none. */
function dominantEol(source: string, hasCR: boolean): string {
  if (!hasCR) return '\n';
  let crlf = 0;
  let lf = 0;
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    if (i > 0 && source.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf >= lf && crlf > 0 ? '\r\n' : '\n';
}

function endsWithEol(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}

/** Text of a unit after its edit; unchanged units are their exact original bytes. */
function unitText(doc: ScannedDoc, unit: SpliceUnit, eol: string): string {
  const original = sliceLines(doc, unit.core.start, unit.core.end);
  const finalEol = endsWithEol(original) ? eol : '';
  switch (unit.edit.kind) {
    case 'keep':
    case 'remove':
      return original;
    case 'header': {
      const headerLine = sliceLines(doc, unit.core.start, unit.core.start + 1);
      const headerEol = headerLine.slice(
        (doc.lineEnds[unit.core.start] as number) - (doc.lineStarts[unit.core.start] as number),
      );
      return unit.edit.header + headerEol + sliceLines(doc, unit.core.start + 1, unit.core.end);
    }
    case 'replace':
      return unit.edit.lines.join(eol) + finalEol;
  }
}

/**
 * Rebuild the Requirements section from edited units plus appended blocks, touching nothing else:
 * every byte outside edited units (separators, preamble, later sections, the final newline) is kept.
 * Units must be sorted by position. `appended` blocks are arrays of lines (no line endings).
 */
export function spliceRequirements(spec: SpecDoc, units: SpliceUnit[], appended: string[][]): string {
  const { doc } = spec;
  const eol = dominantEol(doc.source, doc.hasCR);
  const section = spec.requirementsSection;
  if (!section) return appendSection(doc.source, appended, eol);
  const secStart = section.line;
  const secEnd = section.range.end;
  const first = units[0];
  const leadEnd = first ? coreEnd(doc, secStart + 1, first.core.start) : coreEnd(doc, secStart + 1, secEnd);
  const lastCoreEnd = units.length > 0 ? (units[units.length - 1] as SpliceUnit).core.end : leadEnd;
  const p0 = first ? sliceLines(doc, leadEnd, first.core.start) : '';
  // Pieces joined once at the end: the result is a flat string, which the read-back parse scans
  // several times faster than a long chain of concatenations.
  const out = [sliceLines(doc, 0, leadEnd)];
  let emitted = 0;
  for (let k = 0; k < units.length; k++) {
    const unit = units[k] as SpliceUnit;
    if (unit.edit.kind === 'remove') continue;
    const gapBefore = k === 0 ? p0 : sliceLines(doc, (units[k - 1] as SpliceUnit).core.end, unit.core.start);
    out.push(emitted === 0 ? p0 : gapBefore, unitText(doc, unit, eol));
    emitted++;
  }
  for (const lines of appended) {
    const last = lastPiece(out);
    if (last !== '' && !endsWithEol(last)) out.push(eol);
    out.push(eol, lines.join(eol), eol);
  }
  const tail = sliceLines(doc, lastCoreEnd, secEnd);
  const rest = sliceLines(doc, secEnd, lineCount(doc));
  if (appended.length > 0 && !endsWithEol(sliceLines(doc, 0, lineCount(doc))) && tail === '' && rest === '') {
    out.pop();
  }
  out.push(tail, rest);
  return out.join('');
}

/** The last non-empty piece, or '' (what the text built so far ends with). */
function lastPiece(pieces: string[]): string {
  for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i] !== '') return pieces[i] as string;
  return '';
}

/** No Requirements section: add one at the end of the file with the appended blocks. */
function appendSection(source: string, appended: string[][], eol: string): string {
  const out = [source];
  if (source !== '' && !endsWithEol(source)) out.push(eol);
  if (source.trim() !== '') out.push(eol);
  out.push(`## Requirements${eol}`);
  for (const lines of appended) out.push(eol, lines.join(eol), eol);
  return out.join('');
}
