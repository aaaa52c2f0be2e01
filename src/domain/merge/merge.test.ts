import { describe, expect, it } from 'vitest';
import { ADD_AUTH_DELTA, AUTH_SPEC, modifyLogin } from '../../../test/helpers/tmp-project.ts';
import { parseDelta } from '../change/delta.ts';
import { scenarioSteps } from '../spec/blocks.ts';
import type { Scenario } from '../spec/model.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { planMerge } from './merge.ts';

const F1 = AUTH_SPEC;
const F2_DELTA = ADD_AUTH_DELTA;

function merge(main: string | undefined, delta: string, opts: { retire?: boolean } = {}) {
  const d = parseDelta(delta, 'auth', 'openspec/changes/c/specs/auth/spec.md');
  expect(d.issues.filter((i) => i.level === 'ERROR')).toEqual([]);
  return planMerge({
    delta: d,
    mainText: main,
    target: 'openspec/specs/auth/spec.md',
    changeName: 'c',
    retire: opts.retire ?? false,
  });
}

const errorsOf = (plan: ReturnType<typeof merge>) =>
  plan.issues.filter((i) => i.level === 'ERROR').map((i) => i.rule);

describe('planMerge', () => {
  it('applies RENAMED, MODIFIED and ADDED in place and counts them', () => {
    const plan = merge(F1, F2_DELTA);
    expect(errorsOf(plan)).toEqual([]);
    expect(plan.counts).toEqual({ added: 1, modified: 1, removed: 0, renamed: 1 });
    const spec = parseSpec(plan.text as string);
    expect(spec.requirements.map((r) => r.name)).toEqual([
      'User Login',
      'Sign Out',
      'Two-Factor Authentication',
    ]);
    expect(spec.requirements[0]?.text).toBe(
      'The system SHALL allow users to log in with email, password and OTP.',
    );
    expect(spec.requirements[1]?.text).toBe('The system SHALL allow users to log out.');
  });

  it('keeps every byte outside the edited blocks', () => {
    const plan = merge(F1, F2_DELTA);
    const text = plan.text as string;
    expect(text.startsWith(F1.slice(0, F1.indexOf('### Requirement: User Login')))).toBe(true);
    expect(text).toContain(
      '### Requirement: Sign Out\nThe system SHALL allow users to log out.\n\n#### Scenario: Logout clears session',
    );
    expect(text.endsWith('- **THEN** an OTP prompt is shown\n')).toBe(true);
  });

  it('is a no-op when the delta is already applied (sync then archive)', () => {
    const once = merge(F1, F2_DELTA).text as string;
    const twice = merge(once, F2_DELTA);
    expect(errorsOf(twice)).toEqual([]);
    expect(twice.action).toBe('unchanged');
    expect(twice.text).toBe(once);
  });

  it('preserves CRLF line endings and a missing final newline', () => {
    const crlf = F1.replace(/\n/g, '\r\n');
    const out = merge(crlf, F2_DELTA).text as string;
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const noFinal = F1.trimEnd();
    const out2 = merge(noFinal, F2_DELTA).text as string;
    expect(out2.endsWith('\n')).toBe(false);
    expect(out2.endsWith('- **THEN** an OTP prompt is shown')).toBe(true);
  });

  it('refuses a MODIFIED that drops a scenario, naming it', () => {
    const delta = `## MODIFIED Requirements\n### Requirement: User Login\nThe system SHALL do X.\n\n#### Scenario: Valid credentials\n- **WHEN** a\n- **THEN** b\n`;
    const plan = merge(F1, delta);
    expect(errorsOf(plan)).toEqual(['merge_scenario_loss']);
    expect(plan.issues[0]?.message).toContain('"Invalid credentials"');
    expect(plan.text).toBeUndefined();
  });

  it('refuses MODIFIED/REMOVED/RENAMED targets that do not exist, and names case variants', () => {
    expect(errorsOf(merge(F1, '## REMOVED Requirements\n- `### Requirement: Ghost`\n'))).toEqual([
      'merge_target_not_found',
    ]);
    const plan = merge(F1, '## REMOVED Requirements\n- `### Requirement: user login`\n');
    expect(errorsOf(plan)).toEqual(['merge_target_case_mismatch']);
    expect(plan.issues[0]?.message).toContain('### Requirement: User Login');
  });

  it('refuses an ADDED name equal to an existing one ignoring case', () => {
    const plan = merge(
      F1,
      '## ADDED Requirements\n### Requirement: user  LOGIN\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n',
    );
    expect(errorsOf(plan)).toEqual(['merge_added_case_collision']);
  });

  it('removes a block with its separator and keeps later sections', () => {
    const main = `${F1}\n## Notes\nKeep me.\n`;
    const plan = merge(main, '## REMOVED Requirements\n- `### Requirement: Logout`\n');
    const text = plan.text as string;
    expect(text).not.toContain('Logout');
    expect(text).toContain('- **THEN** an error is shown\n\n## Notes\nKeep me.\n');
  });

  it('reference case 55: preamble, rename in place, added before a later section', () => {
    const main =
      '# s\n\n## Purpose\nA purpose that is long enough to pass the length check easily.\n\n## Requirements\nPreamble text.\n\n### Requirement: One\nThe system SHALL one.\n\n#### Scenario: a\n- **WHEN** x\n- **THEN** y\n\n### Requirement: Two\nThe system SHALL two.\n\n#### Scenario: b\n- **WHEN** x\n- **THEN** y\n\n## Notes\nn\n';
    const delta =
      '## REMOVED Requirements\n* `### Requirement: One`\n\n## ADDED Requirements\n### Requirement: Zero\nThe system SHALL zero.\n\n#### Scenario: z\n- **WHEN** x\n- **THEN** y\n\n## RENAMED Requirements\nFROM: ### Requirement: Two\nTO: ### Requirement: Deux\n';
    const plan = merge(main, delta);
    expect(errorsOf(plan)).toEqual([]);
    const spec = parseSpec(plan.text as string);
    expect(spec.requirements.map((r) => r.name)).toEqual(['Deux', 'Zero']);
    expect(plan.text).toContain('## Requirements\nPreamble text.\n\n### Requirement: Deux');
    expect(plan.text).toContain('- **THEN** y\n\n## Notes\nn\n');
  });

  it('creates a new capability with the delta Purpose, or a placeholder', () => {
    const delta =
      '## Purpose\nInvoices let customers see and pay what they owe us each month.\n\n## ADDED Requirements\n### Requirement: Invoice listing\nThe system SHALL list invoices.\n\n#### Scenario: list\n- **WHEN** x\n- **THEN** y\n';
    const plan = merge(undefined, delta);
    expect(plan.action).toBe('create');
    expect(parseSpec(plan.text as string).purpose?.text).toBe(
      'Invoices let customers see and pay what they owe us each month.',
    );
    expect(merge(undefined, delta.replace(/## Purpose\n.*\n\n/, '')).text).toContain(
      'TBD - created by archiving change c.',
    );
    expect(
      errorsOf(
        merge(
          undefined,
          '## MODIFIED Requirements\n### Requirement: X\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n',
        ),
      ),
    ).toEqual(['merge_target_missing']);
  });

  it('retires a capability only when asked', () => {
    const delta = '## REMOVED Requirements\n- `### Requirement: User Login`\n- `### Requirement: Logout`\n';
    expect(errorsOf(merge(F1, delta))).toEqual(['merge_would_empty_capability']);
    expect(merge(F1, delta, { retire: true }).action).toBe('retire');
  });

  it('applies scenario-level operations without copying the whole requirement', () => {
    const delta = `## MODIFIED Requirements
### Requirement: User Login

#### ADDED Scenario: Locked account
- **WHEN** a locked user logs in
- **THEN** access is refused

#### RENAMED Scenario: Valid credentials -> Successful login

#### REMOVED Scenario: Invalid credentials
`;
    const plan = merge(F1, delta);
    expect(errorsOf(plan)).toEqual([]);
    const login = parseSpec(plan.text as string).requirements[0];
    expect(login?.text).toBe('The system SHALL allow users to log in with email and password.');
    expect(login?.scenarios.map((s) => s.name)).toEqual(['Successful login', 'Locked account']);
    const doc = parseSpec(plan.text as string).doc;
    expect(scenarioSteps(doc, login?.scenarios[0] as Scenario).map((s) => s.keyword)).toEqual([
      'WHEN',
      'THEN',
    ]);
  });

  it('keeps the untouched lines of a requirement changed by scenario operations', () => {
    const delta =
      '## MODIFIED Requirements\n### Requirement: User Login\n\n#### MODIFIED Scenario: Invalid credentials\n- **WHEN** a user submits a wrong password\n- **THEN** an error is shown\n- **AND** the password field is cleared\n';
    const plan = merge(F1, delta);
    expect(errorsOf(plan)).toEqual([]);
    expect(plan.text).toBe(
      F1.replace(
        '- **THEN** an error is shown\n',
        '- **THEN** an error is shown\n- **AND** the password field is cleared\n',
      ),
    );
  });

  it('refuses to merge into a structurally broken main spec', () => {
    const broken = `${F1}\n## ADDED Requirements\n`;
    expect(errorsOf(merge(broken, F2_DELTA))).toEqual(['merge_target_invalid']);
  });

  it('never drops content absorbed after a requirement under another ### heading', () => {
    const main = F1.replace(
      '### Requirement: Logout',
      '### Notes\nImportant note.\n\n### Requirement: Logout',
    );
    const plan = merge(main, '## REMOVED Requirements\n- `### Requirement: User Login`\n');
    expect(plan.text).toContain('### Notes\nImportant note.');
  });

  const LOGIN_OPEN = modifyLogin('Lockout');

  it('refuses a block that leaves a code fence open and would swallow the next requirement', () => {
    const plan = merge(F1, `${LOGIN_OPEN}\n\`\`\`text\nan example never closed\n`);
    expect(plan.action).toBe('unchanged');
    const issue = plan.issues.find((i) => i.rule === 'merge_result_invalid');
    expect(issue?.message).toBe(
      'auth: the merged openspec/specs/auth/spec.md would not read back as planned: requirement "Logout" would disappear.',
    );
    // The same block with its fence closed merges.
    expect(errorsOf(merge(F1, `${LOGIN_OPEN}\n\`\`\`text\nan example\n\`\`\`\n`))).toEqual([]);
  });

  it('refuses a block that leaves an HTML comment open over a later section', () => {
    const main = `${F1}\n## Notes\n\nKept as written.\n`;
    const delta = [
      '## MODIFIED Requirements',
      '',
      '### Requirement: Logout',
      'The system SHALL allow users to log out.',
      '',
      '#### Scenario: Logout clears session',
      '- **WHEN** a user logs out',
      '- **THEN** the session is destroyed',
      '',
      '<!-- draft note, never closed',
      '',
    ].join('\n');
    const plan = merge(main, delta);
    expect(plan.issues.find((i) => i.rule === 'merge_result_invalid')?.message).toContain(
      'section "Notes" would disappear',
    );
  });

  it('refuses a merge whose result would break a rule the main spec kept', () => {
    const delta =
      '## MODIFIED Requirements\n\n### Requirement: Logout\n\n#### REMOVED Scenario: Logout clears session\n';
    const plan = merge(F1, delta);
    expect(plan.issues.find((i) => i.rule === 'merge_result_invalid')?.message).toBe(
      'auth: the merged openspec/specs/auth/spec.md would be invalid: Requirement "Logout" has no scenario.',
    );
  });

  it('does not blame a merge for errors the main spec already had', () => {
    const main = F1.replace('The system SHALL allow users to log out.', 'Users can log out.');
    const plan = merge(main, F2_DELTA);
    expect(errorsOf(plan)).toEqual([]);
    expect(plan.action).toBe('update');
  });
});

describe('planMerge: content a merge would delete', () => {
  const rulesOf = (plan: ReturnType<typeof merge>) => plan.issues.map((i) => `${i.level}:${i.rule}`);
  const TRAILER = '\n| Field | Kept |\n|---|---|\n| email | yes |\n\n<!-- keep: audit trail reference -->\n';
  /** F1 with a table and an HTML comment after User Login's last scenario. */
  const WITH_TABLE = F1.replace('\n### Requirement: Logout', `${TRAILER}\n### Requirement: Logout`);
  const REMOVE_LOGOUT = '## REMOVED Requirements\n- `### Requirement: Logout`\n';

  it('warns when a whole-block MODIFIED drops an HTML comment and notes a dropped table, naming their main-spec lines', () => {
    const plan = merge(WITH_TABLE, modifyLogin('Lockout'));
    expect(rulesOf(plan)).toEqual(['WARNING:merge_content_dropped', 'INFO:merge_content_dropped']);
    expect(plan.action).toBe('update');
    const what =
      'auth: MODIFIED "User Login" deletes content of the current block in openspec/specs/auth/spec.md that the MODIFIED block does not repeat:';
    expect(plan.issues.map((i) => i.message)).toEqual([
      `${what} HTML comment at line 22 ("<!-- keep: audit trail reference -->").`,
      `${what} table at line 18 ("| Field | Kept |").`,
    ]);
    expect(plan.issues.map((i) => i.line)).toEqual([3, 3]);
  });

  it('does not warn when the MODIFIED block keeps the content, edited or not, or changes only prose', () => {
    const kept = `${modifyLogin('Lockout')}${TRAILER.replace('| yes |', '| no |')}`;
    expect(rulesOf(merge(WITH_TABLE, kept))).toEqual([]);
    const prose = `${modifyLogin('Lockout')}`.replace('email and password', 'email or passkey');
    expect(rulesOf(merge(F1, prose))).toEqual([]);
  });

  it('warns when scenario operations drop a scenario holding a code block', () => {
    const main = F1.replace(
      '- **THEN** an error is shown\n',
      '- **THEN** an error is shown\n\n```json\n{}\n```\n',
    );
    const delta =
      '## MODIFIED Requirements\n### Requirement: User Login\n\n#### REMOVED Scenario: Invalid credentials\n';
    expect(merge(main, delta).issues.map((i) => i.message)).toEqual([
      expect.stringContaining('code block at line 18 ("```json")'),
    ]);
  });

  it('warns when a REMOVED takes a heading indented into its last list item along', () => {
    const main = `${F1}   ## Notes\nKeep this note.\n`;
    const plan = merge(main, REMOVE_LOGOUT);
    expect(rulesOf(plan)).toEqual(['WARNING:merge_content_dropped']);
    expect(plan.issues[0]?.message).toContain('REMOVED "Logout" also deletes');
    expect(plan.issues[0]?.message).toContain('heading at line 24 ("## Notes")');
    expect(rulesOf(merge(F1, REMOVE_LOGOUT))).toEqual([]);
  });

  it('lets a REMOVED take its own tables and code along, but names an HTML comment it deletes', () => {
    const withTable = WITH_TABLE.replace(
      '<!-- keep: audit trail reference -->\n',
      '\n```sh\nlogin --help\n```\n',
    );
    const removeLogin = '## REMOVED Requirements\n- `### Requirement: User Login`\n';
    expect(rulesOf(merge(withTable, removeLogin))).toEqual([]);
    const plan = merge(WITH_TABLE, removeLogin);
    expect(rulesOf(plan)).toEqual(['WARNING:merge_content_dropped']);
    expect(plan.issues[0]?.message).toContain('HTML comment at line 22');
    expect(plan.issues[0]?.message).not.toContain('table');
  });

  const RETIRE_ALL = `${REMOVE_LOGOUT}- \`### Requirement: User Login\`\n`;

  it('refuses to retire a capability whose spec holds other sections, naming them', () => {
    const main = `${F1}\n## Notes\nImportant design rationale.\n`;
    const plan = merge(main, RETIRE_ALL, { retire: true });
    expect(plan.action).toBe('unchanged');
    expect(plan.issues).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        rule: 'merge_retire_extra_content',
        file: 'openspec/specs/auth/spec.md',
        line: 25,
        message: expect.stringContaining('line 25 "## Notes" (+1 line)'),
      }),
    ]);
    const without = merge(main, RETIRE_ALL);
    expect(errorsOf(without)).toEqual(['merge_would_empty_capability']);
    expect(without.issues[0]?.fix).toContain('line 25 "## Notes"');
  });

  it('retires a spec whose only other lines are wrapped scenario bullets', () => {
    const main = F1.replace('- **THEN** the session is destroyed', '- **THEN** the session\nis destroyed');
    expect(merge(main, RETIRE_ALL, { retire: true }).action).toBe('retire');
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\n\t\n'],
    ['a BOM and a newline', '\uFEFF\n'],
  ])('refuses to merge into a main spec that is %s', (_, main) => {
    const plan = merge(main, F2_DELTA);
    expect(plan.action).toBe('unchanged');
    expect(plan.text).toBeUndefined();
    expect(errorsOf(plan)).toEqual(['merge_target_invalid']);
    expect(plan.issues[0]?.message).toContain('openspec/specs/auth/spec.md is');
  });
});

