import { lineAt } from './doc-lines.ts';
import { LineKind, type ScannedDoc } from './types.ts';

/**
 * A line that an author most likely meant as a `### Requirement:` or `#### Scenario:` header, but that
 * Markdown does not read as a top-level heading, so it is silently part of the block above it:
 * - `no-space`: `###Requirement: X` (an ATX heading needs a space after its `#` run), anywhere;
 * - `nested`: `### Requirement: X` inside a list item (indented under a bullet).
 * Found from `ScannedDoc.hashLines`, so it costs nothing on documents without such lines.
 */
export interface HiddenHeading {
  kind: 'no-space' | 'nested';
  /** 0-based line. */
  line: number;
  /** The line, trimmed. */
  text: string;
}

// Three to six #s: what a requirement (###) or scenario (####) header mistyped looks like; one or two
// (`#scenario: tags`) is ordinary text more often than a header.
const LABELLED = /^#{3,6}[ \t]*(?:requirement|scenario):/i;

/** Lines that look like requirement or scenario headers but are not top-level headings. */
export function hiddenHeadings(doc: ScannedDoc): HiddenHeading[] {
  const out: HiddenHeading[] = [];
  let last = -1;
  for (const i of doc.hashLines) {
    if (i === last) continue;
    last = i;
    const k = doc.kinds[i];
    if (k !== LineKind.Text && k !== LineKind.Nested) continue;
    const text = lineAt(doc, i).trim();
    // A block quote's `>` or a bullet before the `#` is not what an author means as a header line.
    if (!LABELLED.test(text)) continue;
    let q = 0;
    while (text.charCodeAt(q) === 35) q++;
    const spaced = text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9;
    out.push({ kind: spaced ? 'nested' : 'no-space', line: i, text });
  }
  return out;
}
