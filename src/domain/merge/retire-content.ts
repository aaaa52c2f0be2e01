import { lineAt, lineCount } from '../markdown/doc-lines.ts';
import { LineKind } from '../markdown/types.ts';
import { isBreakLine } from '../spec/blocks.ts';
import type { SpecDoc } from '../spec/model.ts';
import { shortLabel } from './block-content.ts';

/** A stretch of a main spec that is not part of its title, Purpose or requirements. */
export interface ExtraContent {
  /** 0-based line of its first line. */
  line: number;
  /** That line, trimmed. */
  text: string;
  /** Non-blank lines in the stretch. */
  lines: number;
}

/**
 * What retiring a capability would delete besides its title, Purpose section, `## Requirements` heading
 * and requirement blocks (every requirement is removed when a capability retires): other sections, text
 * before the first section, foreign `###` blocks or text in the Requirements section. Blank lines and
 * separators (`---` between blocks) never count; a wrapped scenario bullet is inside its requirement block, so it does not either (OpenSpec #1782).
 * Stretches are split at headings and at content that is not extra.
 */
export function retireExtraContent(spec: SpecDoc): ExtraContent[] {
  const { doc } = spec;
  const n = lineCount(doc);
  const owned = new Uint8Array(n);
  const own = (start: number, end: number) => owned.fill(1, start, end);
  if (spec.title) own(spec.title.line, spec.title.line + 1);
  if (spec.purpose) own(spec.purpose.range.start, spec.purpose.range.end);
  if (spec.requirementsSection) own(spec.requirementsSection.line, spec.requirementsSection.line + 1);
  for (const r of spec.requirements) own(r.core.start, r.core.end);
  const out: ExtraContent[] = [];
  let open: ExtraContent | undefined;
  for (let i = 0; i < n; i++) {
    const kind = doc.kinds[i];
    if (kind === LineKind.Blank || (owned[i] === 0 && isBreakLine(doc, i))) continue;
    if (owned[i] === 1) {
      open = undefined;
      continue;
    }
    if (open && kind !== LineKind.Heading) {
      open.lines++;
      continue;
    }
    open = { line: i, text: lineAt(doc, i).trim(), lines: 1 };
    out.push(open);
  }
  return out;
}

/** `line 30 "## Notes" (+2 lines)`, for messages; at most `max` stretches, then a count of the rest. */
export function describeExtraContent(extra: ExtraContent[], max = 5): string {
  const shown = extra.slice(0, max).map((e) => {
    const text = shortLabel(e.text);
    const more = e.lines > 1 ? ` (+${e.lines - 1} line${e.lines === 2 ? '' : 's'})` : '';
    return `line ${e.line + 1} "${text}"${more}`;
  });
  if (extra.length > max) shown.push(`${extra.length - max} more`);
  return shown.join(', ');
}
