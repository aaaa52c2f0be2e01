import { hiddenHeadings } from '../markdown/hidden-headings.ts';
import type { ScannedDoc } from '../markdown/types.ts';
import type { IssueSink } from './requirement-rules.ts';

/** Rules for header lines that Markdown reads as text, which would hide a requirement or scenario. */
export const HIDDEN_HEADING_RULES = ['heading_without_space', 'heading_indented'] as const;

/** Report `### Requirement:`/`#### Scenario:` lines that are not headings (see `hiddenHeadings`). */
export function checkHiddenHeadings(doc: ScannedDoc, add: IssueSink): void {
  for (const h of hiddenHeadings(doc)) {
    const hashes = /^#+/.exec(h.text)?.[0] ?? '#';
    if (h.kind === 'no-space') {
      add(
        'ERROR',
        'heading_without_space',
        h.line,
        `"${h.text}" is not a header: Markdown needs a space after the #s, so the line is read as text of the block above.`,
        `Write it as "${hashes} ${h.text.slice(hashes.length).trimStart()}".`,
      );
    } else {
      add(
        'ERROR',
        'heading_indented',
        h.line,
        `"${h.text}" is indented into the list item or paragraph above, so it is not a header and is read as part of that block.`,
        'Start the header at the beginning of its line, after a blank line.',
      );
    }
  }
}
