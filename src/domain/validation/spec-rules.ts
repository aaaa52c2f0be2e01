import type { Issue } from '../issue.ts';
import { foldName } from '../spec/blocks.ts';
import type { Requirement, SpecDoc } from '../spec/model.ts';
import { checkHiddenHeadings, HIDDEN_HEADING_RULES } from './heading-rules.ts';
import { checkRequirement, type IssueSink, issueSink } from './requirement-rules.ts';

const DELTA_SECTION = /^(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements$/i;
const PLACEHOLDER = /^(?:TBD|TODO)\b|created by archiving change/i;
const MIN_PURPOSE = 50;

/** Rules whose failure makes a main spec unsafe to merge into (the merge refuses until fixed). */
export const STRUCTURAL_RULES: ReadonlySet<string> = new Set([
  'spec_delta_section',
  'spec_requirement_outside_section',
  'requirement_duplicate_name',
  'spec_duplicate_section',
  // A header read as text is part of the block above: replacing or removing that block would take it along.
  ...HIDDEN_HEADING_RULES,
]);

function checkSections(spec: SpecDoc, add: IssueSink): void {
  const seen = new Map<string, number>();
  for (const s of spec.sections) {
    if (DELTA_SECTION.test(s.title)) {
      add(
        'ERROR',
        'spec_delta_section',
        s.line,
        `"## ${s.title}" is delta syntax; it does not belong in a main spec.`,
        'Merge deltas with "specwright archive" instead of copying them into openspec/specs.',
      );
    }
    const key = s.title.toLowerCase();
    if (key === 'purpose' || key === 'requirements') {
      const first = seen.get(key);
      if (first !== undefined)
        add(
          'ERROR',
          'spec_duplicate_section',
          s.line,
          `"## ${s.title}" appears twice (first on line ${first + 1}).`,
        );
      else seen.set(key, s.line);
    }
  }
}

function checkPurpose(spec: SpecDoc, add: IssueSink): void {
  const p = spec.purpose;
  if (!p || p.text.trim() === '') {
    add(
      'ERROR',
      'spec_missing_purpose',
      p ? p.line : 0,
      'Spec has no "## Purpose" section with text.',
      'Add "## Purpose" with a sentence or two on what this capability is for.',
    );
  } else if (PLACEHOLDER.test(p.text.trim())) {
    add(
      'WARNING',
      'spec_purpose_placeholder',
      p.line,
      'The Purpose is still a placeholder.',
      'Replace it with what this capability is for.',
    );
  } else if (p.text.trim().length < MIN_PURPOSE) {
    add(
      'WARNING',
      'spec_purpose_too_short',
      p.line,
      `The Purpose is shorter than ${MIN_PURPOSE} characters.`,
    );
  }
}

function checkRequirementsSection(spec: SpecDoc, add: IssueSink): void {
  const section = spec.requirementsSection;
  if (!section) {
    add(
      'ERROR',
      'spec_missing_requirements',
      0,
      'Spec has no "## Requirements" section.',
      'Add "## Requirements" followed by "### Requirement: <name>" blocks.',
    );
    return;
  }
  if (spec.requirements.length === 0) {
    add(
      'ERROR',
      'spec_no_requirements',
      section.line,
      'The "## Requirements" section has no "### Requirement:" blocks.',
    );
  }
  for (const f of spec.foreign) {
    if (/^Scenario\b/i.test(f.title)) {
      add(
        'ERROR',
        'scenario_wrong_level',
        f.line,
        `"### ${f.title}" uses three #; scenario headers take exactly four ("#### ${f.title}").`,
      );
    } else {
      add(
        'WARNING',
        'spec_non_requirement_heading',
        f.line,
        `"### ${f.title}" under "## Requirements" is not a requirement; it is kept as-is but never validated or merged.`,
        'Use "### Requirement: <name>" or move it to its own "##" section.',
      );
    }
  }
}

function checkNames(spec: SpecDoc, add: IssueSink): void {
  const seen = new Map<string, { name: string; line: number }>();
  for (const r of spec.requirements) {
    if (r.name === '') continue;
    const key = foldName(r.name);
    const first = seen.get(key);
    if (first) {
      const how = first.name === r.name ? 'duplicates' : 'differs only in case or spacing from';
      add(
        'ERROR',
        'requirement_duplicate_name',
        r.line,
        `Requirement "${r.name}" ${how} the requirement "${first.name}" on line ${first.line + 1}.`,
        'Give each requirement a distinct name.',
      );
    } else seen.set(key, { name: r.name, line: r.line });
  }
}

function checkLevels(spec: SpecDoc, add: IssueSink): void {
  for (const h of spec.doc.headings) {
    if ((h.level === 5 || h.level === 6 || h.level === 2) && /^Scenario:/i.test(h.text)) {
      add(
        'ERROR',
        'scenario_wrong_level',
        h.line,
        `"${'#'.repeat(h.level)} ${h.text}" uses ${h.level} #; scenario headers take exactly four.`,
      );
    }
  }
}

function checkStray(spec: SpecDoc, add: IssueSink): void {
  for (const r of spec.strayRequirements) {
    add(
      'ERROR',
      'spec_requirement_outside_section',
      r.line,
      `"### Requirement: ${r.name}" is outside the "## Requirements" section, so it is not part of the spec.`,
      'Move it under "## Requirements".',
    );
  }
}

/**
 * Only the rules in `STRUCTURAL_RULES`: what decides whether a merge may touch the spec at all.
 * Cheaper than `validateSpec`, for the merge's pre-check.
 */
export function structuralIssues(spec: SpecDoc, file: string): Issue[] {
  const issues: Issue[] = [];
  const add = issueSink(issues, file);
  checkSections(spec, add);
  checkStray(spec, add);
  checkNames(spec, add);
  checkHiddenHeadings(spec.doc, add);
  return issues.filter((i) => STRUCTURAL_RULES.has(i.rule));
}

/**
 * Validate a main spec. `file` is its root-relative path. `skip` leaves out the content rules of the
 * requirements it accepts (a merge result skips blocks it copied unchanged: their issues are known).
 */
export function validateSpec(spec: SpecDoc, file: string, skip?: (r: Requirement) => boolean): Issue[] {
  const issues: Issue[] = [];
  const add = issueSink(issues, file);
  checkSections(spec, add);
  checkPurpose(spec, add);
  checkRequirementsSection(spec, add);
  checkStray(spec, add);
  checkNames(spec, add);
  checkLevels(spec, add);
  checkHiddenHeadings(spec.doc, add);
  for (const r of spec.requirements) if (!skip?.(r)) checkRequirement(spec.doc, r, 'Requirement', add);
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
