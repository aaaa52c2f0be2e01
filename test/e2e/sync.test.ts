import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { f2Files, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const temp = tempProjects();
const project = (files: Record<string, string> = f2Files()) => temp.project(files);

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

describe('sync', () => {
  it('applies the deltas, prints a per-spec summary and leaves the change open', () => {
    const root = project();
    const r = runCli(root, ['sync', 'add-auth']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '  openspec/specs/auth/spec.md: updated  +1 ~1 -0 →1',
        'Totals: +1 ~1 -0 →1',
        "Change 'add-auth' synced into the main specs; the change stays open.",
        '',
      ].join('\n'),
    );
    expect(read(root, 'openspec/specs/auth/spec.md')).toContain('### Requirement: Two-Factor Authentication');
    expect(existsSync(join(root, 'openspec/changes/add-auth/proposal.md'))).toBe(true);
    expect(read(root, 'openspec/changes/add-auth/.openspec.yaml')).toMatch(/^synced_at: /m);
  });

  it('reports already in sync the second time and changes no byte', () => {
    const root = project();
    expect(runCli(root, ['sync', 'add-auth']).code).toBe(0);
    const after = snapshotTree(root);
    const r = runCli(root, ['sync', 'add-auth']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('openspec/specs/auth/spec.md: already in sync  +0 ~0 -0 →0');
    expect(r.stdout).toContain("Change 'add-auth' is already in sync; no file was changed.");
    expect(snapshotTree(root)).toEqual(after);
  });

  it('prints one JSON document with the per-spec actions and counts', () => {
    const root = project();
    const r = runCli(root, ['sync', 'add-auth', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const counts = { added: 1, modified: 1, removed: 0, renamed: 1 };
    expect(r.json()).toEqual({
      sync: {
        change: 'add-auth',
        specs: [{ capability: 'auth', target: 'openspec/specs/auth/spec.md', action: 'update', counts }],
        totals: counts,
        issues: [],
      },
      root: { path: (r.json() as Json).root.path },
    });
    const again = runCli(root, ['sync', 'add-auth', '--json']).json() as Json;
    expect(again.sync.specs[0].action).toBe('unchanged');
  });

  it('fails with the blocking issues, exit 1 and no change (text and JSON)', () => {
    const files = f2Files();
    files['openspec/changes/add-auth/specs/auth/spec.md'] =
      '## REMOVED Requirements\n### Requirement: Nope\n**Reason**: r\n**Migration**: m\n';
    const root = project(files);
    const before = snapshotTree(root);
    const text = runCli(root, ['sync', 'add-auth']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(
      "Error: Change 'add-auth' cannot be synced: 1 error. No files were changed.",
    );
    expect(text.stderr).toContain('[merge_target_not_found]');
    expect(text.stderr).toContain('Fix: Run: specwright validate add-auth');
    const json = runCli(root, ['sync', 'add-auth', '--json']);
    expect(json.code).toBe(1);
    const j = json.json() as Json;
    expect(j.sync).toBeNull();
    expect(j.status[0]).toMatchObject({ severity: 'error', code: 'sync_validation_failed' });
    expect(j.issues.map((i: Json) => i.rule)).toEqual(['merge_target_not_found']);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('fails on unknown changes and usage errors with the usual codes', () => {
    const root = project();
    const unknown = runCli(root, ['sync', 'add-auht', '--json']);
    expect(unknown.code).toBe(1);
    expect((unknown.json() as Json).status[0].code).toBe('unknown_change');
    expect((unknown.json() as Json).sync).toBeNull();
    expect(runCli(root, ['sync']).code).toBe(2);
    expect(runCli(root, ['sync', 'add-auth', '--yes']).code).toBe(2);
  });

  it('is followed by an archive that applies nothing twice', () => {
    const root = project();
    expect(runCli(root, ['sync', 'add-auth']).code).toBe(0);
    const synced = read(root, 'openspec/specs/auth/spec.md');
    expect(runCli(root, ['validate', 'add-auth', '--strict']).code).toBe(0);
    const r = runCli(root, ['archive', 'add-auth', '--yes', '--json']);
    expect(r.code).toBe(0);
    expect((r.json() as Json).archive.specs[0].action).toBe('unchanged');
    expect(read(root, 'openspec/specs/auth/spec.md')).toBe(synced);
  });
});
