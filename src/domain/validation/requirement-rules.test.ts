import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineKind } from '../markdown/types.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { validateSpec } from './spec-rules.ts';

// What scenario_not_a_heading reports, as a regex over the whole line; the rule pre-checks lines in
// place and must never skip one this regex matches.
const BULLETED_SCENARIO =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)[ \t]*Scenario\b[^*_]*:?|^[ \t]*[-*+][ \t]+Scenario[ \t]*:/i;

const piece = fc.constantFrom(
  '- ',
  '* ',
  '+ ',
  '-\t',
  '-',
  '*',
  '**',
  '__',
  '_',
  ' ',
  '  ',
  '\t',
  'Scenario',
  'scenario:',
  'SCENARIO',
  ' Scenario:',
  ':',
  'WHEN',
  'x',
  'ſcenario',
);
const line = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''))
  .filter((l) => l.trim() !== '' && !/^ {0,3}(?:[-*_][ \t]*){3,}$/.test(l) && !/^\s{4}|^\t/.test(l));

describe('scenario_not_a_heading', () => {
  it('reports exactly the body lines the bulleted-scenario regex matches', () => {
    fc.assert(
      fc.property(line, (l) => {
        const text = `# s\n\n## Purpose\nP.\n\n## Requirements\n\n### Requirement: R\nThe system SHALL x.\n\n${l}\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n`;
        const spec = parseSpec(text);
        const reported = validateSpec(spec, 'spec.md').some((i) => i.rule === 'scenario_not_a_heading');
        // Code, HTML, headings and blank lines are never scenarios (line 10 holds the generated line).
        const kind = spec.doc.kinds[10];
        const content = kind === LineKind.Text || kind === LineKind.Nested;
        expect(reported).toBe(content && BULLETED_SCENARIO.test(l));
      }),
      { numRuns: 3000 },
    );
  });
});
