import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { AUTH_SPEC, makeProject, modifyLogin, removeProject } from '../helpers/tmp-project.ts';

/**
 * Every validation rule, observed through the built CLI: one project holds a change or spec per rule,
 * one `validate --all --json` run reports them, and each case checks its own item.
 */
const REQ = (name: string, body = 'The system SHALL work.') =>
  `### Requirement: ${name}\n${body}\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n`;
const PURPOSE = 'A purpose that is long enough to pass the length check without trouble.';
const spec = (reqs: string) => `# x\n\n## Purpose\n${PURPOSE}\n\n## Requirements\n${reqs}`;
const META = 'schema: spec-driven\ncreated: 2026-01-01\n';

interface Case {
  rule: string;
  level: 'ERROR' | 'WARNING' | 'INFO';
  /** Files relative to the change folder (`delta` is specs/auth/spec.md), or a main spec's text. */
  change?: Record<string, string>;
  spec?: string;
}

const CASES: Record<string, Case> = {
  'spec-missing-purpose': {
    rule: 'spec_missing_purpose',
    level: 'ERROR',
    spec: `# x\n\n## Requirements\n${REQ('A')}`,
  },
  'spec-missing-requirements': {
    rule: 'spec_missing_requirements',
    level: 'ERROR',
    spec: `# x\n\n## Purpose\n${PURPOSE}\n`,
  },
  'spec-no-requirements': { rule: 'spec_no_requirements', level: 'ERROR', spec: spec('') },
  'spec-short-purpose': {
    rule: 'spec_purpose_too_short',
    level: 'WARNING',
    spec: `# x\n\n## Purpose\nShort.\n\n## Requirements\n${REQ('A')}`,
  },
  'spec-no-keyword': {
    rule: 'requirement_no_keyword',
    level: 'WARNING',
    spec: spec(REQ('A', 'Система экспортирует данные.')),
  },
  'spec-no-text': {
    rule: 'requirement_no_text',
    level: 'ERROR',
    spec: spec('### Requirement: A\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n'),
  },
  'spec-no-scenario': {
    rule: 'requirement_no_scenario',
    level: 'ERROR',
    spec: spec('### Requirement: A\nThe system SHALL a.\n'),
  },
  'spec-three-hash-scenario': {
    rule: 'scenario_wrong_level',
    level: 'ERROR',
    spec: spec('### Requirement: A\nThe system SHALL a.\n\n### Scenario: s\n- **WHEN** a\n'),
  },
  'spec-bulleted-scenario': {
    rule: 'scenario_not_a_heading',
    level: 'ERROR',
    spec: spec(`${REQ('A')}\n- **Scenario: more**\n`),
  },
  'spec-duplicate-name': {
    rule: 'requirement_duplicate_name',
    level: 'ERROR',
    spec: spec(REQ('A') + REQ('a')),
  },
  'spec-delta-heading': {
    rule: 'spec_delta_section',
    level: 'ERROR',
    spec: spec(`${REQ('A')}\n## ADDED Requirements\n`),
  },
  'spec-empty': { rule: 'spec_empty_file', level: 'ERROR', spec: '' },
  'c-no-deltas': { rule: 'change_no_deltas', level: 'ERROR', change: { 'proposal.md': '# P\n' } },
  'c-skip-specs': {
    rule: 'change_skip_specs',
    level: 'INFO',
    change: { '.openspec.yaml': `${META}skip_specs: true\n` },
  },
  'c-skip-with-deltas': {
    rule: 'change_skip_specs_with_deltas',
    level: 'ERROR',
    change: { '.openspec.yaml': `${META}skip_specs: true\n`, delta: `## ADDED Requirements\n${REQ('New')}` },
  },
  'c-bad-metadata': {
    rule: 'change_metadata_invalid',
    level: 'ERROR',
    change: { '.openspec.yaml': 'skip_specs: yes-please\n', delta: `## ADDED Requirements\n${REQ('New')}` },
  },
  'c-misplaced': {
    rule: 'delta_misplaced_file',
    level: 'ERROR',
    change: { 'specs/auth.md': `## ADDED Requirements\n${REQ('New')}` },
  },
  'c-dup-section': {
    rule: 'delta_duplicate_section',
    level: 'ERROR',
    change: { delta: `## ADDED Requirements\n${REQ('N1')}\n## Added Requirements\n${REQ('N2')}` },
  },
  'c-unknown-section': {
    rule: 'delta_unknown_section',
    level: 'ERROR',
    change: { delta: `## ADDED Requirements:\n${REQ('New')}` },
  },
  'c-empty-section': {
    rule: 'delta_empty_section',
    level: 'WARNING',
    change: { delta: `## ADDED Requirements\n${REQ('New')}\n## REMOVED Requirements\n` },
  },
  'c-section-text-only': {
    rule: 'delta_empty_section',
    level: 'ERROR',
    change: { delta: `## ADDED Requirements\n${REQ('New')}\n## REMOVED Requirements\nLogout\n` },
  },
  'c-unpaired': {
    rule: 'delta_rename_unpaired',
    level: 'ERROR',
    change: { delta: '## RENAMED Requirements\n- FROM: `### Requirement: Logout`\n' },
  },
  'c-orphan': {
    rule: 'delta_orphan_requirement',
    level: 'ERROR',
    change: { delta: `## ADDED Requirements\n${REQ('New')}\n## Notes\n${REQ('Lost')}` },
  },
  'c-non-req-heading': {
    rule: 'delta_non_requirement_heading',
    level: 'ERROR',
    change: { delta: `## ADDED Requirements\n### Documentation\n\n${REQ('New')}` },
  },
  'c-star-bullet': {
    rule: 'delta_bullet_style',
    level: 'WARNING',
    change: {
      delta: '## REMOVED Requirements\n* `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n',
    },
  },
  'c-no-reason': {
    rule: 'delta_removed_without_reason',
    level: 'WARNING',
    change: { delta: '## REMOVED Requirements\n- `### Requirement: Logout`\n' },
  },
  'c-two-ops': {
    rule: 'delta_conflicting_operations',
    level: 'ERROR',
    change: {
      delta: `## ADDED Requirements\n${REQ('New')}\n## REMOVED Requirements\n- \`### Requirement: New\`\n**Reason**: r\n**Migration**: m\n`,
    },
  },
  'c-modify-missing': {
    rule: 'merge_target_not_found',
    level: 'ERROR',
    change: { delta: `## MODIFIED Requirements\n${REQ('Nope')}` },
  },
  'c-remove-case': {
    rule: 'merge_target_case_mismatch',
    level: 'ERROR',
    change: {
      delta: '## REMOVED Requirements\n- `### Requirement: logout`\n**Reason**: r\n**Migration**: m\n',
    },
  },
  'c-added-exists': {
    rule: 'merge_added_case_collision',
    level: 'ERROR',
    change: { delta: `## ADDED Requirements\n${REQ('LOGOUT')}` },
  },
  'c-rename-clash': {
    rule: 'merge_rename_target_exists',
    level: 'ERROR',
    change: {
      delta:
        '## RENAMED Requirements\n- FROM: `### Requirement: Logout`\n- TO: `### Requirement: user login`\n',
    },
  },
  'c-scenario-loss': {
    rule: 'merge_scenario_loss',
    level: 'ERROR',
    change: { delta: `## MODIFIED Requirements\n${REQ('User Login', 'The system SHALL x.')}` },
  },
  'c-new-cap-modified': {
    rule: 'merge_target_missing',
    level: 'ERROR',
    change: { 'specs/billing/spec.md': `## MODIFIED Requirements\n${REQ('X')}` },
  },
  'c-retire': {
    rule: 'merge_would_empty_capability',
    level: 'ERROR',
    change: {
      delta:
        '## REMOVED Requirements\n- `### Requirement: User Login`\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n',
    },
  },
  'c-open-fence': {
    rule: 'merge_result_invalid',
    level: 'ERROR',
    change: { delta: `${modifyLogin('Lockout')}\n\`\`\`\nnever closed\n` },
  },
  'c-result-invalid': {
    rule: 'merge_result_invalid',
    level: 'ERROR',
    change: {
      delta:
        '## MODIFIED Requirements\n### Requirement: Logout\n\n#### REMOVED Scenario: Logout clears session\n',
    },
  },
  'c-content-dropped': {
    rule: 'merge_content_dropped',
    level: 'INFO',
    change: { 'specs/extras/spec.md': modifyLogin('Lockout') },
  },
  'c-retire-extra': {
    rule: 'merge_retire_extra_content',
    level: 'ERROR',
    change: {
      '.openspec.yaml': `${META}retire_capabilities: true\n`,
      'specs/extras/spec.md':
        '## REMOVED Requirements\n- `### Requirement: User Login`\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n',
    },
  },
  'c-empty-target': {
    rule: 'merge_target_invalid',
    level: 'ERROR',
    change: { 'specs/blank/spec.md': `## ADDED Requirements\n${REQ('A')}` },
  },
  'c-task-numbering': {
    rule: 'tasks_duplicate_id',
    level: 'WARNING',
    change: {
      delta: `## ADDED Requirements\n${REQ('Tasks')}`,
      'tasks.md': '## 1. A\n- [ ] 1.1 a\n- [ ] 1.1 b\n',
    },
  },
};

function projectFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'openspec/specs/auth/spec.md': AUTH_SPEC,
    // A table after a requirement's last scenario and a section besides the requirements; an empty spec.
    'openspec/specs/extras/spec.md': `${AUTH_SPEC.replace('\n### Requirement: Logout', '\n| a | b |\n|---|---|\n\n### Requirement: Logout')}\n## Notes\nRationale.\n`,
    'openspec/specs/blank/spec.md': '',
  };
  for (const [id, c] of Object.entries(CASES)) {
    if (c.spec !== undefined) files[`openspec/specs/${id}/spec.md`] = c.spec;
    for (const [rel, text] of Object.entries(c.change ?? {})) {
      const path = rel === 'delta' ? 'specs/auth/spec.md' : rel;
      files[`openspec/changes/${id}/${path}`] = text;
    }
    if (c.change && !c.change['.openspec.yaml']) files[`openspec/changes/${id}/.openspec.yaml`] = META;
  }
  return files;
}

const root = makeProject(projectFiles());
const run = runCli(root, ['validate', '--all', '--json']);
const items = new Map(
  (run.json().items as { id: string; issues: { rule: string; level: string }[] }[]).map((i) => [i.id, i]),
);
afterAll(() => removeProject(root));

describe('every validation rule through the CLI', () => {
  it('fails the run and prints one JSON document', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it.each(Object.entries(CASES))('%s reports %j', (id, c) => {
    const item = items.get(id);
    expect(item?.issues.map((i) => `${i.level}:${i.rule}`)).toContain(`${c.level}:${c.rule}`);
  });

  it('leaves the clean capability valid', () => {
    expect(items.get('auth')?.issues).toEqual([]);
  });
});
