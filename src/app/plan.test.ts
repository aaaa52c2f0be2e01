import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { ADD_AUTH_DELTA, AUTH_SPEC } from '../../test/helpers/tmp-project.ts';
import { planChangeTasks } from './plan.ts';
import { runValidation } from './validate.ts';

const BILLING_SPEC = `# billing Specification

## Purpose
Invoices and payments for every account, from the first charge to the yearly statement.

## Requirements
### Requirement: Invoices
The system SHALL issue an invoice for every charge.

#### Scenario: Monthly invoice
- **WHEN** a month ends
- **THEN** an invoice is issued
`;

/** A project with the `add-auth` change (auth delta) and an untouched `billing` capability. */
function project(tasks: string) {
  return makeTree({
    'openspec/specs/auth/spec.md': AUTH_SPEC,
    'openspec/specs/billing/spec.md': BILLING_SPEC,
    'openspec/changes/add-auth/.openspec.yaml': 'schema: spec-driven\ncreated: 2026-01-01\n',
    'openspec/changes/add-auth/specs/auth/spec.md': ADD_AUTH_DELTA,
    'openspec/changes/add-auth/tasks.md': tasks,
  });
}

const TASKS = 'openspec/changes/add-auth/tasks.md';

describe('planChangeTasks', () => {
  it('resolves covers in the change and in main specs it does not touch', async () => {
    const root = project(
      [
        '## 1. Build',
        '- [x] 1.1 OTP table [size: S] [covers: billing#Invoices/Monthly invoice]',
        '- [ ] 1.2 OTP prompt [size: M] [after: 1.1] [covers: auth#Two-Factor Authentication, auth#User Login]',
        '- [ ] 1.3 Rename logout [after: 1.1] [covers: auth#Sign Out/Logout clears session]',
      ].join('\n'),
    );
    const plan = await planChangeTasks(root, 'add-auth');
    expect(plan).toMatchObject({ change: 'add-auth', file: TASKS, valid: true, issues: [] });
    expect(plan.waves.map((w) => w.tasks)).toEqual([['1.1'], ['1.2', '1.3']]);
    expect(plan.criticalPath).toEqual({ tasks: ['1.1', '1.2'], length: 6 });
  });

  it('locates issues in tasks.md (or the delta, for uncovered scenarios) and is invalid on errors', async () => {
    const root = project('- [ ] 1.1 a [after: 1.2] [covers: billing#Refunds]\n- [ ] 1.2 b [after: 1.1]\n');
    const plan = await planChangeTasks(root, 'add-auth');
    expect(plan.valid).toBe(false);
    expect(plan.issues.map((i) => [i.level, i.rule, i.file, i.line])).toEqual([
      ['ERROR', 'plan_unknown_coverage', TASKS, 1],
      ['ERROR', 'plan_cycle', TASKS, 1],
      ['WARNING', 'plan_uncovered_scenario', 'openspec/changes/add-auth/specs/auth/spec.md', 6],
      ['WARNING', 'plan_uncovered_scenario', 'openspec/changes/add-auth/specs/auth/spec.md', 15],
      ['WARNING', 'plan_uncovered_scenario', 'openspec/changes/add-auth/specs/auth/spec.md', 19],
    ]);
  });

  it('fails with no_tasks without tasks.md, and with unknown_change for a missing change', async () => {
    const root = makeTree({ 'openspec/changes/empty/proposal.md': '# x\n' });
    await expect(planChangeTasks(root, 'empty')).rejects.toMatchObject({ code: 'no_tasks' });
    await expect(planChangeTasks(root, 'nope')).rejects.toMatchObject({ code: 'unknown_change' });
  });
});

describe('planChangeTasks and openspec/config.yaml', () => {
  const config = (root: string, text: string) => writeFileSync(join(root, 'openspec/config.yaml'), text);

  it('fails on a malformed config instead of planning with the default weights', async () => {
    const root = project('- [ ] 1.1 a [size: M]\n');
    config(root, 'plan:\n  weights: [\n');
    await expect(planChangeTasks(root, 'add-auth')).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/^openspec\/config\.yaml:3: /),
    });
  });

  it('passes on the warning about an invalid plan field', async () => {
    const root = project('- [ ] 1.1 a [size: M]\n');
    config(root, 'plan:\n  weights:\n    M: -1\n');
    const plan = await planChangeTasks(root, 'add-auth');
    expect(plan.weights.M).toBe(4);
    expect(plan.warnings).toEqual([expect.stringContaining("Invalid 'plan' field")]);
  });
});

describe('validate with task metadata', () => {
  async function changeIssues(tasks: string) {
    const report = await runValidation(project(tasks), { item: 'add-auth', strict: false });
    const item = report.items[0];
    return { valid: item?.valid, issues: item?.issues.filter((i) => i.file === TASKS) ?? [] };
  }

  it('reports task-graph errors as located issues of tasks.md', async () => {
    const r = await changeIssues('- [ ] 1.1 a [size: XXL]\n- [ ] 1.2 b [after: 1.1, 3.1]\n- [ ] 1.2 c\n');
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => [i.rule, i.line])).toEqual([
      ['tasks_invalid_tag', 1],
      ['plan_unknown_dependency', 2],
      ['plan_duplicate_id', 3],
    ]);
  });

  it('leaves a tasks.md without metadata to the numbering rules only', async () => {
    const r = await changeIssues('- [ ] 1.1 a [note: later]\n- [ ] 1.1 b\n- [ ] 1.2 c [after: 1.2\n');
    expect(r.valid).toBe(true);
    expect(r.issues.map((i) => [i.level, i.rule])).toEqual([['WARNING', 'tasks_duplicate_id']]);
  });
});
