import { describe, expect, it } from 'vitest';
import { parseDelta } from '../change/delta.ts';
import { parseTasks } from '../tasks/parse-tasks.ts';
import type { SpecSource } from './coverage.ts';
import { checkChangeTasks, planTasks } from './plan-tasks.ts';

const MAIN_AUTH = `# auth Specification

## Purpose
Sign-in for the web application, with passwords and sessions.

## Requirements
### Requirement: User Login
The system SHALL sign users in.

#### Scenario: Valid credentials
- **WHEN** a user submits valid credentials
- **THEN** a session is created

#### Scenario: Wrong password
- **WHEN** a user submits a wrong password
- **THEN** an error is shown

### Requirement: Logout
The system SHALL sign users out.

#### Scenario: Logout clears session
- **WHEN** a user logs out
- **THEN** the session is destroyed
`;

const DELTA_AUTH = `## ADDED Requirements
### Requirement: Two-Factor Authentication
The system MUST ask for a one-time code.

#### Scenario: OTP required
- **WHEN** a user passes the password step
- **THEN** an OTP prompt is shown

#### Scenario: OTP expired
- **WHEN** the code is older than five minutes
- **THEN** it is refused

## MODIFIED Requirements
### Requirement: User Login

#### ADDED Scenario: Locked account
- **WHEN** a locked user signs in
- **THEN** access is refused

#### RENAMED Scenario: Wrong password -> Invalid credentials

## RENAMED Requirements
- FROM: \`### Requirement: Logout\`
- TO: \`### Requirement: Sign Out\`
`;

const DELTA_FILE = 'openspec/changes/c/specs/auth/spec.md';

function source(mains: Record<string, string> = { auth: MAIN_AUTH }): SpecSource {
  return { deltas: [parseDelta(DELTA_AUTH, 'auth', DELTA_FILE)], mainSpec: (cap) => mains[cap] };
}

function plan(lines: string[], src = source()) {
  return planTasks(parseTasks(`${lines.join('\n')}\n`), src);
}

function rules(p: ReturnType<typeof plan>) {
  return p.issues.map((i) => [i.level, i.rule, i.line]);
}

