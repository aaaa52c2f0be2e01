import { joinedLines, lineAt, textStart } from '../markdown/doc-lines.ts';
import { type Heading, LineKind, type ScannedDoc } from '../markdown/types.ts';
import type {
  ForeignBlock,
  LineRange,
  Requirement,
  Scenario,
  ScenarioOp,
  Step,
  StepKeyword,
} from './model.ts';

const REQUIREMENT_HEADER = /^Requirement:[ \t]*(.*)$/i;
const SCENARIO_HEADER = /^(?:(ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+)?Scenario:[ \t]*(.*)$/i;
const RENAME_ARROW = /[ \t]+(?:->|→)[ \t]+/;
const KEYWORD = /\b(?:SHALL|MUST)\b/;
const BOLD_STEP = /^[ \t]*[-*+][ \t]+\*\*(GIVEN|WHEN|THEN|AND|BUT):?\*\*:?[ \t]*(.*)$/i;
const PLAIN_STEP = /^[ \t]*(?:[-*+][ \t]+)?(GIVEN|WHEN|THEN|AND|BUT)\b:?[ \t]+(.*)$/i;

/**
 * Whether `text` starts with `word` ignoring ASCII case, as a non-Unicode `/i` regex compares: a
 * non-ASCII character never folds into an ASCII letter there, and none lower-cases into these words.
 * `word` is lower case. Built-ins only: this runs mostly before the JIT has compiled it.
 */
function startsWithFolded(text: string, word: string): boolean {
  const head = text.slice(0, word.length);
  return head.length === word.length && (head === word || head.toLowerCase() === word);
}

/** A printable ASCII character other than a space: never whitespace for `trim`. */
function isPlainAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * `text.slice(at).trim()`, in one slice when the name is plainly delimited: a single space after the
 * prefix and printable ASCII at both ends of the name (the common `Scenario: Name`).
 */
function nameAfter(text: string, at: number): string {
  if (
    text.charCodeAt(at) === 0x20 &&
    isPlainAscii(text.charCodeAt(at + 1)) &&
    isPlainAscii(text.charCodeAt(text.length - 1))
  )
    return text.slice(at + 1);
  return text.slice(at).trim();
}

/** `.` in the header regexes stops at U+2028 and U+2029, so a heading holding one matches neither. */
function hasLineSeparator(text: string): boolean {
  return text.indexOf('\u2028') !== -1 || text.indexOf('\u2029') !== -1;
}

/**
 * The requirement name in a level-3 heading text, or undefined when it is not `Requirement: ...`.
 * `separators` false says the document holds no U+2028/U+2029 (`ScannedDoc.lineSeparators`).
 */
export function requirementName(headingText: string, separators = true): string | undefined {
  // The common case without a regex match object; the regex stays the definition.
  if (!startsWithFolded(headingText, 'requirement:')) return undefined;
  if (!separators || !hasLineSeparator(headingText)) return nameAfter(headingText, 12);
  const m = REQUIREMENT_HEADER.exec(headingText);
  return m ? (m[1] ?? '').trim() : undefined;
}

/** Fold a name for near-miss comparisons: lower case, whitespace runs collapsed. Never used to match. */
export function foldName(name: string): string {
  const lower = name.toLowerCase();
  // Most names have only single inner spaces: then the fold is the lower-case name itself.
  return NEEDS_COLLAPSE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/** Whitespace other than single inner spaces. */
const NEEDS_COLLAPSE = /[^\S ]| {2}|^ | $/;

/** Whether line `i` is a top-level thematic break (`---`, `***`, `___`, spaced or not). */
export function isBreakLine(doc: ScannedDoc, i: number): boolean {
  if (doc.kinds[i] !== LineKind.Text) return false;
  const src = doc.source;
  const end = doc.lineEnds[i] as number;
  let p = doc.lineStarts[i] as number;
  let mark = -1;
  let count = 0;
  for (; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c === 32 || c === 9) continue;
    if (mark === -1 && (c === 45 || c === 42 || c === 95)) mark = c;
    else if (c !== mark) return false;
    count++;
  }
  return count >= 3;
}

/**
 * Index one past the last line of content in `[start, end)`; `start` when all are blank. Blank lines at
 * the end are not content, nor is a separator (a thematic break after a blank line, with blank lines
 * around it): it is layout between this block and the next, so replacing or removing the block keeps it.
 */
export function coreEnd(doc: ScannedDoc, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && doc.kinds[e - 1] === LineKind.Blank) e--;
    // A break right under a paragraph line is a setext underline, part of that line: only after a blank.
    if (e - 2 < start || doc.kinds[e - 2] !== LineKind.Blank || !isBreakLine(doc, e - 1)) return e;
    e--;
  }
}

