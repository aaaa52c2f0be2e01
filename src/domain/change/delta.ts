import type { Issue } from '../issue.ts';
import { lineAt } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { LineKind, type ScannedDoc } from '../markdown/types.ts';
import { headingsInside, parseUnits, requirementName, textOf } from '../spec/blocks.ts';
import type { Requirement, Section } from '../spec/model.ts';
import { sectionsOf } from '../spec/parse-spec.ts';

export type DeltaOp = 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';

interface RemovedEntry {
  name: string;
  /** 0-based line of the header or bullet. */
  line: number;
  /** Whether a Reason and a Migration note accompany the entry. */
  hasReason: boolean;
  hasMigration: boolean;
}

interface RenamedEntry {
  from: string;
  to: string;
  /** 0-based lines of the FROM and TO lines. */
  line: number;
  toLine: number;
}

/** A parsed delta spec: `changes/<c>/specs/<capability>/spec.md`. */
export interface DeltaSpec {
  capability: string;
  /** Root-relative POSIX path, used in issues. */
  file: string;
  doc: ScannedDoc;
  /** Body of `## Purpose`, used only when the delta creates the capability. */
  purpose?: string;
  added: Requirement[];
  modified: Requirement[];
  removed: RemovedEntry[];
  renamed: RenamedEntry[];
  /** Operation sections found, with their heading lines (0-based), in document order. */
  sections: { op: DeltaOp; line: number }[];
  /** Syntax problems: anything the parser could not place is reported, never dropped. */
  issues: Issue[];
}

