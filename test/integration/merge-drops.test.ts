import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveChange } from '../../src/app/archive.ts';
import { syncChange } from '../../src/app/sync.ts';
import type { FileOp } from '../../src/io/atomic-write.ts';
import { type CliRun, runCli } from '../helpers/cli.ts';
import { AUTH_SPEC, f2Files, modifyLogin, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

// Content a merge would delete without a word: whole-block MODIFIED and REMOVED (merge_content_dropped),
// retiring a capability whose spec holds more than its requirements (merge_retire_extra_content), and
// merging into an empty main spec (merge_target_invalid). Exit codes come from the built CLI.

const { project } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const SPEC = 'openspec/specs/auth/spec.md';
const DELTA = 'openspec/changes/add-auth/specs/auth/spec.md';
const META = 'openspec/changes/add-auth/.openspec.yaml';
const NOW = new Date(2026, 10, 21, 10, 0);
const archiveOpts = { yes: true, skipSpecs: false, noValidate: false, now: NOW };

const TABLE_AND_COMMENT =
  '\n| Field | Kept |\n|---|---|\n| email | yes |\n\n<!-- keep: audit trail reference -->\n';
const REMOVE_LOGOUT =
  '## REMOVED Requirements\n- `### Requirement: Logout`\n**Reason**: r\n**Migration**: m\n';
const RETIRE_ALL = `${REMOVE_LOGOUT}\n### Requirement: User Login\n**Reason**: r\n**Migration**: m\n`;

function files(main: string, delta: string, meta?: string): Record<string, string> {
  const f = f2Files();
  f[SPEC] = main;
  f[DELTA] = delta;
  if (meta !== undefined) f[META] = meta;
  return f;
}

const rules = (r: CliRun) =>
  ((r.json() as Json).items[0].issues as Json[]).map((i) => `${i.level}:${i.rule}`);

describe('merge_content_dropped', () => {
  const main = AUTH_SPEC.replace(
    '\n### Requirement: Logout',
    `${TABLE_AND_COMMENT}\n### Requirement: Logout`,
  );

  it('warns when a MODIFIED drops an HTML comment and notes a dropped table; --strict fails on the comment only; archive reports it', () => {
    const root = project(files(main, modifyLogin('Lockout')));
    const r = runCli(root, ['validate', 'add-auth', '--json']);
    expect(r.code).toBe(0);
    expect(rules(r)).toEqual(['WARNING:merge_content_dropped', 'INFO:merge_content_dropped']);
    const [comment, table] = (r.json() as Json).items[0].issues;
    expect(comment).toMatchObject({ file: DELTA, line: 3 });
    expect(comment.message).toContain('HTML comment at line 22 ("<!-- keep: audit trail reference -->")');
    expect(table.message).toContain('table at line 18 ("| Field | Kept |")');
    expect(runCli(root, ['validate', 'add-auth', '--strict']).code).toBe(1);
    const tableOnly = project(
      files(main.replace('<!-- keep: audit trail reference -->\n', ''), modifyLogin('Lockout')),
    );
    expect(runCli(tableOnly, ['validate', 'add-auth', '--strict']).code).toBe(0);
    // Like every other merge warning, it does not stop archive, which prints it.
    const a = runCli(root, ['archive', 'add-auth', '-y']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('merge_content_dropped');
    expect(read(root, SPEC)).not.toContain('| Field | Kept |');
  });

  it('stays quiet when the MODIFIED block repeats the content', () => {
    const root = project(files(main, `${modifyLogin('Lockout')}${TABLE_AND_COMMENT}`));
    const r = runCli(root, ['validate', 'add-auth', '--strict', '--json']);
    expect(r.code).toBe(0);
    expect(rules(r)).toEqual([]);
  });

  it('warns when a REMOVED takes a heading indented into the last list item along', async () => {
    const root = project(files(`${AUTH_SPEC}   ## Notes\nKeep this note.\n`, REMOVE_LOGOUT));
    const r = runCli(root, ['validate', 'add-auth', '--json']);
    expect(rules(r)).toEqual(['WARNING:merge_content_dropped']);
    expect((r.json() as Json).items[0].issues[0].message).toContain('heading at line 24 ("## Notes")');
    expect(runCli(root, ['validate', 'add-auth', '--strict']).code).toBe(1);
    const s = await syncChange(root, 'add-auth', { now: NOW });
    expect(s.issues.map((i) => i.rule)).toEqual(['merge_content_dropped']);
  });
});

describe('capability retirement', () => {
  const RETIRE = 'schema: spec-driven\nretire_capabilities: true\n';

  it('refuses to retire a spec with extra sections: validate, sync and archive fail, nothing written', () => {
    const root = project(files(`${AUTH_SPEC}\n## Notes\nImportant design rationale.\n`, RETIRE_ALL, RETIRE));
    const before = snapshotTree(root);
    const v = runCli(root, ['validate', 'add-auth', '--json']);
    expect(v.code).toBe(1);
    expect(rules(v)).toEqual(['ERROR:merge_retire_extra_content']);
    expect((v.json() as Json).items[0].issues[0]).toMatchObject({
      file: SPEC,
      line: 25,
      message: expect.stringContaining('line 25 "## Notes" (+1 line)'),
      fix: expect.stringContaining('Move that content'),
    });
    const sync = runCli(root, ['sync', 'add-auth', '--json']);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toContain('merge_retire_extra_content');
    const archive = runCli(root, ['archive', 'add-auth', '-y', '--json']);
    expect(archive.code).toBe(1);
    expect((archive.json() as Json).issues.map((i: Json) => i.rule)).toEqual(['merge_retire_extra_content']);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('retires a spec with wrapped scenario bullets and removes the emptied capability folder', () => {
    const wrapped = AUTH_SPEC.replace(
      '- **THEN** the session is destroyed',
      '- **THEN** the session\nis destroyed',
    );
    const root = project(files(wrapped, RETIRE_ALL, RETIRE));
    const r = runCli(root, ['archive', 'add-auth', '-y']);
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'openspec/specs/auth'))).toBe(false);
    expect(existsSync(join(root, 'openspec/specs'))).toBe(true);
  });

  it('keeps the capability folder when it holds other files', async () => {
    const root = project({
      ...files(AUTH_SPEC, RETIRE_ALL, RETIRE),
      'openspec/specs/auth/diagram.png': 'png',
    });
    const r = await syncChange(root, 'add-auth', { now: NOW });
    expect(r.specs[0]?.action).toBe('retire');
    expect(existsSync(join(root, SPEC))).toBe(false);
    expect(read(root, 'openspec/specs/auth/diagram.png')).toBe('png');
  });

  it('restores the folder and its spec when a later step of the archive fails', async () => {
    const root = project(files(AUTH_SPEC, RETIRE_ALL, RETIRE));
    const before = snapshotTree(root);
    const failing = {
      ...archiveOpts,
      beforeOp: (_op: unknown, index: number) => {
        if (index === 1) throw new Error('injected failure after the folder was removed');
      },
    };
    await expect(archiveChange(root, 'add-auth', failing)).rejects.toThrow('injected failure');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('never removes a folder that gained a file after the plan', async () => {
    const root = project(files(AUTH_SPEC, RETIRE_ALL, RETIRE));
    const before = snapshotTree(root);
    const late = {
      ...archiveOpts,
      beforeOp: (_op: unknown, index: number) => {
        if (index === 0) writeFileSync(join(root, 'openspec/specs/auth/late.md'), 'late');
      },
    };
    await expect(archiveChange(root, 'add-auth', late)).rejects.toMatchObject({
      code: 'delete_target_changed',
    });
    expect(snapshotTree(root)).toEqual({ ...before, 'openspec/specs/auth/late.md': expect.any(String) });
  });
});

describe('retiring a nested capability', () => {
  const RETIRE = 'schema: spec-driven\nretire_capabilities: true\n';
  const ADDED =
    '## ADDED Requirements\n\n### Requirement: Sessions\nThe system SHALL keep sessions.\n\n#### Scenario: Kept\n- **WHEN** a user logs in\n- **THEN** a session is kept\n';
  const MAIN = (cap: string) => `openspec/specs/${cap}/spec.md`;
  const CHANGE_DELTA = (cap: string) => `openspec/changes/add-auth/specs/${cap}/spec.md`;

  /** The F2 project with `auth` moved to each capability in `retire`, all retired; `extra` added on top. */
  function nested(retire: string[], extra: Record<string, string> = {}): Record<string, string> {
    const base = Object.entries(files(AUTH_SPEC, RETIRE_ALL, RETIRE)).filter(
      ([k]) => k !== SPEC && k !== DELTA,
    );
    const moved = retire.flatMap((cap) => [
      [MAIN(cap), AUTH_SPEC],
      [CHANGE_DELTA(cap), RETIRE_ALL],
    ]);
    return { ...Object.fromEntries([...base, ...moved]), ...extra };
  }

  const dirs = (root: string) =>
    ['openspec/specs', 'openspec/specs/identity', 'openspec/specs/identity/user-auth'].filter((d) =>
      existsSync(join(root, d)),
    );

  it('removes the parents it empties, up to but not including openspec/specs', async () => {
    const one = project(nested(['identity/user-auth']));
    await archiveChange(one, 'add-auth', archiveOpts);
    expect(dirs(one)).toEqual(['openspec/specs']);
    const two = project(nested(['identity/user-auth', 'identity/sessions']));
    await archiveChange(two, 'add-auth', archiveOpts);
    expect(dirs(two)).toEqual(['openspec/specs']);
    const deep = project(nested(['org/identity/user-auth']));
    await archiveChange(deep, 'add-auth', archiveOpts);
    expect(existsSync(join(deep, 'openspec/specs/org'))).toBe(false);
    expect(existsSync(join(deep, 'openspec/specs'))).toBe(true);
  });

  it('keeps a parent that holds anything else, or that a new capability is written into', async () => {
    const dotted = project(nested(['identity/user-auth'], { 'openspec/specs/identity/.keep': '' }));
    await archiveChange(dotted, 'add-auth', archiveOpts);
    expect(dirs(dotted)).toEqual(['openspec/specs', 'openspec/specs/identity']);
    const created = project(nested(['identity/user-auth'], { [CHANGE_DELTA('identity/sessions')]: ADDED }));
    await archiveChange(created, 'add-auth', archiveOpts);
    expect(dirs(created)).toEqual(['openspec/specs', 'openspec/specs/identity']);
    expect(read(created, MAIN('identity/sessions'))).toContain('### Requirement: Sessions');
  });

  it('restores every folder when a later step fails, and never removes a parent that gained a file', async () => {
    const root = project(nested(['identity/user-auth']));
    const before = snapshotTree(root);
    const ops: string[] = [];
    const failing = {
      ...archiveOpts,
      beforeOp: (op: FileOp, index: number) => {
        ops.push(op.kind === 'move' ? op.kind : `${op.kind} ${op.path}`);
        if (index === 2) throw new Error('injected failure after the parent was removed');
      },
    };
    await expect(archiveChange(root, 'add-auth', failing)).rejects.toThrow('injected failure');
    expect(ops).toEqual([
      'delete openspec/specs/identity/user-auth',
      'delete openspec/specs/identity',
      'move',
    ]);
    expect(snapshotTree(root)).toEqual(before);
    const late = {
      ...archiveOpts,
      beforeOp: (_op: unknown, index: number) => {
        if (index === 1) writeFileSync(join(root, 'openspec/specs/identity/late.md'), 'late');
      },
    };
    await expect(archiveChange(root, 'add-auth', late)).rejects.toMatchObject({
      code: 'delete_target_changed',
      message: 'openspec/specs/identity is no longer empty; nothing is removed.',
    });
    expect(snapshotTree(root)).toEqual({ ...before, 'openspec/specs/identity/late.md': expect.any(String) });
  });
});

describe('an empty main spec', () => {
  it.each([
    ['0 bytes', ''],
    ['whitespace only', '  \n\n\t\n'],
  ])('is merge_target_invalid (%s): validate fails, sync and archive refuse, nothing written', (_, main) => {
    const root = project(files(main, f2Files()[DELTA] as string));
    const before = snapshotTree(root);
    const v = runCli(root, ['validate', 'add-auth', '--json']);
    expect(v.code).toBe(1);
    expect(rules(v)).toEqual(['ERROR:merge_target_invalid']);
    expect((v.json() as Json).items[0].issues[0].message).toContain(`${SPEC} is`);
    const sync = runCli(root, ['sync', 'add-auth']);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain('merge_target_invalid');
    const archive = runCli(root, ['archive', 'add-auth', '-y']);
    expect(archive.code).toBe(1);
    expect(archive.stderr).toContain('merge_target_invalid');
    expect(snapshotTree(root)).toEqual(before);
  });
});