/**
 * Where `coreEnd` ended a block whose content ends at `end` before separators were layout: past the
 * separators (and blank lines between them) that follow. Fingerprints recorded by those builds cover them.
 */
export function legacyCoreEnd(doc: ScannedDoc, end: number): number {
  let e = end;
  for (let i = end; i < doc.kinds.length; i++) {
    if (doc.kinds[i] === LineKind.Blank) continue;
    if (!isBreakLine(doc, i)) break;
    e = i + 1;
  }
  return e;
}

/** Lines `[start, end)` trimmed of blank lines at both ends, joined with `\n` (line endings normalised). */
export function textOf(doc: ScannedDoc, range: LineRange): string {
  let s = range.start;
  const e = coreEnd(doc, range.start, range.end);
  while (s < e && doc.kinds[s] === LineKind.Blank) s++;
  return joinedLines(doc, s, e);
}

function proseHasKeyword(doc: ScannedDoc, range: LineRange): boolean {
  for (let i = range.start; i < range.end; i++) {
    const k = doc.kinds[i];
    if (k === LineKind.Code || k === LineKind.Html) continue;
    if (KEYWORD.test(lineAt(doc, i))) return true;
  }
  return false;
}

/** Cheap pre-check: a step line starts (after spaces) with a bullet or a G/W/T/A/B letter. */
function mayBeStep(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  const c = line.charCodeAt(i) | 0x20;
  return (
    c === 0x2d /* - */ ||
    c === 0x2a /* * */ ||
    c === 0x2b /* + */ ||
    c === 0x67 ||
    c === 0x77 ||
    c === 0x74 ||
    c === 0x61 ||
    c === 0x62
  );
}

/**
 * BOLD_STEP and PLAIN_STEP without their `(.*)$` tail, anchored where `lastIndex` points: in a text
 * without U+2028/U+2029 that tail matches any line, so these decide alone, in place.
 */
const BOLD_STEP_AT = /[ \t]*[-*+][ \t]+\*\*(?:GIVEN|WHEN|THEN|AND|BUT):?\*\*/iy;
const PLAIN_STEP_AT = /[ \t]*(?:[-*+][ \t]+)?(?:GIVEN|WHEN|THEN|AND|BUT)\b:?[ \t]+/iy;

/** Whether a scenario has at least one step: the first step line ends the search, nothing is built. */
export function hasSteps(doc: ScannedDoc, s: Scenario): boolean {
  const src = doc.source;
  for (let i = s.bodyRange.start; i < s.bodyRange.end; i++) {
    const kind = doc.kinds[i];
    if (kind === LineKind.Blank || kind === LineKind.Code || kind === LineKind.Html) continue;
    if (doc.lineSeparators) {
      const line = lineAt(doc, i);
      if (mayBeStep(line) && (BOLD_STEP.test(line) || PLAIN_STEP.test(line))) return true;
      continue;
    }
    const at = textStart(doc, i);
    BOLD_STEP_AT.lastIndex = at;
    if (BOLD_STEP_AT.test(src)) return true;
    PLAIN_STEP_AT.lastIndex = at;
    if (PLAIN_STEP_AT.test(src)) return true;
  }
  return false;
}

/** A scenario's body text: its lines trimmed of surrounding blank lines, joined with `\n` (computed on demand). */
export function scenarioBody(doc: ScannedDoc, s: Scenario): string {
  return textOf(doc, s.bodyRange);
}

/** A scenario's Given/When/Then steps (computed on demand: validation only needs to know whether any exist). */
export function scenarioSteps(doc: ScannedDoc, s: Scenario): Step[] {
  return parseSteps(doc, s.bodyRange);
}

/** Parse Given/When/Then steps: `- **WHEN** x` bullets or plain `When x` lines; other lines continue a step. */
function parseSteps(doc: ScannedDoc, range: LineRange): Step[] {
  const steps: Step[] = [];
  for (let i = range.start; i < range.end; i++) {
    const kind = doc.kinds[i];
    if (kind === LineKind.Blank || kind === LineKind.Code || kind === LineKind.Html) continue;
    const line = lineAt(doc, i);
    const m = mayBeStep(line) ? (BOLD_STEP.exec(line) ?? PLAIN_STEP.exec(line)) : null;
    if (m) {
      steps.push({
        keyword: (m[1] as string).toUpperCase() as StepKeyword,
        text: (m[2] ?? '').trim(),
        line: i,
      });
      continue;
    }
    const last = steps[steps.length - 1];
    if (last && line.trim() !== '') last.text = `${last.text} ${line.trim()}`.trim();
  }
  return steps;
}

