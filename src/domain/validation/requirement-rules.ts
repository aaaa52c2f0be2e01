import type { Issue } from '../issue.ts';
import { lineAt, textStart } from '../markdown/doc-lines.ts';
import { isSpaceOrTab } from '../markdown/lines.ts';
import { LineKind, type ScannedDoc } from '../markdown/types.ts';
import { hasSteps } from '../spec/blocks.ts';
import type { Requirement } from '../spec/model.ts';

const BULLETED_SCENARIO =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)[ \t]*Scenario\b[^*_]*:?|^[ \t]*[-*+][ \t]+Scenario[ \t]*:/i;
const KEYWORD = /\b(?:SHALL|MUST)\b/;

export type IssueSink = (
  level: Issue['level'],
  rule: string,
  line: number,
  message: string,
  fix?: string,
) => void;

/** Build a sink that records issues for `file` with 1-based lines. */
export function issueSink(issues: Issue[], file: string): IssueSink {
  return (level, rule, line, message, fix) => {
    const issue: Issue = { level, rule, message, file, line: line + 1 };
    if (fix) issue.fix = fix;
    issues.push(issue);
  };
}

/**
 * Whether the line at `at` can match BULLETED_SCENARIO, read in place: after spaces, an optional
 * bullet (`-`, `*`, `+` and a space or tab) and an optional `**` or `__` with spaces, an `s` or `S`
 * must follow. Step lines (`- **WHEN** ...`) stop at the `W` without a regex or a copy of the line.
 */
function mayBeBulletedScenario(src: string, at: number): boolean {
  let p = at;
  while (isSpaceOrTab(src.charCodeAt(p))) p++;
  const c = src.charCodeAt(p);
  let bullet = false;
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && isSpaceOrTab(src.charCodeAt(p + 1))) {
    bullet = true;
    p++;
    while (isSpaceOrTab(src.charCodeAt(p))) p++;
  }
  const d = src.charCodeAt(p);
  let emphasis = false;
  if ((d === 0x2a || d === 0x5f) && src.charCodeAt(p + 1) === d) {
    emphasis = true;
    p += 2;
    while (isSpaceOrTab(src.charCodeAt(p))) p++;
  }
  return (bullet || emphasis) && (src.charCodeAt(p) | 0x20) === 0x73;
}

/** Scenario-shaped lines written as bullets or bold text are reported: they would otherwise vanish. */
function checkBulletedScenarios(doc: ScannedDoc, r: Requirement, add: IssueSink): void {
  for (let i = r.core.start + 1; i < r.core.end; i++) {
    const k = doc.kinds[i];
    if (k === LineKind.Code || k === LineKind.Html || k === LineKind.Heading || k === LineKind.Blank)
      continue;
    if (!mayBeBulletedScenario(doc.source, textStart(doc, i))) continue;
    const line = lineAt(doc, i);
    if (BULLETED_SCENARIO.test(line)) {
      add(
        'ERROR',
        'scenario_not_a_heading',
        i,
        `"${line.trim()}" in requirement "${r.name}" looks like a scenario but is not a "#### Scenario:" heading, so it is not counted.`,
        'Write scenarios as "#### Scenario: <name>" headings (exactly four #).',
      );
    }
  }
}

function checkText(r: Requirement, label: string, add: IssueSink): void {
  if (r.text.trim() === '') {
    const inHeader = KEYWORD.test(r.name);
    add(
      'ERROR',
      'requirement_no_text',
      r.line,
      `${label} "${r.name}" has no requirement text.`,
      inHeader
        ? 'Move the SHALL/MUST statement from the header to the line below it.'
        : 'Add a normative statement using SHALL or MUST below the header.',
    );
  } else if (!r.hasKeyword) {
    add(
      'WARNING',
      'requirement_no_keyword',
      r.line,
      `${label} "${r.name}" has no SHALL or MUST (RFC 2119); if the spec is written in another language, keep the English keyword.`,
      'State the requirement as "The system SHALL ..." or "... MUST ...".',
    );
  }
}

function checkScenarios(
  doc: ScannedDoc,
  r: Requirement,
  label: string,
  add: IssueSink,
  partial: boolean,
): void {
  let real = 0;
  for (const s of r.scenarios) {
    if (s.op && !partial) {
      add(
        'ERROR',
        'scenario_op_outside_modified',
        s.line,
        `"#### ${s.op} Scenario: ${s.name}" is a scenario operation; these are only allowed in MODIFIED requirements.`,
      );
    }
    if (!s.hasBody && s.op !== 'REMOVED' && s.op !== 'RENAMED') {
      add(
        'ERROR',
        'scenario_empty',
        s.line,
        `Scenario "${s.name}" of ${label.toLowerCase()} "${r.name}" has no steps.`,
        'Add steps such as "- **WHEN** ..." and "- **THEN** ...".',
      );
    } else {
      real++;
      if (s.labelled && !s.op && !hasSteps(doc, s)) {
        add(
          'INFO',
          'scenario_no_steps',
          s.line,
          `Scenario "${s.name}" has no WHEN/THEN or Given/When/Then steps.`,
        );
      }
    }
  }
  if (real === 0 && !partial) {
    add(
      'ERROR',
      'requirement_no_scenario',
      r.line,
      `${label} "${r.name}" has no scenario.`,
      'Add at least one "#### Scenario: <name>" with WHEN/THEN steps.',
    );
  }
}

/**
 * Content rules shared by main-spec requirements and ADDED/MODIFIED delta blocks.
 * `partial` marks a MODIFIED block made of scenario operations (its text and scenarios are optional).
 */
export function checkRequirement(
  doc: ScannedDoc,
  r: Requirement,
  label: string,
  add: IssueSink,
  partial = false,
): void {
  if (r.name === '') {
    add('ERROR', 'requirement_no_name', r.line, 'A "### Requirement:" header has no name.');
    return;
  }
  if (!partial || r.text.trim() !== '') checkText(r, label, add);
  checkScenarios(doc, r, label, add, partial);
  checkBulletedScenarios(doc, r, add);
}
