import { describe, expect, it } from 'vitest';
import { authChangeInput } from '../../../test/helpers/change-input.ts';
import type { MergePlan } from '../merge/merge.ts';
import { parseDelta } from './delta.ts';
import { planChange } from './plan-change.ts';
import {
  blockFingerprint,
  mergeSyncRecords,
  pendingDelta,
  planSyncRecords,
  touchedAfterSync,
} from './sync-record.ts';
import { parseSyncRecords, type SyncRecord } from './sync-record-schema.ts';

const MAIN = `# auth Specification

## Purpose
Authentication for the web application, covering login, logout and session handling.

## Requirements
### Requirement: Login
The system SHALL let users log in.

#### Scenario: Valid
- **WHEN** valid credentials
- **THEN** a session

### Requirement: Logout
The system SHALL let users log out.

#### Scenario: Out
- **WHEN** logging out
- **THEN** no session
`;

const DELTA = `## ADDED Requirements
### Requirement: Audit
The system SHALL log sign-ins.

#### Scenario: Logged
- **WHEN** a user signs in
- **THEN** an entry is written

## REMOVED Requirements
### Requirement: Logout
**Reason**: r
**Migration**: m
`;

function plan(main: string | undefined, deltaText: string, synced?: SyncRecord[]) {
  const input = authChangeInput(deltaText, main, synced ? { synced } : {});
  const { deltas, merges, issues } = planChange(input);
  const merge = merges[0] as MergePlan;
  return { merge, issues, records: planSyncRecords(deltas, input.mainSpecs, merges) };
}

