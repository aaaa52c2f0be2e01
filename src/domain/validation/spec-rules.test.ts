import { describe, expect, it } from 'vitest';
import { scenarioSteps } from '../spec/blocks.ts';
import type { Scenario } from '../spec/model.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { structuralIssues, validateSpec } from './spec-rules.ts';

const PURPOSE = 'Authentication for the web application, covering login and logout.';
const spec = (reqs: string, head = `# auth\n\n## Purpose\n${PURPOSE}\n\n## Requirements\n`) => head + reqs;
const REQ = (name: string, body = 'The system SHALL work.') =>
  `### Requirement: ${name}\n${body}\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n\n`;

function rules(text: string) {
  return validateSpec(parseSpec(text), 'openspec/specs/auth/spec.md').map(
    (i) => `${i.level}:${i.rule}@${i.line}`,
  );
}

describe('validateSpec', () => {
  it('accepts a canonical spec', () => {
    expect(rules(spec(REQ('A') + REQ('B')))).toEqual([]);
  });

  it.each([
    ['a missing Purpose', `# a\n\n## Requirements\n${REQ('A')}`, 'ERROR:spec_missing_purpose@1'],
    [
      'a missing Requirements section',
      `# a\n\n## Purpose\n${PURPOSE}\n`,
      'ERROR:spec_missing_requirements@1',
    ],
    ['an empty Requirements section', spec(''), 'ERROR:spec_no_requirements@6'],
    [
      'a short Purpose',
      spec(REQ('A'), '# a\n\n## Purpose\nShort.\n\n## Requirements\n'),
      'WARNING:spec_purpose_too_short@3',
    ],
    [
      'a placeholder Purpose',
      spec(
        REQ('A'),
        '# a\n\n## Purpose\nTBD - created by archiving change x. Update Purpose after archive.\n\n## Requirements\n',
      ),
      'WARNING:spec_purpose_placeholder@3',
    ],
    ['a duplicate name', spec(REQ('A') + REQ('A ###')), 'ERROR:requirement_duplicate_name@14'],
    [
      'a case-variant name',
      spec(REQ('Late Fees') + REQ('late  fees')),
      'ERROR:requirement_duplicate_name@14',
    ],
    [
      'a requirement outside the section',
      `# a\n\n## Purpose\n${PURPOSE}\n\n${REQ('X')}## Requirements\n${REQ('A')}`,
      'ERROR:spec_requirement_outside_section@6',
    ],
    [
      'a delta heading in a main spec',
      spec(`${REQ('A')}## ADDED Requirements\n`),
      'ERROR:spec_delta_section@14',
    ],
    [
      'a requirement without a scenario',
      spec('### Requirement: A\nThe system SHALL x.\n'),
      'ERROR:requirement_no_scenario@7',
    ],
    [
      'a scenario without steps',
      spec('### Requirement: A\nThe system SHALL x.\n\n#### Scenario: s\n'),
      'ERROR:scenario_empty@10',
    ],
    [
      'a three-# scenario',
      spec('### Requirement: A\nThe system SHALL x.\n\n### Scenario: s\n- **WHEN** a\n'),
      'ERROR:scenario_wrong_level@10',
    ],
    ['a five-# scenario', spec(`${REQ('A')}##### Scenario: deep\n- x\n`), 'ERROR:scenario_wrong_level@14'],
    [
      'a bulleted scenario',
      spec('### Requirement: A\nThe system SHALL x.\n\n- **Scenario: s**\n  - WHEN a\n'),
      'ERROR:scenario_not_a_heading@10',
    ],
    ['a foreign ### heading', spec(`${REQ('A')}### Notes\nn\n`), 'WARNING:spec_non_requirement_heading@14'],
    [
      'text without SHALL/MUST',
      spec(REQ('A', 'Система экспортирует данные.')),
      'WARNING:requirement_no_keyword@7',
    ],
    ['lower-case shall', spec(REQ('A', 'The system shall x.')), 'WARNING:requirement_no_keyword@7'],
  ])('reports %s', (_label, text, expected) => {
    expect(rules(text)).toContain(expected);
  });

  it('ignores requirement headers inside fences', () => {
    expect(
      rules(spec(REQ('A', 'The system SHALL x.\n\n```\n### Requirement: Fake\n#### Scenario: fake\n```'))),
    ).toEqual([]);
  });

  it('reads Given/When/Then lines as steps', () => {
    const parsed = parseSpec(
      spec(
        '### Requirement: A\nThe system MUST x.\n\n#### Scenario: call\nGiven a caller dials\nWhen Connect receives the call\nThen the flow MUST run\nAnd it MUST respond\n',
      ),
    );
    expect(
      scenarioSteps(parsed.doc, parsed.requirements[0]?.scenarios[0] as Scenario).map((s) => s.keyword),
    ).toEqual(['GIVEN', 'WHEN', 'THEN', 'AND']);
  });

  it('records source lines and accepts Unicode names', () => {
    const parsed = parseSpec(spec(REQ('Вход 登录 🚀')));
    expect(parsed.requirements[0]?.name).toBe('Вход 登录 🚀');
    expect(parsed.requirements[0]?.line).toBe(6);
    expect(parsed.requirements[0]?.scenarios[0]?.line).toBe(9);
  });
});

describe('headers that Markdown reads as text', () => {
  const file = 'openspec/specs/auth/spec.md';
  it.each([
    [
      'no space after ###',
      `${REQ('A')}###Requirement: B\nThe system SHALL y.\n`,
      'heading_without_space',
      14,
    ],
    ['no space, lower case', `${REQ('A')}####scenario: t\n`, 'heading_without_space', 14],
    [
      'indented under the last bullet',
      `${REQ('A').trimEnd()}\n  ### Requirement: B\n`,
      'heading_indented',
      13,
    ],
  ])('%s is an error the merge treats as structural', (_label, reqs, rule, line) => {
    const doc = parseSpec(spec(reqs));
    expect(validateSpec(doc, file)).toContainEqual(expect.objectContaining({ level: 'ERROR', rule, line }));
    expect(structuralIssues(doc, file).map((i) => i.rule)).toEqual([rule]);
  });

  it.each([
    [
      'in fenced code',
      `${REQ('A', 'The system SHALL x.\n\n```md\n###Requirement: B\n  ### Requirement: C\n```')}`,
    ],
    ['in a block quote', `${REQ('A', 'The system SHALL x.\n\n> ### Requirement: quoted')}`],
    ['a tag-like word', `${REQ('A', 'The system SHALL x.\n\n#requirement-review')}`],
    [
      'one or two #s before a label',
      `${REQ('A', 'The system SHALL x.\n\n#scenario: tags are free text\n##Requirement: no')}`,
    ],
    ['seven #s', `${REQ('A', 'The system SHALL x.\n\n####### Requirement: too deep')}`],
  ])('a header %s is left alone', (_label, reqs) => {
    expect(rules(spec(reqs))).toEqual([]);
  });
});