const OP_SECTION = /^(ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+Requirements$/i;
const NEAR_OP_SECTION =
  /^(?:added|modified|removed|renamed|new|changed|deleted)\b.*requirement|^(?:added|modified|removed|renamed)\b/i;
/** A line that says an operation section but is not a `##` heading: `# REMOVED Requirements`, `**ADDED Requirements**`, `MODIFIED Requirements:`, `##RENAMED Requirements`. */
const SECTION_LOOKALIKE =
  /^[ \t]*(?:#{1,6}[ \t]*|\*\*|__)?(ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+Requirements?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*#*[ \t]*$/i;
const REMOVED_BULLET = /^[ \t]*([-*+])[ \t]+`?#{3}[ \t]*Requirement:[ \t]*(.+?)`?[ \t]*$/i;
const RENAME_LINE = /^[ \t]*(?:([-*+])[ \t]+)?(FROM|TO):[ \t]*`?#{3}[ \t]*Requirement:[ \t]*(.+?)`?[ \t]*$/i;
const REASON = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(Reason|Migration)\b/i;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

interface Ctx {
  delta: DeltaSpec;
  issue: (level: Issue['level'], rule: string, line: number, message: string, fix?: string) => void;
}

/** Whether line `i` is neither blank nor code nor HTML: text that means something to a delta. */
export function isContent(doc: ScannedDoc, i: number): boolean {
  const k = doc.kinds[i];
  return k !== LineKind.Blank && k !== LineKind.Code && k !== LineKind.Html;
}

function stripName(name: string): string {
  return name.replace(/[ \t]+#+$/, '').trim();
}

/** ADDED and MODIFIED: requirement blocks only; anything else in the section is reported. */
/** The requirement blocks of an operation section; any other `###` heading in it is reported. */
function sectionUnits(ctx: Ctx, op: DeltaOp, section: Section) {
  const { doc } = ctx.delta;
  const inner = headingsInside(doc.headings, section.range);
  const { requirements, foreign } = parseUnits(doc, inner, section.range);
  for (const f of foreign) {
    ctx.issue(
      'ERROR',
      'delta_non_requirement_heading',
      f.line,
      `"### ${f.title}" in ${op} Requirements is not a "### Requirement: <name>" header.`,
      `Rename it to "### Requirement: ${f.title}" or move it out of the ${op} section.`,
    );
  }
  return { inner, requirements };
}

function parseBlockSection(ctx: Ctx, op: 'ADDED' | 'MODIFIED', section: Section): void {
  const { doc } = ctx.delta;
  const { inner, requirements } = sectionUnits(ctx, op, section);
  const firstUnit = inner.find((h) => h.level === 3);
  const introEnd = firstUnit ? firstUnit.line : section.range.end;
  for (const h of inner) {
    if (h.level === 4 && h.line < introEnd) {
      ctx.issue(
        'ERROR',
        'delta_scenario_outside_requirement',
        h.line,
        `"#### ${h.text}" is not under any "### Requirement:" header.`,
      );
    }
  }
  for (let i = section.line + 1; i < introEnd; i++) {
    if (isContent(ctx.delta.doc, i) && doc.kinds[i] !== LineKind.Heading) {
      ctx.issue(
        'WARNING',
        'delta_stray_content',
        i,
        `Text before the first requirement of ${op} Requirements belongs to no requirement and is not applied.`,
      );
      break;
    }
  }
  for (const r of requirements) {
    if (r.name === '') {
      ctx.issue(
        'ERROR',
        'delta_requirement_without_name',
        r.line,
        `A "### Requirement:" header in ${op} Requirements has no name.`,
      );
      continue;
    }
    (op === 'ADDED' ? ctx.delta.added : ctx.delta.modified).push(r);
  }
}

/** Does `[start, end)` mention a Reason and a Migration? */
function reasonNotes(
  doc: ScannedDoc,
  start: number,
  end: number,
): { hasReason: boolean; hasMigration: boolean } {
  let hasReason = false;
  let hasMigration = false;
  for (let i = start; i < end; i++) {
    const m = REASON.exec(lineAt(doc, i));
    if (m?.[1]?.toLowerCase() === 'reason') hasReason = true;
    if (m?.[1]?.toLowerCase() === 'migration') hasMigration = true;
  }
  return { hasReason, hasMigration };
}

function warnBullet(ctx: Ctx, marker: string | undefined, line: number): void {
  if (marker && marker !== '-') {
    ctx.issue(
      'WARNING',
      'delta_bullet_style',
      line,
      `"${marker}" bullet in a delta list; use "-" so every tool reads it the same way.`,
    );
  }
}

/** REMOVED: `### Requirement: X` headers (with Reason/Migration bodies) or `- \`### Requirement: X\`` bullets. */
function parseRemovedSection(ctx: Ctx, section: Section): void {
  const { doc } = ctx.delta;
  const { inner, requirements } = sectionUnits(ctx, 'REMOVED', section);
  for (const r of requirements) {
    ctx.delta.removed.push({ name: r.name, line: r.line, ...reasonNotes(doc, r.line + 1, r.core.end) });
  }
  const firstUnit = inner.find((h) => h.level === 3);
  const end = firstUnit ? firstUnit.line : section.range.end;
  const bullets: { name: string; line: number }[] = [];
  for (let i = section.line + 1; i < end; i++) {
    if (!isContent(doc, i)) continue;
    const line = lineAt(doc, i);
    const m = REMOVED_BULLET.exec(line);
    if (m) {
      warnBullet(ctx, m[1], i);
      bullets.push({ name: stripName(m[2] ?? ''), line: i });
    } else if (LIST_ITEM.test(line) && !REASON.test(line) && /^[ \t]{0,1}[-*+\d]/.test(line)) {
      ctx.issue(
        'ERROR',
        'delta_unrecognised_line',
        i,
        `"${line.trim()}" in REMOVED Requirements is not a requirement reference.`,
        'Write "- `### Requirement: <name>`", or a "### Requirement: <name>" header with **Reason** and **Migration** lines.',
      );
    }
  }
  for (let j = 0; j < bullets.length; j++) {
    const b = bullets[j] as { name: string; line: number };
    const next = bullets[j + 1]?.line ?? end;
    ctx.delta.removed.push({ name: b.name, line: b.line, ...reasonNotes(doc, b.line, next) });
  }
}

/** RENAMED: FROM/TO line pairs; a pair is a FROM followed by a TO with no other FROM between. */
function parseRenamedSection(ctx: Ctx, section: Section): void {
  const { doc } = ctx.delta;
  let pending: { name: string; line: number } | undefined;
  const unpaired = (name: string, line: number, missing: string) =>
    ctx.issue(
      'ERROR',
      'delta_rename_unpaired',
      line,
      `RENAMED ${missing === 'TO' ? 'FROM' : 'TO'}: "${name}" has no matching ${missing}: line.`,
      'Write each rename as a "- FROM: `### Requirement: Old`" line followed by its "- TO: `### Requirement: New`" line.',
    );
  for (let i = section.line + 1; i < section.range.end; i++) {
    if (!isContent(doc, i)) continue;
    const line = lineAt(doc, i);
    const m = RENAME_LINE.exec(line);
    if (!m) {
      ctx.issue(
        'ERROR',
        'delta_unrecognised_line',
        i,
        `"${line.trim()}" in RENAMED Requirements is not a FROM:/TO: line.`,
        'Write "- FROM: `### Requirement: Old`" then "- TO: `### Requirement: New`".',
      );
      continue;
    }
    warnBullet(ctx, m[1], i);
    const name = stripName(m[3] ?? '');
    if ((m[2] as string).toUpperCase() === 'FROM') {
      if (pending) unpaired(pending.name, pending.line, 'TO');
      pending = { name, line: i };
    } else if (pending) {
      ctx.delta.renamed.push({ from: pending.name, to: name, line: pending.line, toLine: i });
      pending = undefined;
    } else {
      unpaired(name, i, 'FROM');
    }
  }
  if (pending) unpaired(pending.name, pending.line, 'TO');
}

function reportOrphans(ctx: Ctx, opSections: Section[]): void {
  const { doc } = ctx.delta;
  for (const h of doc.headings) {
    if (h.level !== 3 || requirementName(h.text) === undefined) continue;
    if (opSections.some((s) => h.line > s.range.start && h.line < s.range.end)) continue;
    ctx.issue(
      'ERROR',
      'delta_orphan_requirement',
      h.line,
      `"### ${h.text}" is not under an "## ADDED|MODIFIED|REMOVED|RENAMED Requirements" section, so it would never be applied.`,
      'Move it under the delta section for the operation you mean.',
    );
  }
}

/** Where an operation name is followed by "Requirement(s)": the candidates for `SECTION_LOOKALIKE`. */
const OP_WORDS = /(?:ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+Requirement/gi;

/** The 0-based line holding `offset` (binary search over line starts). */
function lineOfOffset(doc: ScannedDoc, offset: number): number {
  let lo = 0;
  let hi = doc.lineEnds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Lines that name an operation section without being a `##` heading (another level, bold, plain text, no
 * space after the #s): Markdown reads them as part of the block above, so the entries under them would
 * silently join the previous operation or be lost. `##` titles are checked by `classify`. One regex search
 * over the source finds the few candidate lines (a per-line loop would cost more on this cold path).
 */
function reportSectionLookalikes(ctx: Ctx): void {
  const { doc } = ctx.delta;
  const flagged = new Set(ctx.delta.issues.map((i) => (i.line ?? 0) - 1));
  let last = -1;
  OP_WORDS.lastIndex = 0;
  for (let m = OP_WORDS.exec(doc.source); m !== null; m = OP_WORDS.exec(doc.source)) {
    const i = lineOfOffset(doc, m.index);
    const k = doc.kinds[i];
    if (i === last || flagged.has(i)) continue;
    last = i;
    if (k !== LineKind.Text && k !== LineKind.Nested && k !== LineKind.Heading) continue;
    const line = lineAt(doc, i);
    const op = SECTION_LOOKALIKE.exec(line)?.[1]?.toUpperCase();
    if (op === undefined || (k === LineKind.Heading && /^ {0,3}##[ \t]/.test(line))) continue;
    ctx.issue(
      'ERROR',
      'delta_unknown_section',
      i,
      `"${line.trim()}" looks like the ${op} section but is not a "##" heading, so what follows it is not read as ${op}.`,
      `Write it as "## ${op} Requirements" on a line of its own.`,
    );
  }
}

function classify(ctx: Ctx, sections: Section[]): { section: Section; op: DeltaOp }[] {
  const seen = new Map<DeltaOp, number>();
  const opSections: { section: Section; op: DeltaOp }[] = [];
  for (const s of sections) {
    const m = OP_SECTION.exec(s.title);
    if (m) {
      const op = (m[1] as string).toUpperCase() as DeltaOp;
      const first = seen.get(op);
      if (first !== undefined) {
        ctx.issue(
          'ERROR',
          'delta_duplicate_section',
          s.line,
          `"## ${s.title}" repeats the ${op} section already opened on line ${first + 1}.`,
          `Merge both into one "## ${op} Requirements" section.`,
        );
      } else seen.set(op, s.line);
      ctx.delta.sections.push({ op, line: s.line });
      opSections.push({ section: s, op });
    } else if (/^purpose$/i.test(s.title)) {
      ctx.delta.purpose = textOf(ctx.delta.doc, { start: s.line + 1, end: s.range.end });
    } else if (NEAR_OP_SECTION.test(s.title)) {
      ctx.issue(
        'ERROR',
        'delta_unknown_section',
        s.line,
        `"## ${s.title}" looks like a delta section but is not one.`,
        'Use exactly "## ADDED Requirements", "## MODIFIED Requirements", "## REMOVED Requirements" or "## RENAMED Requirements".',
      );
    }
  }
  return opSections;
}

/** Parse one delta spec file. Pure: syntax problems come back in `issues`, located by line. */
export function parseDelta(text: string, capability: string, file: string): DeltaSpec {
  const doc = scanMarkdown(text);
  const delta: DeltaSpec = {
    capability,
    file,
    doc,
    added: [],
    modified: [],
    removed: [],
    renamed: [],
    sections: [],
    issues: [],
  };
  const ctx: Ctx = {
    delta,
    issue: (level, rule, line, message, fix) => {
      const issue: Issue = { level, rule, message, file, line: line + 1 };
      if (fix) issue.fix = fix;
      delta.issues.push(issue);
    },
  };
  const opSections = classify(ctx, sectionsOf(doc));
  for (const { section: s, op } of opSections) {
    if (op === 'ADDED' || op === 'MODIFIED') parseBlockSection(ctx, op, s);
    else if (op === 'REMOVED') parseRemovedSection(ctx, s);
    else parseRenamedSection(ctx, s);
  }
  reportOrphans(
    ctx,
    opSections.map((o) => o.section),
  );
  reportSectionLookalikes(ctx);
  return delta;
}
