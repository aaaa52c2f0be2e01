import type { ScannedDoc } from '../markdown/types.ts';

/** A half-open range of 0-based line indices `[start, end)`. */
export interface LineRange {
  start: number;
  end: number;
}

export type StepKeyword = 'GIVEN' | 'WHEN' | 'THEN' | 'AND' | 'BUT';

/** One Given/When/Then step of a scenario. */
export interface Step {
  keyword: StepKeyword;
  text: string;
  /** 0-based line index. */
  line: number;
}

/** A level-4 heading under a requirement (`#### Scenario: X`, or any other `####`). */
export interface Scenario {
  /** Name with an optional `Scenario:` prefix removed. */
  name: string;
  /** True when the heading carried the `Scenario:` prefix. */
  labelled: boolean;
  /** Operation prefix of a scenario-level delta (`#### ADDED Scenario: X`), if any. */
  op?: ScenarioOp;
  /** For `#### RENAMED Scenario: Old -> New`: the new name (`name` holds the old one). */
  renameTo?: string;
  /** 0-based index of the heading line. */
  line: number;
  /** Heading through the last non-blank line of its body. */
  core: LineRange;
  /** Body lines after the heading, up to the last non-blank one (see `scenarioBody`, `scenarioSteps`). */
  bodyRange: LineRange;
  /** Whether the body has any non-blank line. */
  hasBody: boolean;
}

export type ScenarioOp = 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';

/** A `### Requirement: Name` block. */
export interface Requirement {
  name: string;
  /** 0-based index of the header line. */
  line: number;
  /** Header through the last non-blank line before the next heading of level 1-3. */
  core: LineRange;
  /** Lines between the header and the first level-4 heading (or the end of the core). */
  bodyRange: LineRange;
  /** The normative text: body lines trimmed of surrounding blank lines, every byte kept. */
  text: string;
  /** Whether SHALL or MUST appears in prose of the body (code and HTML excluded). */
  hasKeyword: boolean;
  /** Every level-4 child heading, in order. */
  scenarios: Scenario[];
}

/** A level-2 section of a spec or delta file. */
export interface Section {
  title: string;
  /** 0-based index of the heading line. */
  line: number;
  /** Heading line through the line before the next heading of level 1-2 (or end of file). */
  range: LineRange;
}

/**
 * A non-requirement unit inside `## Requirements`: a `###` heading that is not a requirement.
 * Kept in place by merges, never validated as a requirement.
 */
export interface ForeignBlock {
  title: string;
  line: number;
  core: LineRange;
}

/** The parsed structure of a spec (or delta) file, with source positions for byte-preserving edits. */
export interface SpecDoc {
  doc: ScannedDoc;
  title?: { text: string; line: number };
  sections: Section[];
  purpose?: Section & { text: string };
  requirementsSection?: Section;
  /** Requirement blocks inside `## Requirements`, in order. */
  requirements: Requirement[];
  /** Non-requirement `###` units inside `## Requirements`, in order. */
  foreign: ForeignBlock[];
  /** `### Requirement:` headers found outside `## Requirements` (0-based lines). */
  strayRequirements: Requirement[];
}
