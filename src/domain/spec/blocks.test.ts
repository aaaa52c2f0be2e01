import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requirementName } from './blocks.ts';
import { parseSpec } from './parse-spec.ts';

// requirementName and scenario headings take a fast path without a regex match; the regexes below are
// the definition they must agree with.
const REQUIREMENT = /^Requirement:[ \t]*(.*)$/i;
const SCENARIO = /^(?:(ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+)?Scenario:[ \t]*(.*)$/i;

const piece = fc.constantFrom(
  'Requirement:',
  'requirement:',
  'REQUIREMENT:',
  'Requirement',
  'Requirements:',
  'Scenario:',
  'sCeNaRiO:',
  'ADDED Scenario:',
  'Requ\u0130rement:',
  'Requirement\u212A:',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u2029',
  'Login',
  'x',
  ':',
);
const headingText = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));

describe('header fast paths', () => {
  it('requirementName agrees with the Requirement: regex', () => {
    fc.assert(
      fc.property(headingText, (text) => {
        const m = REQUIREMENT.exec(text);
        expect(requirementName(text)).toBe(m ? (m[1] ?? '').trim() : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('scenario headings read as the Scenario: regex reads them', () => {
    fc.assert(
      fc.property(headingText, (text) => {
        const spec = parseSpec(
          `# s\n\n## Purpose\nP.\n\n## Requirements\n\n### Requirement: R\nThe system SHALL x.\n\n#### ${text}\n- **WHEN** a\n- **THEN** b\n`,
        );
        const scenario = spec.requirements[0]?.scenarios[0];
        const m = SCENARIO.exec(text.replace(/^[ \t]+|[ \t]+$/g, ''));
        if (!scenario) return;
        expect(scenario.labelled).toBe(m !== null);
        if (m && !m[1]) expect(scenario.name).toBe((m[2] ?? '').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
