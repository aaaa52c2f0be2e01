// Issue codes that test/e2e/rules.test.ts does not produce, each observed through the built CLI with
// its level, file and line. Every change case has its own capability (a copy of F1's auth spec), so
// `validate --all` reports change_overlap only where a case asks for it.
//
// path_unresolvable is not here: it needs realpath to fail with something other than ENOENT/ENOTDIR.
// Running as root rules out EACCES, and a symlink loop (ELOOP) under a change's specs/ ends in an
// internal error before that guard is reached (reported separately, not asserted).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import {
  AUTH_SPEC,
  makeProject,
  read,
  removeProject,
  snapshotTree,
  tempProjects,
} from '../helpers/tmp-project.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const REQ = (name: string, body = 'The system SHALL work.') =>
  `### Requirement: ${name}\n${body}\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n`;
const PURPOSE = 'A purpose that is long enough to pass the length check without trouble.';
const spec = (reqs: string) => `# x\n\n## Purpose\n${PURPOSE}\n\n## Requirements\n${reqs}`;
const META = 'schema: spec-driven\ncreated: 2026-01-01\n';
const LOGOUT_KEPT =
  '### Requirement: Logout\nThe system SHALL allow users to log out quickly.\n\n#### Scenario: Logout clears session\n- **WHEN** a user logs out\n- **THEN** the session is destroyed\n';

interface Case {
  rule: string;
  level: 'ERROR' | 'WARNING' | 'INFO';
  /** 1-based line of the issue; undefined when the rule reports none. */
  line: number | undefined;
  /** A main spec's text (item = case id), or a change's delta against its own copy of F1's auth spec. */
  spec?: string;
  delta?: string;
  /** Extra lines for the change's .openspec.yaml. */
  meta?: string;
  message?: string;
}

const CASES: Record<string, Case> = {
  'delta-req-no-name': {
    rule: 'delta_requirement_without_name',
    level: 'ERROR',
    line: 2,
    delta:
      '## ADDED Requirements\n### Requirement:\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n',
    message: 'A "### Requirement:" header in ADDED Requirements has no name.',
  },
  'delta-scenario-outside': {
    rule: 'delta_scenario_outside_requirement',
    level: 'ERROR',
    line: 2,
    delta: `## ADDED Requirements\n#### Scenario: early\n- **WHEN** a\n- **THEN** b\n\n${REQ('New')}`,
    message: '"#### Scenario: early" is not under any "### Requirement:" header.',
  },
  'delta-stray': {
    rule: 'delta_stray_content',
    level: 'WARNING',
    line: 2,
    delta: `## ADDED Requirements\nSome intro text that belongs to nothing.\n\n${REQ('New')}`,
  },
  'delta-scenario-op': {
    rule: 'scenario_op_outside_modified',
    level: 'ERROR',
    line: 5,
    delta:
      '## ADDED Requirements\n### Requirement: New\nThe system SHALL x.\n\n#### ADDED Scenario: s\n- **WHEN** a\n- **THEN** b\n',
  },
  retired: {
    rule: 'merge_capability_retired',
    level: 'WARNING',
    line: undefined,
    meta: 'retire_capabilities: true\n',
    delta:
      '## REMOVED Requirements\n- `### Requirement: User Login`\n**Reason**: r\n**Migration**: m\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n',
    message:
      'retired: last requirement removed; the capability is retired: openspec/specs/retired/spec.md is deleted, and its folder too when nothing else is in it.',
  },
  'scenario-op-failed': {
    rule: 'merge_scenario_op_failed',
    level: 'ERROR',
    line: 2,
    delta: '## MODIFIED Requirements\n### Requirement: Logout\n\n#### REMOVED Scenario: Nope\n',
    message: 'scenario-op-failed: REMOVED scenario "Nope" is not in requirement "Logout".',
  },
  'added-exists': {
    rule: 'merge_added_exists',
    level: 'ERROR',
    line: 2,
    delta: `## ADDED Requirements\n${REQ('Logout')}`,
    message: 'added-exists: ADDED "Logout" already exists with different content.',
  },
  'spec-req-no-name': {
    rule: 'requirement_no_name',
    level: 'ERROR',
    line: 14,
    spec: spec(
      `${REQ('A')}\n### Requirement:\nThe system SHALL b.\n\n#### Scenario: t\n- **WHEN** a\n- **THEN** b\n`,
    ),
  },
  'spec-scenario-no-steps': {
    rule: 'scenario_no_steps',
    level: 'INFO',
    line: 10,
    spec: spec(
      '### Requirement: A\nThe system SHALL a.\n\n#### Scenario: prose only\nThe user logs in and sees the dashboard.\n',
    ),
    message: 'Scenario "prose only" has no WHEN/THEN or Given/When/Then steps.',
  },
  'spec-scenario-op': {
    rule: 'scenario_op_outside_modified',
    level: 'ERROR',
    line: 10,
    spec: spec(
      '### Requirement: A\nThe system SHALL a.\n\n#### ADDED Scenario: new one\n- **WHEN** a\n- **THEN** b\n',
    ),
  },
  'spec-dup-section': {
    rule: 'spec_duplicate_section',
    level: 'ERROR',
    line: 14,
    spec: `${spec(REQ('A'))}\n## Purpose\nAgain, a second purpose section.\n`,
    message: '"## Purpose" appears twice (first on line 3).',
  },
};