describe('planTasks', () => {
  it('plans a plain tasks.md as independent tasks and reports numbering only', () => {
    const p = plan(['## 1. Build', '- [x] 1.1 a', '- [ ] 1.2 b', '- [ ] 1.2 c', '  - [ ] 1.2.1 sub']);
    expect(p.usesMetadata).toBe(false);
    expect(p.waves).toEqual([{ wave: 1, tasks: ['1.1', '1.2'], progress: { done: 1, total: 2 } }]);
    expect(p.criticalPath).toEqual({ tasks: ['1.1'], length: 1 });
    expect(rules(p)).toEqual([['WARNING', 'tasks_duplicate_id', 4]]);
  });

  it('builds waves, critical path, resource waits, phases and progress', () => {
    const p = plan([
      '## 1. Data',
      '- [x] 1.1 Schema [size: S] [uses: db]',
      '  - Every table has a primary key',
      '- [ ] 1.2 Seed data [size: XS] [uses: db]',
      '## 2. API',
      '- [ ] 2.1 Endpoints [size: L] [after: 1.1] [covers: auth#user login, auth# Two-Factor Authentication ]',
      '- [ ] 2.2 Docs [after: 2.1] [covers: auth#User Login/Locked account]',
    ]);
    expect(p.issues).toEqual([]);
    expect(p.waves).toEqual([
      { wave: 1, tasks: ['1.1'], progress: { done: 1, total: 1 } },
      { wave: 2, tasks: ['1.2', '2.1'], progress: { done: 0, total: 2 } },
      { wave: 3, tasks: ['2.2'], progress: { done: 0, total: 1 } },
    ]);
    expect(p.criticalPath).toEqual({ tasks: ['1.1', '2.1', '2.2'], length: 11 });
    expect(p.resources).toEqual([
      { name: 'db', tasks: ['1.1', '1.2'], waits: [{ task: '1.2', behind: '1.1', wave: 1 }] },
    ]);
    expect(p.phases.map((ph) => [ph.heading, ph.number, ph.tasks, ph.progress.done])).toEqual([
      ['1. Data', 1, ['1.1', '1.2'], 1],
      ['2. API', 2, ['2.1', '2.2'], 0],
    ]);
    expect(p.tasks[0]).toEqual({
      id: '1.1',
      line: 2,
      text: 'Schema',
      done: true,
      phase: '1. Data',
      size: 'S',
      weight: 2,
      after: [],
      covers: [],
      uses: ['db'],
      criteria: ['Every table has a primary key'],
      wave: 1,
    });
    expect(p.progress).toEqual({ done: 1, total: 4 });
  });

  it('takes size weights from the caller', () => {
    const p = planTasks(parseTasks('- [ ] 1.1 a [size: XL]\n- [ ] 1.2 b [after: 1.1]\n'), source(), {
      XL: 100,
      unsized: 3,
    });
    expect(p.criticalPath.length).toBe(103);
    expect(p.weights).toMatchObject({ XS: 1, XL: 100, unsized: 3 });
  });

  it('reports layout errors: duplicate ids, tags nobody reads, unknown and sub-task dependencies', () => {
    const p = plan([
      '- [ ] 1.1 a [size: S]',
      '  - [ ] 1.1.1 sub [size: XS]',
      '- [ ] 1.1 again',
      '- [ ] no id [after: 1.1]',
      '- [ ] no id, no tags',
      '- [ ] 1.2 b [after: 1.1.1, 9.9]',
    ]);
    expect(rules(p)).toEqual([
      ['ERROR', 'tasks_nested_tag', 2],
      ['ERROR', 'plan_duplicate_id', 3],
      ['ERROR', 'tasks_tag_without_id', 4],
      ['WARNING', 'plan_task_without_id', 5],
      ['ERROR', 'plan_unknown_dependency', 6],
      ['ERROR', 'plan_unknown_dependency', 6],
    ]);
    expect(p.issues[4]?.message).toBe(
      'Task 1.2 is after 1.1.1, which is a sub-task; only top-level tasks are planned.',
    );
    expect(p.issues[5]?.message).toBe('Task 1.2 is after 9.9, but there is no task 9.9.');
    expect(p.waves.map((w) => w.tasks)).toEqual([['1.1', '1.2']]);
  });

  it('prints each cycle on the line of its first task and leaves its tasks unscheduled', () => {
    const p = plan([
      '- [ ] 1.1 a [after: 1.3]',
      '- [ ] 1.2 b [after: 1.1]',
      '- [ ] 1.3 c [after: 1.2]',
      '- [ ] 1.4 d',
    ]);
    expect(p.issues).toEqual([
      {
        level: 'ERROR',
        rule: 'plan_cycle',
        message:
          'Tasks depend on each other in a circle: 1.1 → 1.2 → 1.3 → 1.1 (each comes after the one before it).',
        line: 1,
        fix: 'Remove one of the [after: …] entries on the cycle, e.g. 1.3 from task 1.1.',
      },
    ]);
    expect(p.unscheduled).toEqual(['1.1', '1.2', '1.3']);
    expect(p.tasks.map((t) => t.wave)).toEqual([null, null, null, 1]);
  });

  it('checks covers against the deltas and the main specs, ignoring case and surrounding spaces', () => {
    const p = plan([
      '- [ ] 1.1 ok [covers: auth#  USER LOGIN / valid credentials , auth#Sign Out/Logout clears session]',
      '- [ ] 1.2 ok [covers: auth#User Login/Invalid credentials, auth#Two-Factor Authentication/OTP expired]',
      '- [ ] 1.3 bad [covers: billing#Invoices, auth#Sign-out, auth#User Login/Valid credential]',
    ]);
    expect(p.issues.filter((i) => i.level === 'ERROR').map((i) => [i.line, i.message, i.fix])).toEqual([
      [
        3,
        'Task 1.3 covers "billing#Invoices", but capability "billing" has no spec, in openspec/specs or in the change.',
        'Name a requirement (and scenario) of the change’s delta specs or of openspec/specs.',
      ],
      [
        3,
        'Task 1.3 covers "auth#Sign-out", but auth has no requirement of that name.',
        'Did you mean: Sign Out?',
      ],
      [
        3,
        'Task 1.3 covers "auth#User Login/Valid credential", but requirement "User Login" of auth has no such scenario.',
        'Did you mean: User Login/Valid credentials, User Login/Invalid credentials?',
      ],
    ]);
  });

  it('warns, in the delta file, about scenarios the change adds or rewrites that no task covers', () => {
    const p = plan(['- [ ] 1.1 a [covers: auth#Two-Factor Authentication/OTP required]']);
    expect(p.issues).toEqual([
      {
        level: 'WARNING',
        rule: 'plan_uncovered_scenario',
        message:
          'Scenario "OTP expired" of ADDED requirement "Two-Factor Authentication" (auth) is covered by no task.',
        file: DELTA_FILE,
        line: 9,
        fix: 'Add [covers: auth#Two-Factor Authentication/OTP expired] to the task that implements it.',
      },
      expect.objectContaining({
        message: expect.stringContaining('"Locked account" of MODIFIED requirement'),
      }),
    ]);
  });

  it('does not ask for coverage until some task declares covers', () => {
    expect(plan(['- [ ] 1.1 a [size: S]']).issues).toEqual([]);
  });
});

describe('checkChangeTasks', () => {
  it('is the numbering check for plain files and the plan issues otherwise', () => {
    const plain = parseTasks('- [ ] 1.1 a\n- [ ] 1.3 b [note: x]\n');
    expect(checkChangeTasks(plain, source()).map((i) => i.rule)).toEqual(['tasks_numbering_gap']);
    const tagged = parseTasks('- [ ] 1.1 a [after: 1.2]\n- [ ] 1.2 b [after: 1.1] [note: x]\n');
    expect(checkChangeTasks(tagged, source()).map((i) => i.rule)).toEqual([
      'plan_cycle',
      'tasks_unknown_tag',
    ]);
  });
});
