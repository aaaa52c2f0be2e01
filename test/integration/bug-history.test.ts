import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeFixtures, DELTA, type Json, STEPS } from '../helpers/change-fixture.ts';
import { runCli } from '../helpers/cli.ts';
import { AUTH_SPEC, f2Files, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const { project } = tempProjects();
const { withChange, issuesOf, expectIssue, expectArchiveRefused } = changeFixtures(project);

/** A MODIFIED `User Login` block with the given level-4 headings (each with steps) after `extra`. */
const modifyLogin = (headings: string[], extra = '') =>
  `## MODIFIED Requirements\n### Requirement: User Login\nThe system SHALL allow users to log in.\n\n${headings.map((h) => `${h}\n${STEPS}`).join('\n')}${extra}`;

describe('3a. merge / archive', () => {
  it('3a.3 (#1391) duplicate scenario names are counted with multiplicity', () => {
    const twice = AUTH_SPEC.replace('#### Scenario: Invalid credentials', '#### Scenario: Valid credentials');
    const root = withChange(
      { 'specs/auth/spec.md': modifyLogin(['#### Scenario: Valid credentials']) },
      twice,
    );
    expect(issuesOf(root, 'auth')).toEqual([]);
    expect(issuesOf(root)).toEqual([
      expect.objectContaining({
        rule: 'merge_scenario_loss',
        file: DELTA,
        line: 2,
        message: expect.stringContaining(
          'drops scenario(s) the current requirement has: "Valid credentials"',
        ),
      }),
    ]);
    expectArchiveRefused(root, 'merge_scenario_loss');
  });

  it('3a.4 (#1521) an unlabelled #### heading counts for the loss guard; relabelling it is not a drop', () => {
    const edge = AUTH_SPEC.replace('#### Scenario: Invalid credentials', '#### Edge case');
    const dropped = withChange(
      { 'specs/auth/spec.md': modifyLogin(['#### Scenario: Valid credentials']) },
      edge,
    );
    expect(issuesOf(dropped)).toEqual([
      expect.objectContaining({
        rule: 'merge_scenario_loss',
        message: expect.stringContaining('"Edge case"'),
      }),
    ]);
    expectArchiveRefused(dropped, 'merge_scenario_loss');

    const relabelled = withChange(
      { 'specs/auth/spec.md': modifyLogin(['#### Scenario: Valid credentials', '#### Scenario: Edge case']) },
      edge,
    );
    expect(issuesOf(relabelled)).toEqual([]);
    expect(runCli(relabelled, ['archive', 'c', '--yes']).code).toBe(0);
    const merged = read(relabelled, 'openspec/specs/auth/spec.md');
    expect(merged).toContain('#### Scenario: Edge case\n');
    expect(merged).not.toContain('#### Edge case');
  });

  it('3a.5 fenced #### Scenario: lines in a MODIFIED block neither hide a drop nor abort a full block', () => {
    const fence = '\nExample:\n```md\n#### Scenario: Invalid credentials\n- **WHEN** x\n```\n';
    const hiding = withChange({
      'specs/auth/spec.md': modifyLogin(['#### Scenario: Valid credentials'], fence),
    });
    expect(issuesOf(hiding)).toEqual([
      expect.objectContaining({
        rule: 'merge_scenario_loss',
        message: expect.stringContaining('"Invalid credentials". The block has 1 level-4 heading(s)'),
      }),
    ]);
    expectArchiveRefused(hiding, 'merge_scenario_loss');

    const full = modifyLogin(
      ['#### Scenario: Valid credentials', '#### Scenario: Invalid credentials'],
      fence,
    );
    const kept = withChange({ 'specs/auth/spec.md': full });
    expect(issuesOf(kept)).toEqual([]);
    expect(runCli(kept, ['archive', 'c', '--yes']).code).toBe(0);
    expect(read(kept, 'openspec/specs/auth/spec.md')).toContain(fence);
  });

  it('3a.10 (#1799) + bullets in REMOVED and */+ bullets in RENAMED are applied, with a warning', () => {
    const root = withChange({
      'specs/auth/spec.md':
        '## REMOVED Requirements\n+ `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n\n## RENAMED Requirements\n* FROM: `### Requirement: User Login`\n+ TO: `### Requirement: Sign In`\n',
    });
    const issues = issuesOf(root);
    expect(issues.map((i) => `${i.level}:${i.rule}:${i.line}`)).toEqual([
      'WARNING:delta_bullet_style:2',
      'WARNING:delta_bullet_style:7',
      'WARNING:delta_bullet_style:8',
    ]);
    const r = runCli(root, ['archive', 'c', '--yes', '--json']);
    expect(r.code).toBe(0);
    expect((r.json() as Json).archive.totals).toEqual({ added: 0, modified: 0, removed: 1, renamed: 1 });
    const merged = read(root, 'openspec/specs/auth/spec.md');
    expect(merged).toContain('### Requirement: Sign In\n');
    expect(merged).not.toContain('Logout');
    expect(merged).not.toContain('### Requirement: User Login');
  });

  const ADDED = `## ADDED Requirements\n### Requirement: M\nThe system SHALL m.\n\n#### Scenario: s\n${STEPS}`;
  it.each([
    ['specs/spec.md (no capability folder)', { 'specs/spec.md': ADDED }, 'specs/spec.md'],
    [
      'a second .md beside spec.md',
      { 'specs/auth/spec.md': ADDED, 'specs/auth/notes.md': ADDED },
      'specs/auth/notes.md',
    ],
    ['SPEC.md', { 'specs/auth/SPEC.md': ADDED }, 'specs/auth/SPEC.md'],
    [
      'a nested non-spec file',
      { 'specs/auth/spec.md': ADDED, 'specs/auth/docs/extra.md': '# notes\n' },
      'specs/auth/docs/extra.md',
    ],
  ])('3a.12 (#1385, #1869) %s is delta_misplaced_file and archive refuses', (_, change, misplaced) => {
    const root = withChange(change);
    expectIssue(root, {
      level: 'ERROR',
      rule: 'delta_misplaced_file',
      file: `openspec/changes/c/${misplaced}`,
    });
    expectArchiveRefused(root, 'delta_misplaced_file');
  });

  it('3a.14 (#1332) ADDED+REMOVED of one name, and RENAMED+REMOVED of the old name, conflict', () => {
    const removeNew = '## REMOVED Requirements\n- `### Requirement: New`\n**Reason**: r\n**Migration**: m\n';
    const added = withChange({
      'specs/auth/spec.md': `## ADDED Requirements\n### Requirement: New\nThe system SHALL n.\n\n#### Scenario: s\n${STEPS}\n${removeNew}`,
    });
    expectIssue(added, { rule: 'delta_conflicting_operations', file: DELTA, line: 2 });
    expectArchiveRefused(added, 'delta_conflicting_operations');

    const renamed = withChange({
      'specs/auth/spec.md':
        '## RENAMED Requirements\n- FROM: `### Requirement: Logout`\n- TO: `### Requirement: Sign Out`\n\n## REMOVED Requirements\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n',
    });
    expectIssue(renamed, {
      rule: 'delta_conflicting_operations',
      message: 'Requirement "Logout" is both RENAMED and REMOVED.',
    });
    expectArchiveRefused(renamed, 'delta_conflicting_operations');

    const renamedTarget = withChange({
      'specs/auth/spec.md':
        '## RENAMED Requirements\n- FROM: `### Requirement: Logout`\n- TO: `### Requirement: Sign Out`\n\n## REMOVED Requirements\n- `### Requirement: Sign Out`\n**Reason**: r\n**Migration**: m\n',
    });
    expectIssue(renamedTarget, { rule: 'delta_conflicting_operations', file: DELTA, line: 3 });
    expectArchiveRefused(renamedTarget, 'delta_conflicting_operations');
  });

  it('3a.18 a --- separator after a MODIFIED requirement stays where it was', () => {
    const main = AUTH_SPEC.replace('\n### Requirement: Logout', '\n---\n\n### Requirement: Logout');
    const root = withChange(
      {
        'specs/auth/spec.md': `## MODIFIED Requirements\n### Requirement: User Login\nThe system SHALL allow users to log in with a passkey.\n\n#### Scenario: Valid credentials\n${STEPS}\n#### Scenario: Invalid credentials\n${STEPS}`,
      },
      main,
    );
    expect(runCli(root, ['archive', 'c', '--yes']).code).toBe(0);
    const merged = read(root, 'openspec/specs/auth/spec.md');
    expect(merged).toContain(`#### Scenario: Invalid credentials\n${STEPS}\n---\n\n### Requirement: Logout`);
    expect(merged.slice(merged.indexOf('\n---\n'))).toBe(main.slice(main.indexOf('\n---\n')));
  });

  it('3a.16 (#403) REMOVED aimed at a capability with no main spec is merge_target_missing', () => {
    const root = withChange({
      'specs/billing/spec.md': `## ADDED Requirements\n### Requirement: Bill\nThe system SHALL bill.\n\n#### Scenario: s\n${STEPS}\n## REMOVED Requirements\n- \`### Requirement: Old Bill\`\n**Reason**: r\n**Migration**: m\n`,
    });
    expect(issuesOf(root)).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        rule: 'merge_target_missing',
        file: 'openspec/changes/c/specs/billing/spec.md',
        line: 10,
        message: expect.stringContaining(
          'REMOVED "Old Bill" targets openspec/specs/billing/spec.md, which does not exist',
        ),
      }),
    ]);
    expectArchiveRefused(root, 'merge_target_missing');
    expect(existsSync(join(root, 'openspec/specs/billing'))).toBe(false);
  });

  it('3a.17 (#1413) an unterminated <!-- above ## Purpose masks the rest; a closed one hides only its text', () => {
    const body = `## ADDED Requirements\n### Requirement: N\nThe system SHALL n.\n\n#### Scenario: s\n${STEPS}`;
    const abandoned = 'Abandoned purpose text that must never become the Purpose of anything.';
    const open = withChange({ 'specs/newcap/spec.md': `<!-- draft\n## Purpose\n${abandoned}\n\n${body}` });
    expect(issuesOf(open)).toEqual([
      expect.objectContaining({
        rule: 'delta_no_sections',
        file: 'openspec/changes/c/specs/newcap/spec.md',
        line: 1,
      }),
    ]);
    expectArchiveRefused(open, 'delta_no_sections');

    const purpose = 'The new capability exists so that users can manage their things well.';
    const closed = withChange({
      'specs/newcap/spec.md': `<!-- draft\n## Purpose\n${abandoned}\n-->\n\n## Purpose\n${purpose}\n\n${body}`,
    });
    expect(issuesOf(closed)).toEqual([]);
    expect(runCli(closed, ['archive', 'c', '--yes']).code).toBe(0);
    const created = read(closed, 'openspec/specs/newcap/spec.md');
    expect(created).toContain(`## Purpose\n\n${purpose}\n`);
    expect(created).not.toContain('Abandoned');
  });

  const IRREGULAR = `# auth Specification


## Purpose
Authentication for the web application, covering login, logout and session handling.


## Requirements


### Requirement: User Login
The system SHALL allow users to log in.

\`\`\`text
line one



line five
\`\`\`

#### Scenario: Valid credentials
${STEPS}
---

### Requirement: Logout
The system SHALL allow users to log out.

#### Scenario: Logout clears session
${STEPS}
---

### Requirement: Remember Me
The system SHALL remember the device.

#### Scenario: Device remembered
${STEPS}
`;
  const AUDIT = `### Requirement: Audit\nThe system SHALL audit logins.\n\n#### Scenario: Audited\n${STEPS}`;

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])(
    '3a.18 (#1625, #1527, #1797, #1935) archive keeps hand-written formatting byte for byte (%s)',
    (_, eol) => {
      const eolOf = (text: string) => text.replace(/\n/g, eol);
      const main = eolOf(IRREGULAR);
      expect(main.endsWith(`${eol}${eol}`)).toBe(true);
      const root = withChange(
        {
          'specs/auth/spec.md': `## MODIFIED Requirements\n### Requirement: Remember Me\nThe system SHALL remember the device for 30 days.\n\n#### Scenario: Device remembered\n${STEPS}\n## ADDED Requirements\n${AUDIT}`,
        },
        main,
      );
      expect(runCli(root, ['archive', 'c', '--yes']).code).toBe(0);
      const merged = read(root, 'openspec/specs/auth/spec.md');
      const cut = main.indexOf('### Requirement: Remember Me');
      // Untouched: everything before the modified block, byte for byte (blank-line runs, fence, `---`).
      expect(merged.slice(0, cut)).toBe(main.slice(0, cut));
      // The modified block, then the ADDED one, then the file's own trailing blank line.
      const tail = `### Requirement: Remember Me\nThe system SHALL remember the device for 30 days.\n\n#### Scenario: Device remembered\n${STEPS}\n${AUDIT}\n`;
      expect(merged.slice(cut)).toBe(eolOf(tail));
      if (eol === '\r\n') expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    },
  );

  it('3a.21 (#954) a ### Requirement: after another ## section is reported, and merges into it refuse', () => {
    const misplaced = `# auth\n\n## Purpose\nA purpose that is long enough to pass the length check without trouble.\n\n## Requirements\n### Requirement: A\nThe system SHALL a.\n\n#### Scenario: s\n${STEPS}\n## Current Implementation Status\nSome notes.\n\n### Requirement: B\nThe system SHALL b.\n\n#### Scenario: t\n${STEPS}`;
    const root = withChange(
      {
        'specs/auth/spec.md': `## MODIFIED Requirements\n### Requirement: A\nThe system SHALL a, always.\n\n#### Scenario: s\n${STEPS}`,
      },
      misplaced,
    );
    expect(issuesOf(root, 'auth')).toEqual([
      expect.objectContaining({
        rule: 'spec_requirement_outside_section',
        file: 'openspec/specs/auth/spec.md',
        line: 17,
        message:
          '"### Requirement: B" is outside the "## Requirements" section, so it is not part of the spec.',
      }),
    ]);
    expect(issuesOf(root)).toEqual([expect.objectContaining({ rule: 'merge_target_invalid', file: DELTA })]);
    expectArchiveRefused(root, 'merge_target_invalid');
  });

  it('3a.24 (#1483) archive with no change name off a TTY is a usage error, exit 2, nothing written', () => {
    const root = project(f2Files());
    const before = snapshotTree(root);
    const text = runCli(root, ['archive']);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain("missing required argument 'change'");
    const json = runCli(root, ['archive', '--yes', '--json']);
    expect(json.code).toBe(2);
    expect((json.json() as Json).status[0].code).toBe('usage_error');
    expect(snapshotTree(root)).toEqual(before);
  });
});