/** Two changes touching the same requirement of the `overlap` capability. */
const OVERLAP: Record<string, string> = {
  'overlap-a': `## MODIFIED Requirements\n${LOGOUT_KEPT}`,
  'overlap-b': '## REMOVED Requirements\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n',
};

function projectFiles(): Record<string, string> {
  const files: Record<string, string> = { 'openspec/specs/overlap/spec.md': AUTH_SPEC };
  for (const [id, c] of Object.entries(CASES)) {
    if (c.spec !== undefined) files[`openspec/specs/${id}/spec.md`] = c.spec;
    if (c.delta !== undefined) {
      files[`openspec/specs/${id}/spec.md`] = AUTH_SPEC;
      files[`openspec/changes/${id}/.openspec.yaml`] = META + (c.meta ?? '');
      files[`openspec/changes/${id}/specs/${id}/spec.md`] = c.delta;
    }
  }
  for (const [id, delta] of Object.entries(OVERLAP)) {
    files[`openspec/changes/${id}/.openspec.yaml`] = META;
    files[`openspec/changes/${id}/specs/overlap/spec.md`] = delta;
  }
  return files;
}

const root = makeProject(projectFiles());
const run = runCli(root, ['validate', '--all', '--json']);
/** Items by `type:id`: a change case and the capability it changes share a name. */
const items = new Map(((run.json() as Json).items as Json[]).map((i) => [`${i.type}:${i.id}`, i]));
afterAll(() => removeProject(root));

const fileOf = (id: string, c: Case) =>
  c.spec !== undefined ? `openspec/specs/${id}/spec.md` : `openspec/changes/${id}/specs/${id}/spec.md`;