describe('blockFingerprint', () => {
  it('ignores line endings, trailing whitespace and surrounding blank lines, nothing else', () => {
    const a = blockFingerprint(['### Requirement: A', 'Text SHALL x.  ', '']);
    expect(blockFingerprint(['', '### Requirement: A', 'Text SHALL x.'])).toBe(a);
    expect(blockFingerprint(['### Requirement: A', 'Text SHALL y.'])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('planSyncRecords', () => {
  it('records the entries a merge changes, with the resulting or removed block', () => {
    const { records } = plan(MAIN, DELTA);
    expect(records.map((r) => `${r.op} ${r.ref}`)).toEqual(['REMOVED auth#Logout', 'ADDED auth#Audit']);
    const logout = MAIN.slice(MAIN.indexOf('### Requirement: Logout')).trimEnd().split('\n');
    expect(records[0]?.hash).toBe(blockFingerprint(logout));
  });

  it('records nothing for entries that are already applied', () => {
    const first = plan(MAIN, DELTA);
    const again = plan(first.merge.text, DELTA, first.records);
    expect(again.merge.action).toBe('unchanged');
    expect(again.merge.issues).toEqual([]);
    expect(again.records).toEqual([]);
  });
});

describe('merging with sync records', () => {
  it('keeps a REMOVED with a missing target an error unless this change recorded it', () => {
    const first = plan(MAIN, DELTA);
    const rules = (records?: SyncRecord[]) =>
      plan(first.merge.text, DELTA, records).merge.issues.map((i) => i.rule);
    expect(rules(first.records)).toEqual([]);
    expect(rules()).toEqual(['merge_target_not_found']);
    expect(rules([{ op: 'MODIFIED', ref: 'auth#Logout', hash: 'x' }])).toEqual(['merge_target_not_found']);
    expect(rules([{ op: 'REMOVED', ref: 'billing#Logout', hash: 'x' }])).toEqual(['merge_target_not_found']);
  });

  it('replaces an edited ADDED only while the block is exactly what this change synced', () => {
    const first = plan(MAIN, DELTA);
    const edited = DELTA.replace('log sign-ins', 'log every sign-in');
    const again = plan(first.merge.text, edited, first.records);
    expect(again.merge.counts).toEqual({ added: 0, modified: 1, removed: 0, renamed: 0 });
    expect(again.merge.text).toContain('log every sign-in');
    const stale: SyncRecord[] = first.records.map((r) => ({ ...r, hash: '0000000000000000' }));
    expect(plan(first.merge.text, edited, stale).merge.issues.map((i) => i.rule)).toEqual([
      'merge_added_exists',
    ]);
  });
});

describe('pendingDelta', () => {
  it('drops the entries synced and unedited since, even when the main spec changed after the sync', () => {
    const first = plan(MAIN, DELTA);
    const later = (first.merge.text as string).replace('log sign-ins', 'log sign-ins and sign-outs');
    const again = plan(later, DELTA, first.records);
    expect(again.issues).toEqual([]);
    expect(again.merge.action).toBe('unchanged');
    const delta = parseDelta(DELTA, 'auth', 'd.md');
    const pending = pendingDelta(delta, first.records);
    expect([pending.added, pending.removed]).toEqual([[], []]);
    expect(pendingDelta(delta, [])).toBe(delta);
    const edited = parseDelta(DELTA.replace('log sign-ins', 'log all sign-ins'), 'auth', 'd.md');
    expect(pendingDelta(edited, first.records).added.map((r) => r.name)).toEqual(['Audit']);
  });

  it('keeps a RENAMED pending until both of its names are recorded', () => {
    const delta = parseDelta(
      '## RENAMED Requirements\n- FROM: `### Requirement: Login`\n- TO: `### Requirement: Sign In`\n',
      'auth',
      'd.md',
    );
    const from: SyncRecord = { op: 'RENAMED', ref: 'auth#Login', hash: 'h' };
    expect(pendingDelta(delta, [from]).renamed).toHaveLength(1);
    expect(pendingDelta(delta, [from, { ...from, ref: 'auth#Sign In' }]).renamed).toEqual([]);
  });
});

describe('record bookkeeping', () => {
  it('parses valid records only', () => {
    expect(
      parseSyncRecords([
        { op: 'ADDED', ref: 'auth#A', hash: 'h' },
        { op: 'ADDED', ref: 'no-hash-sign', hash: 'h' },
        { op: 'MOVED', ref: 'auth#A', hash: 'h' },
        'x',
      ]),
    ).toEqual([{ op: 'ADDED', ref: 'auth#A', hash: 'h' }]);
    expect(parseSyncRecords(undefined)).toEqual([]);
  });

  it('replaces a record of the same op and requirement in place and appends new ones', () => {
    const a: SyncRecord = { op: 'ADDED', ref: 'auth#A', hash: '1' };
    const b: SyncRecord = { op: 'MODIFIED', ref: 'auth#B', hash: '2' };
    const a2 = { ...a, hash: '3' };
    const c: SyncRecord = { op: 'REMOVED', ref: 'auth#C', hash: '4' };
    expect(mergeSyncRecords([a, b], [c, a2])).toEqual([a2, b, c]);
  });

  it('leaves out of touched what the sync applied and the archive did not change again', () => {
    const touched = [
      { op: 'ADDED' as const, ref: 'auth#A' },
      { op: 'MODIFIED' as const, ref: 'auth#B' },
      { op: 'MODIFIED' as const, ref: 'auth#C' },
    ];
    const synced: SyncRecord[] = [
      { op: 'ADDED', ref: 'auth#A', hash: '1' },
      { op: 'MODIFIED', ref: 'auth#B', hash: '2' },
    ];
    const applied: SyncRecord[] = [{ op: 'MODIFIED', ref: 'auth#B', hash: '5' }];
    expect(touchedAfterSync(touched, synced, applied)).toEqual(touched.slice(1));
  });
});

describe('records written before separators were layout', () => {
  const block = (text: string) =>
    `### Requirement: Login\nThe system SHALL let users log in ${text}.\n\n#### Scenario: Valid\n- **WHEN** valid credentials\n- **THEN** a session\n`;
  const delta = `## MODIFIED Requirements\n${block('with a passkey')}\n---\n\n${block('again').replace('Login', 'Logout')}`;

  it('still count a block fingerprinted through the separator after it as synced', () => {
    const d = parseDelta(delta, 'auth', 'd.md');
    const lines = `${block('with a passkey')}\n---`.split('\n');
    const legacy: SyncRecord = { op: 'MODIFIED', ref: 'auth#Login', hash: blockFingerprint(lines) };
    const current: SyncRecord = { ...legacy, hash: blockFingerprint(lines.slice(0, -2)) };
    expect(legacy.hash).not.toBe(current.hash);
    for (const record of [legacy, current])
      expect(pendingDelta(d, [record]).modified.map((r) => r.name)).toEqual(['Logout']);
    const other: SyncRecord = { ...legacy, hash: blockFingerprint(lines.slice(1)) };
    expect(pendingDelta(d, [other]).modified.map((r) => r.name)).toEqual(['Login', 'Logout']);
  });
});
