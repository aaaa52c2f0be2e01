import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveChange } from '../../src/app/archive.ts';
import { SyncRefused, syncChange } from '../../src/app/sync.ts';
import { runValidation } from '../../src/app/validate.ts';
import { parseSpec } from '../../src/domain/spec/parse-spec.ts';
import { parseYaml } from '../../src/io/yaml.ts';
import { AUTH_SPEC, f2Files, modifyLogin, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const T1 = new Date('2026-11-21T10:00:00.000Z');
const T2 = new Date('2026-11-22T10:00:00.000Z');
const archiveOpts = { yes: true, skipSpecs: false, noValidate: false, now: T2 };
const SPEC = 'openspec/specs/auth/spec.md';
const DELTA = 'openspec/changes/add-auth/specs/auth/spec.md';
const META = 'openspec/changes/add-auth/.openspec.yaml';

const temp = tempProjects();
const project = (files: Record<string, string> = f2Files()) => temp.project(files);

async function meta(root: string, rel = META): Promise<Record<string, unknown>> {
  const parsed = await parseYaml(read(root, rel), rel);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.data as Record<string, unknown>;
}

const names = (root: string) => parseSpec(read(root, SPEC)).requirements.map((q) => q.name);

const REMOVE_LOGOUT = `## REMOVED Requirements
### Requirement: Logout
**Reason**: sessions expire on their own
**Migration**: none
`;

describe('syncChange', () => {
  it('applies the deltas like archive, leaves the change open and records what it applied', async () => {
    const root = project();
    const before = snapshotTree(root);
    const r = await syncChange(root, 'add-auth', { now: T1 });
    expect(r.totals).toEqual({ added: 1, modified: 1, removed: 0, renamed: 1 });
    expect(r.specs).toEqual([{ capability: 'auth', target: SPEC, action: 'update', counts: r.totals }]);
    expect(names(root)).toEqual(['User Login', 'Sign Out', 'Two-Factor Authentication']);
    expect(existsSync(join(root, 'openspec/changes/add-auth/tasks.md'))).toBe(true);
    const m = await meta(root);
    expect(m.synced_at).toBe(T1.toISOString());
    expect((m.synced as { op: string; ref: string }[]).map((s) => `${s.op} ${s.ref}`)).toEqual([
      'RENAMED auth#Logout',
      'RENAMED auth#Sign Out',
      'MODIFIED auth#User Login',
      'ADDED auth#Two-Factor Authentication',
    ]);
    expect((m.synced as { hash: string }[]).every((s) => /^[0-9a-f]{16}$/.test(s.hash))).toBe(true);
    // The same bytes archive would produce from the same start.
    const other = project();
    await archiveChange(other, 'add-auth', archiveOpts);
    expect(read(root, SPEC)).toBe(read(other, SPEC));
    const changed = Object.keys(snapshotTree(root)).filter((k) => snapshotTree(root)[k] !== before[k]);
    expect(changed.sort()).toEqual([META, SPEC]);
  });

  it('changes no byte the second time and reports every spec as already in sync', async () => {
    const root = project();
    await syncChange(root, 'add-auth', { now: T1 });
    const after = snapshotTree(root);
    const again = await syncChange(root, 'add-auth', { now: T2 });
    expect(again.specs.map((s) => s.action)).toEqual(['unchanged']);
    expect(again.totals).toEqual({ added: 0, modified: 0, removed: 0, renamed: 0 });
    expect(snapshotTree(root)).toEqual(after);
  });

  it('is followed by an archive that applies nothing twice', async () => {
    const root = project();
    await syncChange(root, 'add-auth', { now: T1 });
    const synced = read(root, SPEC);
    const report = await runValidation(root, { item: 'add-auth', strict: true });
    expect(report.items[0]).toMatchObject({ valid: true, issues: [] });
    const r = await archiveChange(root, 'add-auth', archiveOpts);
    expect(r.specs.map((s) => s.action)).toEqual(['unchanged']);
    expect(r.specsUpdated).toBe(false);
    expect(read(root, SPEC)).toBe(synced);
    const archived = await meta(root, 'openspec/changes/archive/2026-11-22-add-auth/.openspec.yaml');
    expect(archived.touched).toEqual([]);
    expect(archived.synced_at).toBe(T1.toISOString());
  });

  it('treats a REMOVED it applied itself as done; an unrecorded missing target stays an error', async () => {
    const files = f2Files();
    files[DELTA] = REMOVE_LOGOUT;
    files['openspec/changes/drop-logout/.openspec.yaml'] = 'schema: spec-driven\n';
    files['openspec/changes/drop-logout/specs/auth/spec.md'] = REMOVE_LOGOUT;
    const root = project(files);
    const r = await syncChange(root, 'add-auth', { now: T1 });
    expect(r.totals.removed).toBe(1);
    expect(names(root)).toEqual(['User Login']);
    const synced = read(root, SPEC);
    expect((await syncChange(root, 'add-auth', { now: T2 })).totals.removed).toBe(0);
    const own = await runValidation(root, { item: 'add-auth', strict: false });
    expect(own.items[0]?.valid).toBe(true);
    const other = await runValidation(root, { item: 'drop-logout', strict: false });
    expect(other.items[0]?.issues.map((i) => i.rule)).toContain('merge_target_not_found');
    await archiveChange(root, 'add-auth', archiveOpts);
    expect(read(root, SPEC)).toBe(synced);
  });

  it('retires a capability on sync and archives it afterwards without recreating it', async () => {
    const files = f2Files();
    files[DELTA] = `${REMOVE_LOGOUT}### Requirement: User Login\n**Reason**: r\n**Migration**: m\n`;
    files[META] = 'schema: spec-driven\nretire_capabilities: true\n';
    const root = project(files);
    const r = await syncChange(root, 'add-auth', { now: T1 });
    expect(r.specs[0]?.action).toBe('retire');
    expect(existsSync(join(root, SPEC))).toBe(false);
    expect((await syncChange(root, 'add-auth', { now: T2 })).specs[0]?.action).toBe('unchanged');
    const a = await archiveChange(root, 'add-auth', archiveOpts);
    expect(a.specs[0]?.action).toBe('unchanged');
    expect(existsSync(join(root, SPEC))).toBe(false);
  });

  it('applies the difference when the delta is edited after a sync', async () => {
    const root = project();
    await syncChange(root, 'add-auth', { now: T1 });
    const delta = read(root, DELTA)
      .replace('email, password and OTP', 'email, password and a one-time code')
      .replace('after password verification', 'after a correct password');
    writeFileSync(join(root, DELTA), delta);
    const r = await syncChange(root, 'add-auth', { now: T2 });
    // The MODIFIED block is replaced again; the ADDED block this change synced is replaced in place.
    expect(r.totals).toEqual({ added: 0, modified: 2, removed: 0, renamed: 0 });
    expect(names(root)).toEqual(['User Login', 'Sign Out', 'Two-Factor Authentication']);
    expect(read(root, SPEC)).toContain('email, password and a one-time code');
    expect(read(root, SPEC)).toContain('after a correct password');
    expect((await meta(root)).synced_at).toBe(T2.toISOString());
    const after = read(root, SPEC);
    await archiveChange(root, 'add-auth', archiveOpts);
    expect(read(root, SPEC)).toBe(after);
  });

  it('refuses an edited ADDED when the synced block was changed by hand since', async () => {
    const root = project();
    await syncChange(root, 'add-auth', { now: T1 });
    writeFileSync(join(root, SPEC), read(root, SPEC).replace('one-time code', 'one time code'));
    writeFileSync(join(root, DELTA), read(root, DELTA).replace('one-time code', 'OTP'));
    const before = snapshotTree(root);
    const err = await syncChange(root, 'add-auth', { now: T2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncRefused);
    expect((err as SyncRefused).issues.map((i) => i.rule)).toEqual(['merge_added_exists']);
    expect((err as SyncRefused).issues[0]?.message).toContain('changed since this change synced it');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('repeats scenario-level operations as no-ops over its own synced block', async () => {
    const files = f2Files();
    files[DELTA] = `## MODIFIED Requirements
### Requirement: User Login

#### ADDED Scenario: Locked account
- **WHEN** a locked user signs in
- **THEN** access is refused

#### RENAMED Scenario: Valid credentials -> Successful sign-in

#### REMOVED Scenario: Invalid credentials
`;
    const root = project(files);
    await syncChange(root, 'add-auth', { now: T1 });
    const once = read(root, SPEC);
    expect(parseSpec(once).requirements[0]?.scenarios.map((s) => s.name)).toEqual([
      'Successful sign-in',
      'Locked account',
    ]);
    expect((await syncChange(root, 'add-auth', { now: T2 })).specs[0]?.action).toBe('unchanged');
    writeFileSync(
      join(root, DELTA),
      `${read(root, DELTA)}\n#### ADDED Scenario: Expired password\n- **WHEN** the password expired\n- **THEN** a reset is required\n`,
    );
    const r = await syncChange(root, 'add-auth', { now: T2 });
    expect(r.totals.modified).toBe(1);
    expect(parseSpec(read(root, SPEC)).requirements[0]?.scenarios.map((s) => s.name)).toEqual([
      'Successful sign-in',
      'Locked account',
      'Expired password',
    ]);
    const synced = read(root, SPEC);
    await archiveChange(root, 'add-auth', archiveOpts);
    expect(read(root, SPEC)).toBe(synced);
  });

  it('creates a new capability once and then leaves it alone', async () => {
    const files = f2Files();
    files['openspec/changes/add-auth/specs/audit/spec.md'] =
      '## ADDED Requirements\n### Requirement: Audit Log\nThe system SHALL log sign-ins.\n\n#### Scenario: Logged\n- **WHEN** a user signs in\n- **THEN** an entry is written\n';
    const root = project(files);
    const r = await syncChange(root, 'add-auth', { now: T1 });
    expect(r.specs.map((s) => `${s.capability} ${s.action}`)).toEqual(['audit create', 'auth update']);
    const after = snapshotTree(root);
    const again = await syncChange(root, 'add-auth', { now: T2 });
    expect(again.specs.map((s) => s.action)).toEqual(['unchanged', 'unchanged']);
    expect(snapshotTree(root)).toEqual(after);
  });

  it('has nothing to do for a change without deltas that says skip_specs', async () => {
    const root = project({
      'openspec/changes/notes/.openspec.yaml': 'schema: spec-driven\nskip_specs: true\n',
    });
    const before = snapshotTree(root);
    const r = await syncChange(root, 'notes', { now: T1 });
    expect(r.specs).toEqual([]);
    expect(r.issues.map((i) => i.rule)).toEqual(['change_skip_specs']);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses exactly what validate reports, changing nothing', async () => {
    const files = f2Files();
    files[DELTA] =
      '## MODIFIED Requirements\n### Requirement: Missing\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n';
    const root = project(files);
    const before = snapshotTree(root);
    const err = await syncChange(root, 'add-auth', { now: T1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncRefused);
    expect(err).toMatchObject({ code: 'sync_validation_failed' });
    expect((err as SyncRefused).issues.map((i) => i.rule)).toEqual(['merge_target_not_found']);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('rolls back to byte-identical files when the metadata write fails after the spec writes', async () => {
    const files = f2Files();
    files['openspec/specs/billing/spec.md'] = AUTH_SPEC.replace('auth', 'billing');
    files['openspec/changes/add-auth/specs/billing/spec.md'] = REMOVE_LOGOUT;
    const root = project(files);
    const before = snapshotTree(root);
    const ops: string[] = [];
    const beforeOp = (op: { kind: string; path?: string }, index: number) => {
      ops.push(`${op.kind} ${op.path}`);
      if (index === 2) throw new Error('injected failure on the metadata write');
    };
    await expect(syncChange(root, 'add-auth', { now: T1, beforeOp })).rejects.toThrow('injected');
    expect(ops).toEqual([`write ${SPEC}`, 'write openspec/specs/billing/spec.md', `write ${META}`]);
    expect(snapshotTree(root)).toEqual(before);
  });
});

function changeFiles(name: string, createdAt: string, delta: string): Record<string, string> {
  return {
    [`openspec/changes/${name}/.openspec.yaml`]: `schema: spec-driven\ncreated: ${createdAt.slice(0, 10)}\ncreated_at: ${createdAt}\n`,
    [`openspec/changes/${name}/specs/auth/spec.md`]: delta,
  };
}

/** add-captcha rewritten against the text add-lockout synced. */
const captchaOnLockout = modifyLogin('Lockout').replace(
  '#### Scenario: Lockout',
  '#### Scenario: Captcha\n- **WHEN** captcha happens\n- **THEN** it is handled\n\n#### Scenario: Lockout',
);

const rulesOf = async (root: string, name: string) =>
  (await runValidation(root, { item: name, strict: false })).items[0]?.issues.map((i) => i.rule) ?? [];

describe('sync and the staleness ledger', () => {
  function lockoutAndCaptcha(): string {
    return project({
      [SPEC]: AUTH_SPEC,
      ...changeFiles('add-lockout', '2026-11-01T09:00:00.000Z', modifyLogin('Lockout')),
      ...changeFiles('add-captcha', '2026-11-02T09:00:00.000Z', modifyLogin('Captcha')),
    });
  }

  it('refuses another change written before the sync that modifies the same requirement', async () => {
    const root = lockoutAndCaptcha();
    await syncChange(root, 'add-lockout', { now: new Date('2026-11-03T10:00:00Z') });
    const synced = read(root, SPEC);
    const report = await runValidation(root, { item: 'add-captcha', strict: false });
    const stale = report.items[0]?.issues.find((i) => i.rule === 'merge_stale_base');
    expect(stale?.level).toBe('ERROR');
    expect(stale?.message).toContain(
      'change add-lockout modified that requirement (synced 2026-11-03T10:00:00',
    );
    await expect(syncChange(root, 'add-captcha', { now: T2 })).rejects.toMatchObject({
      code: 'sync_validation_failed',
    });
    await expect(archiveChange(root, 'add-captcha', archiveOpts)).rejects.toMatchObject({
      code: 'archive_validation_failed',
    });
    expect(read(root, SPEC)).toBe(synced);
    // The synced change itself is neither stale nor blocked by its own record.
    expect(await rulesOf(root, 'add-lockout')).toEqual([]);
    await archiveChange(root, 'add-lockout', archiveOpts);
    expect(read(root, SPEC)).toBe(synced);
    expect(await rulesOf(root, 'add-captcha')).toContain('merge_stale_base');
  });

  it('finds the sync record in an active change when validating everything', async () => {
    const root = lockoutAndCaptcha();
    await syncChange(root, 'add-lockout', { now: new Date('2026-11-03T10:00:00Z') });
    // --all reads the active changes' metadata once, for their flags and for the ledger.
    const report = await runValidation(root, { all: true, strict: false });
    const captcha = report.items.find((i) => i.id === 'add-captcha');
    expect(captcha?.issues.map((i) => i.rule)).toContain('merge_stale_base');
    const lockout = report.items.find((i) => i.id === 'add-lockout');
    expect(lockout?.issues.map((i) => i.rule)).not.toContain('merge_stale_base');
  });

  it('accepts a change written after the sync, also once the synced change is archived', async () => {
    const root = lockoutAndCaptcha();
    await syncChange(root, 'add-lockout', { now: new Date('2026-11-03T10:00:00Z') });
    writeFileSync(join(root, 'openspec/changes/add-captcha/specs/auth/spec.md'), captchaOnLockout);
    writeFileSync(
      join(root, 'openspec/changes/add-captcha/.openspec.yaml'),
      'schema: spec-driven\ncreated: 2026-11-02\nbase_at: 2026-11-04T09:00:00.000Z\n',
    );
    expect(await rulesOf(root, 'add-captcha')).toEqual([]);
    // Archiving the synced change applies nothing new, so it does not date the requirement again.
    await archiveChange(root, 'add-lockout', archiveOpts);
    expect(await rulesOf(root, 'add-captcha')).toEqual([]);
    await syncChange(root, 'add-captcha', { now: new Date('2026-11-23T10:00:00Z') });
    expect(read(root, SPEC)).toContain('#### Scenario: Captcha');
  });

  it('keeps what later changes built on a synced requirement when the synced change is archived', async () => {
    const root = lockoutAndCaptcha();
    await syncChange(root, 'add-lockout', { now: new Date('2026-11-03T10:00:00Z') });
    writeFileSync(join(root, 'openspec/changes/add-captcha/specs/auth/spec.md'), captchaOnLockout);
    writeFileSync(
      join(root, 'openspec/changes/add-captcha/.openspec.yaml'),
      'schema: spec-driven\nbase_at: 2026-11-04T09:00:00.000Z\n',
    );
    await archiveChange(root, 'add-captcha', { ...archiveOpts, now: new Date('2026-11-05T10:00:00Z') });
    const newer = read(root, SPEC);
    expect(newer).toContain('#### Scenario: Captcha');
    // add-lockout's MODIFIED is done: it is neither stale nor applied again over the newer block.
    expect(await rulesOf(root, 'add-lockout')).toEqual([]);
    expect((await syncChange(root, 'add-lockout', { now: T2 })).specs[0]?.action).toBe('unchanged');
    await archiveChange(root, 'add-lockout', archiveOpts);
    expect(read(root, SPEC)).toBe(newer);
  });

  it('dates the requirement again when an edited change is synced a second time', async () => {
    const root = lockoutAndCaptcha();
    await syncChange(root, 'add-lockout', { now: new Date('2026-11-03T10:00:00Z') });
    writeFileSync(
      join(root, 'openspec/changes/add-captcha/.openspec.yaml'),
      'schema: spec-driven\nbase_at: 2026-11-04T09:00:00.000Z\n',
    );
    expect(await rulesOf(root, 'add-captcha')).not.toContain('merge_stale_base');
    writeFileSync(
      join(root, 'openspec/changes/add-lockout/specs/auth/spec.md'),
      modifyLogin('Lockout').replace('it is handled', 'the account is locked'),
    );
    await syncChange(root, 'add-lockout', { now: new Date('2026-11-05T10:00:00Z') });
    expect(await rulesOf(root, 'add-captcha')).toContain('merge_stale_base');
  });
});