describe('uncovered rules through validate --all --json', () => {
  it('prints one JSON document and fails the run', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it.each(Object.entries(CASES))('%s reports %j', (id, c) => {
    const issues = (items.get(`${c.spec === undefined ? 'change' : 'spec'}:${id}`)?.issues ?? []) as Json[];
    const issue = issues.find((i) => i.rule === c.rule);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue).toMatchObject({ level: c.level, rule: c.rule, file: fileOf(id, c) });
    if (c.line === undefined) expect(issue).not.toHaveProperty('line');
    else expect(issue?.line).toBe(c.line);
    if (c.message) expect(issue?.message).toBe(c.message);
    expect(issues.filter((i) => i.rule === 'change_overlap')).toEqual([]);
  });

  it.each(Object.entries(OVERLAP))('change_overlap: %s names the other change', (id) => {
    const other = id === 'overlap-a' ? 'overlap-b (REMOVED)' : 'overlap-a (MODIFIED)';
    expect(items.get(`change:${id}`)?.issues).toEqual([
      expect.objectContaining({
        level: 'WARNING',
        rule: 'change_overlap',
        file: `openspec/changes/${id}/specs/overlap/spec.md`,
        line: 2,
        message: expect.stringContaining(`also changed by ${other}`),
      }),
    ]);
    expect(items.get(`change:${id}`)?.valid).toBe(true);
  });

  it('change_overlap is a cross-change check: validating one change by name does not report it', () => {
    expect((runCli(root, ['validate', 'overlap-a', '--json']).json() as Json).items[0].issues).toEqual([]);
    const changes = runCli(root, ['validate', '--changes', '--json']).json() as Json;
    const a = (changes.items as Json[]).find((i) => i.id === 'overlap-a');
    expect(a?.issues.map((i: Json) => i.rule)).toEqual(['change_overlap']);
  });

  it('merge_capability_retired archives by deleting the capability spec', () => {
    const before = read(root, 'openspec/specs/retired/spec.md');
    expect(before).toBe(AUTH_SPEC);
    const snap = snapshotTree(root);
    const r = runCli(root, ['archive', 'retired', '--yes', '--json']);
    expect(r.code).toBe(0);
    const archive = (r.json() as Json).archive;
    expect(archive.specs).toEqual([expect.objectContaining({ capability: 'retired', action: 'retire' })]);
    expect(archive.issues.map((i: Json) => i.rule)).toContain('merge_capability_retired');
    expect(snapshotTree(root)['openspec/specs/retired/spec.md']).toBeUndefined();
    expect(Object.keys(snap)).toContain('openspec/specs/retired/spec.md');
  });
});

describe('merge_stale_base', () => {
  const { project } = tempProjects();

  it('refuses a MODIFIED written before another change archived the same requirement, until base_at moves', () => {
    const root = project({
      'openspec/specs/auth/spec.md': AUTH_SPEC,
      'openspec/changes/first/.openspec.yaml': META,
      'openspec/changes/first/specs/auth/spec.md': `## MODIFIED Requirements\n${LOGOUT_KEPT}`,
      'openspec/changes/second/.openspec.yaml': 'schema: spec-driven\ncreated: 2000-01-01\n',
      'openspec/changes/second/specs/auth/spec.md': `## MODIFIED Requirements\n${LOGOUT_KEPT.replace('quickly', 'from every device')}`,
    });
    expect(runCli(root, ['validate', 'second', '--json']).code).toBe(0);
    const archived = runCli(root, ['archive', 'first', '--yes', '--json']);
    expect(archived.code).toBe(0);
    const archivedAs = (archived.json() as Json).archive.archivedAs as string;

    const r = runCli(root, ['validate', 'second', '--json']);
    expect(r.code).toBe(1);
    const issue = ((r.json() as Json).items[0].issues as Json[]).find((i) => i.rule === 'merge_stale_base');
    expect(issue).toMatchObject({
      level: 'ERROR',
      file: 'openspec/changes/second/specs/auth/spec.md',
      line: 2,
      message: expect.stringContaining(
        `MODIFIED "Logout" was written before change ${archivedAs} modified that requirement`,
      ),
    });
    const before = snapshotTree(root);
    for (const args of [
      ['archive', 'second', '--yes'],
      ['sync', 'second'],
    ]) {
      const refused = runCli(root, [...args, '--json']);
      expect(refused.code).toBe(1);
      expect((refused.json() as Json).issues.map((i: Json) => i.rule)).toContain('merge_stale_base');
    }
    expect(snapshotTree(root)).toEqual(before);

    const later = new Date(Date.now() + 1000).toISOString();
    writeFileSync(
      join(root, 'openspec/changes/second/.openspec.yaml'),
      `schema: spec-driven\ncreated: 2000-01-01\nbase_at: ${later}\n`,
    );
    expect((runCli(root, ['validate', 'second', '--json']).json() as Json).items[0]).toMatchObject({
      valid: true,
      issues: [],
    });
  });
});