function parseScenarioHeading(
  text: string,
  separators: boolean,
): Pick<Scenario, 'name' | 'labelled' | 'op' | 'renameTo'> {
  // Plain `Scenario: name` headings, by far the most common, need no regex match object.
  if (startsWithFolded(text, 'scenario:') && (!separators || !hasLineSeparator(text)))
    return { name: nameAfter(text, 9), labelled: true };
  const m = SCENARIO_HEADER.exec(text);
  if (!m) return { name: text.trim(), labelled: false };
  const op = m[1] ? (m[1].toUpperCase() as ScenarioOp) : undefined;
  const name = (m[2] ?? '').trim();
  if (op === 'RENAMED') {
    const arrow = RENAME_ARROW.exec(name);
    if (arrow) {
      return {
        name: name.slice(0, arrow.index).trim(),
        labelled: true,
        op,
        renameTo: name.slice(arrow.index + arrow[0].length).trim(),
      };
    }
  }
  return op ? { name, labelled: true, op } : { name, labelled: true };
}

function buildScenario(doc: ScannedDoc, heading: Heading, end: number): Scenario {
  const first = heading.line + 1;
  const e = coreEnd(doc, first, end);
  const head = parseScenarioHeading(heading.text, doc.lineSeparators);
  // One literal of one shape (no spread): tens of thousands of these are built per run.
  const scenario: Scenario = {
    name: head.name,
    labelled: head.labelled,
    line: heading.line,
    core: { start: heading.line, end: Math.max(e, first) },
    bodyRange: { start: first, end: e },
    hasBody: e > first,
  };
  if (head.op !== undefined) scenario.op = head.op;
  if (head.renameTo !== undefined) scenario.renameTo = head.renameTo;
  return scenario;
}

/** Build one requirement from its header and the level-4+ headings `headings[from, to)` inside it. */
function buildRequirement(
  doc: ScannedDoc,
  name: string,
  headings: Heading[],
  from: number,
  to: number,
  end: number,
) {
  const header = headings[from - 1] as Heading;
  const scenarios: Scenario[] = [];
  let bodyEnd = end;
  let open: Heading | undefined;
  for (let j = from; j < to; j++) {
    const h = headings[j] as Heading;
    if (h.level !== 4) continue;
    if (open) scenarios.push(buildScenario(doc, open, h.line));
    else bodyEnd = h.line;
    open = h;
  }
  if (open) scenarios.push(buildScenario(doc, open, end));
  const bodyRange = { start: header.line + 1, end: coreEnd(doc, header.line + 1, bodyEnd) };
  const requirement: Requirement = {
    name,
    line: header.line,
    core: { start: header.line, end: Math.max(coreEnd(doc, header.line + 1, end), header.line + 1) },
    bodyRange,
    text: textOf(doc, bodyRange),
    hasKeyword: proseHasKeyword(doc, bodyRange),
    scenarios,
  };
  return requirement;
}

/**
 * Split `[range.start, range.end)` into units at every level-3 heading: `### Requirement:` blocks and
 * foreign `###` blocks. A unit ends before the next heading of level 1-3 or at the range end.
 * `headings` must be the document's headings strictly inside the range (the section heading excluded).
 */
export function parseUnits(
  doc: ScannedDoc,
  headings: Heading[],
  range: LineRange,
): { requirements: Requirement[]; foreign: ForeignBlock[] } {
  const requirements: Requirement[] = [];
  const foreign: ForeignBlock[] = [];
  let k = 0;
  while (k < headings.length) {
    const h = headings[k] as Heading;
    let next = k + 1;
    while (next < headings.length && (headings[next] as Heading).level > 3) next++;
    if (h.level === 3) {
      const end = next < headings.length ? (headings[next] as Heading).line : range.end;
      const name = requirementName(h.text, doc.lineSeparators);
      if (name === undefined) {
        foreign.push({
          title: h.text,
          line: h.line,
          core: { start: h.line, end: coreEnd(doc, h.line + 1, end) },
        });
      } else {
        requirements.push(buildRequirement(doc, name, headings, k + 1, next, end));
      }
    }
    k = next;
  }
  return { requirements, foreign };
}

/** The headings strictly inside `(range.start, range.end)` (binary search: headings are sorted by line). */
export function headingsInside(all: Heading[], range: LineRange): Heading[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as Heading).line <= range.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < all.length && (all[end] as Heading).line < range.end) end++;
  return all.slice(lo, end);
}
