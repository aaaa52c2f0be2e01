// Regression tests named after the OpenSpec bugs they guard (numbers from
// /work/shared/reference/openspec-bug-history.md, §1.10 and §3b), run through the built CLI; §3a is in
// bug-history.test.ts.
import { describe, expect, it } from 'vitest';
import { changeFixtures, DELTA, type Json, STEPS } from '../helpers/change-fixture.ts';
import { runCli, runCliStdinOpen } from '../helpers/cli.ts';
import { f2Files, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const { project } = tempProjects();
const { withChange, expectIssue, expectArchiveRefused } = changeFixtures(project);

describe('1.10 non-interactive behaviour', () => {
  it('validate --all in an empty project says so and exits 0 (#363)', () => {
    const root = project({});
    expect(runCli(root, ['validate', '--all'])).toMatchObject({
      code: 0,
      stdout: 'No items found to validate.\n',
      stderr: '',
    });
    expect((runCli(root, ['validate', '--all', '--json']).json() as Json).summary.totals).toEqual({
      items: 0,
      passed: 0,
      failed: 0,
    });
  });

  it.each([
    [['archive', 'add-auth'], 1],
    [['archive'], 2],
  ])('%j with stdin left open does not wait for it (#1479)', async (args, expected) => {
    const root = project(f2Files());
    const before = snapshotTree(root);
    const { code, stderr } = await runCliStdinOpen(root, args);
    expect(code).toBe(expected);
    if (expected === 1) expect(stderr).toContain('specwright archive add-auth --yes');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('3b. markdown parsing / validation', () => {
  it('3b.4 a requirement whose only scenario is fenced has no scenario on the change path too', () => {
    const block = `### Requirement: Fenced\nThe system SHALL f.\n\n\`\`\`\n#### Scenario: in code\n${STEPS}\`\`\`\n`;
    const root = withChange({ 'specs/auth/spec.md': `## ADDED Requirements\n${block}` });
    expectIssue(root, {
      level: 'ERROR',
      rule: 'requirement_no_scenario',
      file: DELTA,
      line: 2,
      message: 'ADDED "Fenced" has no scenario.',
    });
    expectArchiveRefused(root, 'requirement_no_scenario');
  });

  it('3b.9 an empty #### Scenario: in a delta is scenario_empty', () => {
    const root = withChange({
      'specs/auth/spec.md': `## ADDED Requirements\n### Requirement: Emp\nThe system SHALL e.\n\n#### Scenario: nothing\n\n#### Scenario: real\n${STEPS}`,
    });
    expectIssue(root, {
      level: 'ERROR',
      rule: 'scenario_empty',
      file: DELTA,
      line: 5,
      message: 'Scenario "nothing" of added "Emp" has no steps.',
    });
    expectArchiveRefused(root, 'scenario_empty');
  });

  it('3b.14 (#1182, #1433) a change with only .openspec.yaml is found by validate and show', () => {
    const root = withChange({});
    const v = runCli(root, ['validate', 'c', '--json']);
    expect(v.code).toBe(1);
    expect((v.json() as Json).items).toEqual([
      {
        id: 'c',
        type: 'change',
        valid: false,
        issues: [expect.objectContaining({ rule: 'change_no_deltas', file: 'openspec/changes/c' })],
      },
    ]);
    const s = runCli(root, ['show', 'c', '--json']);
    expect(s.code).toBe(0);
    expect(s.json()).toMatchObject({
      id: 'c',
      title: 'c',
      dir: 'openspec/changes/c',
      proposal: null,
      tasks: { done: 0, total: 0 },
      deltaCount: 0,
      deltas: [],
    });
  });
});