describe('separators between requirements', () => {
  const req = (name: string, step = 'b') =>
    `### Requirement: ${name}\nThe system SHALL ${name.toLowerCase()}.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** ${step}\n`;
  const head =
    '# auth\n\n## Purpose\nAuthentication for the web application, covering login and logout.\n\n## Requirements\n\n';
  const main = `${head}${req('A')}\n---\n\n${req('B')}\n* * *\n\n## Notes\nKept.\n`;

  it('stay in place when the block before them is MODIFIED', () => {
    const plan = merge(main, `## MODIFIED Requirements\n${req('A', 'c')}\n---\n`);
    expect(errorsOf(plan)).toEqual([]);
    expect(plan.text).toBe(main.replace('- **THEN** b\n\n---', '- **THEN** c\n\n---'));
  });

  it('are not doubled up when a block between two of them is REMOVED (it goes with the gap before it)', () => {
    const plan = merge(
      main,
      '## REMOVED Requirements\n- `### Requirement: B`\n**Reason**: r\n**Migration**: m\n',
    );
    expect(errorsOf(plan)).toEqual([]);
    expect(plan.text).toBe(`${head}${req('A')}\n* * *\n\n## Notes\nKept.\n`);
  });

  it('under a paragraph line are a setext underline and belong to the block', () => {
    const setext = `${head}${req('A')}Closing words\n---\n\n${req('B')}`;
    const plan = merge(setext, `## MODIFIED Requirements\n${req('A', 'c')}`);
    expect(plan.text).toBe(`${head}${req('A', 'c')}\n${req('B')}`);
  });
});
