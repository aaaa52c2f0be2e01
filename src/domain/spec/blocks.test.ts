import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSteps, requirementName } from './blocks.ts';
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

  it('requirement headings in a parsed spec read as the Requirement: regex reads them', () => {
    fc.assert(
      fc.property(headingText, (text) => {
        const spec = parseSpec(`# s\n\n## Requirements\n\n### ${text}\nThe system SHALL x.\n`);
        const m = REQUIREMENT.exec(text.replace(/^[ \t]+|[ \t]+$/g, ''));
        expect(spec.requirements.map((r) => r.name)).toEqual(m ? [(m[1] ?? '').trim()] : []);
      }),
      { numRuns: 2000 },
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

  it('hasSteps finds a step line exactly where the step regexes match a line', () => {
    const BOLD = /^[ \t]*[-*+][ \t]+\*\*(GIVEN|WHEN|THEN|AND|BUT):?\*\*:?[ \t]*(.*)$/i;
    const PLAIN = /^[ \t]*(?:[-*+][ \t]+)?(GIVEN|WHEN|THEN|AND|BUT)\b:?[ \t]+(.*)$/i;
    const part = fc.constantFrom(
      '  - **WHEN** ',
      '\t* **then**:',
      '- ',
      '* ',
      '  ',
      '\t',
      '**',
      'WHEN',
      'when',
      'Given',
      'THEN:',
      'AND',
      'BUT',
      'WHENEVER',
      ' ',
      ':',
      'x',
      '\u2028',
      '`',
    );
    const line = fc.array(part, { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (lines) => {
        const body = lines.map((l) => l.replace(/^\s{4,}/, '')).join('\n');
        const spec = parseSpec(
          `# s\n\n## Requirements\n\n### Requirement: R\nThe system SHALL x.\n\n#### Scenario: s\n${body}\n`,
        );
        const scenario = spec.requirements[0]?.scenarios[0];
        if (!scenario) return;
        const { doc } = spec;
        let expected = false;
        for (let i = scenario.bodyRange.start; i < scenario.bodyRange.end; i++) {
          const k = doc.kinds[i];
          if (k === 1 || k === 2 || k === 3) continue;
          const text = doc.source.slice(doc.lineStarts[i], doc.lineEnds[i]);
          if (BOLD.test(text) || PLAIN.test(text)) expected = true;
        }
        expect(hasSteps(doc, scenario)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
