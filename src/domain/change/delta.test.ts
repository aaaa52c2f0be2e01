import { describe, expect, it } from 'vitest';
import { validateDelta } from '../validation/delta-rules.ts';
import { parseDelta } from './delta.ts';

const FILE = 'openspec/changes/c/specs/auth/spec.md';
const REQ = (name: string, body = 'The system SHALL work.') =>
  `### Requirement: ${name}\n${body}\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n`;

function rules(text: string) {
  const delta = parseDelta(text, 'auth', FILE);
  return validateDelta(delta).map((i) => `${i.level}:${i.rule}@${i.line}`);
}

describe('parseDelta', () => {
  it('reads the four operations', () => {
    const d = parseDelta(
      `## ADDED Requirements\n${REQ('A')}\n## MODIFIED Requirements\n${REQ('B')}\n## REMOVED Requirements\n- \`### Requirement: C\`\n**Reason**: gone\n**Migration**: none\n\n## RENAMED Requirements\n- FROM: \`### Requirement: D\`\n- TO: \`### Requirement: E\`\n`,
      'auth',
      FILE,
    );
    expect(d.added.map((r) => r.name)).toEqual(['A']);
    expect(d.modified.map((r) => r.name)).toEqual(['B']);
    expect(d.removed).toEqual([{ name: 'C', line: 17, hasReason: true, hasMigration: true }]);
    expect(d.renamed).toEqual([{ from: 'D', to: 'E', line: 22, toLine: 23 }]);
    expect(validateDelta(d)).toEqual([]);
  });

  it('accepts CRLF, a BOM and lower-case section titles', () => {
    const d = parseDelta(`\uFEFF## added requirements\r\n${REQ('A').replace(/\n/g, '\r\n')}`, 'auth', FILE);
    expect(d.added.map((r) => r.name)).toEqual(['A']);
    expect(d.issues).toEqual([]);
  });

  it('ignores headings inside fenced code', () => {
    const d = parseDelta(
      `## ADDED Requirements\n${REQ('A', 'The system SHALL x.\n\n```md\n### Requirement: Fake\n## REMOVED Requirements\n```')}`,
      'auth',
      FILE,
    );
    expect(d.added.map((r) => r.name)).toEqual(['A']);
    expect(d.sections).toHaveLength(1);
  });

  it.each([
    [
      'a repeated operation section, also in another case',
      `## ADDED Requirements\n${REQ('A')}\n## Added Requirements\n${REQ('B')}`,
      'ERROR:delta_duplicate_section@9',
    ],
    [
      'FROM lines that do not pair',
      '## RENAMED Requirements\n- FROM: `### Requirement: A`\n- FROM: `### Requirement: B`\n- TO: `### Requirement: C`\n',
      'ERROR:delta_rename_unpaired@2',
    ],
    [
      'a TO without FROM',
      '## RENAMED Requirements\n- TO: `### Requirement: C`\n',
      'ERROR:delta_rename_unpaired@2',
    ],
    [
      'a non-requirement ### in an operation section',
      `## ADDED Requirements\n### Documentation Requirements\nx\n\n${REQ('A')}`,
      'ERROR:delta_non_requirement_heading@2',
    ],
    ['an orphan requirement', `# Notes\n${REQ('A')}`, 'ERROR:delta_orphan_requirement@2'],
    ['a near-miss section title', `## ADDED Requirements:\n${REQ('A')}`, 'ERROR:delta_unknown_section@1'],
    [
      'an empty section',
      `## ADDED Requirements\n${REQ('A')}\n## REMOVED Requirements\n`,
      'WARNING:delta_empty_section@9',
    ],
    [
      'a section holding only a template comment',
      `## ADDED Requirements\n${REQ('A')}\n## MODIFIED Requirements\n<!-- none -->\n\n## RENAMED Requirements\n`,
      'WARNING:delta_empty_section@9',
    ],
    [
      'a section with text but no entries',
      `## ADDED Requirements\n${REQ('A')}\n## REMOVED Requirements\nLogout\n`,
      'ERROR:delta_empty_section@9',
    ],
    ['no delta sections', 'Just notes.\n', 'ERROR:delta_no_sections@1'],
    [
      '`*` bullets in REMOVED',
      '## REMOVED Requirements\n* `### Requirement: A`\n**Reason**: r\n**Migration**: m\n',
      'WARNING:delta_bullet_style@2',
    ],
    [
      'REMOVED without reason',
      '## REMOVED Requirements\n- `### Requirement: A`\n',
      'WARNING:delta_removed_without_reason@2',
    ],
    [
      'a stray line in RENAMED',
      '## RENAMED Requirements\nrename A to B\n',
      'ERROR:delta_unrecognised_line@2',
    ],
    [
      'the same requirement ADDED twice',
      `## ADDED Requirements\n${REQ('A')}\n${REQ('A')}`,
      'ERROR:delta_duplicate_entry@9',
    ],
    [
      'ADDED and REMOVED of one requirement',
      `## ADDED Requirements\n${REQ('A')}\n## REMOVED Requirements\n- \`### Requirement: a\`\n**Reason**: r\n**Migration**: m\n`,
      'ERROR:delta_conflicting_operations@2',
    ],
    [
      'REMOVED of a RENAMED target',
      '## RENAMED Requirements\n- FROM: `### Requirement: A`\n- TO: `### Requirement: B`\n\n## REMOVED Requirements\n- `### Requirement: b`\n**Reason**: r\n**Migration**: m\n',
      'ERROR:delta_conflicting_operations@3',
    ],
    [
      'MODIFIED of a renamed requirement by its old name',
      `## MODIFIED Requirements\n${REQ('A')}\n## RENAMED Requirements\n- FROM: \`### Requirement: A\`\n- TO: \`### Requirement: B\`\n`,
      'ERROR:delta_modified_uses_old_name@10',
    ],
    [
      'ADDED without scenario',
      '## ADDED Requirements\n### Requirement: A\nThe system SHALL x.\n',
      'ERROR:requirement_no_scenario@2',
    ],
    [
      'ADDED without keyword (another language)',
      `## ADDED Requirements\n${REQ('A', 'Das System exportiert Daten.')}`,
      'WARNING:requirement_no_keyword@2',
    ],
    [
      'ADDED with the keyword only in the header',
      '## ADDED Requirements\n### Requirement: The system SHALL foo\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n',
      'ERROR:requirement_no_text@2',
    ],
    [
      'a three-# scenario',
      '## ADDED Requirements\n### Requirement: A\nThe system SHALL x.\n\n### Scenario: s\n- **WHEN** a\n',
      'ERROR:delta_non_requirement_heading@5',
    ],
    [
      'a level-1 REMOVED title',
      `## ADDED Requirements\n${REQ('A')}\n# REMOVED Requirements\n- \`### Requirement: B\`\n`,
      'ERROR:delta_unknown_section@9',
    ],
    [
      'a level-3 RENAMED title outside any section',
      '# auth\n### RENAMED Requirements\n- FROM: `### Requirement: A`\n- TO: `### Requirement: B`\n',
      'ERROR:delta_unknown_section@2',
    ],
    [
      'a section title with no space after ##',
      `##ADDED Requirements\n${REQ('A')}`,
      'ERROR:delta_unknown_section@1',
    ],
    [
      'a bold section title after a scenario',
      `## ADDED Requirements\n${REQ('A')}**REMOVED Requirements**\n- \`### Requirement: B\`\n`,
      'ERROR:delta_unknown_section@8',
    ],
    [
      'a plain-text section title with a colon',
      `## ADDED Requirements\n${REQ('A')}\nModified requirements:\n`,
      'ERROR:delta_unknown_section@9',
    ],
    [
      'a requirement header with no space after ###',
      `## ADDED Requirements\n${REQ('A')}###Requirement: B\nThe system SHALL y.\n`,
      'ERROR:heading_without_space@8',
    ],
    [
      'a scenario header indented under the bullet above',
      `## ADDED Requirements\n${REQ('A')}  #### Scenario: t\n  - **WHEN** c\n`,
      'ERROR:heading_indented@8',
    ],
    [
      'a bulleted scenario',
      '## ADDED Requirements\n### Requirement: A\nThe system SHALL x.\n\n- **Scenario: s**\n- **WHEN** a\n',
      'ERROR:scenario_not_a_heading@5',
    ],
  ])('reports %s', (_label, text, expected) => {
    expect(rules(text)).toContain(expected);
  });

  it.each([
    ['prose that starts with an operation word', 'Removed requirements are listed in the migration guide.'],
    ['an operation title inside fenced code', '```md\n# REMOVED Requirements\n###Requirement: X\n```'],
    ['an operation title inside an HTML comment', '<!--\n**MODIFIED Requirements**\n-->'],
    ['a hashtag line', '#requirements-review is the channel for this.'],
  ])('does not mistake %s for a section or header', (_label, body) => {
    expect(rules(`## ADDED Requirements\n${REQ('A', `The system SHALL work.\n\n${body}`)}`)).toEqual([]);
  });

  it('finds SHALL on a wrapped line, after metadata and after a code block', () => {
    for (const body of [
      'The system does\nthings and SHALL log.',
      '**ID**: R-1\n**Priority**: P1\nThe system MUST x.',
      '```\ncode\n```\nThe system SHALL x.',
    ]) {
      expect(rules(`## ADDED Requirements\n${REQ('A', body)}`)).toEqual([]);
    }
  });

  it('does not count SHALL inside code as normative', () => {
    expect(rules(`## ADDED Requirements\n${REQ('A', 'Example:\n```\nSHALL\n```')}`)).toContain(
      'WARNING:requirement_no_keyword@2',
    );
  });
});
