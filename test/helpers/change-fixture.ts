// A project with the auth spec and one change `c`, and the checks the bug-history regression tests share.
import { expect } from 'vitest';
import { runCli } from './cli.ts';
import { AUTH_SPEC, snapshotTree } from './tmp-project.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
export type Json = Record<string, any>;

const META = 'schema: spec-driven\ncreated: 2026-01-01\n';
export const STEPS = '- **WHEN** a\n- **THEN** b\n';
export const DELTA = 'openspec/changes/c/specs/auth/spec.md';

/** The helpers, bound to a test file's `project` (from `tempProjects`). */
export function changeFixtures(project: (files: Record<string, string>) => string) {
  /** F1's auth spec plus a change `c` whose files (relative to the change folder) are given. */
  function withChange(change: Record<string, string>, mainSpec = AUTH_SPEC): string {
    const files: Record<string, string> = {
      'openspec/specs/auth/spec.md': mainSpec,
      'openspec/changes/c/.openspec.yaml': META,
    };
    for (const [rel, text] of Object.entries(change)) files[`openspec/changes/c/${rel}`] = text;
    return project(files);
  }

  function issuesOf(root: string, item = 'c'): Json[] {
    return (runCli(root, ['validate', item, '--json']).json() as Json).items[0].issues;
  }

  /** `validate <item> --json` reports (among others) an issue with these fields. */
  function expectIssue(root: string, fields: Json, item = 'c'): void {
    expect(issuesOf(root, item)).toContainEqual(expect.objectContaining(fields));
  }

  /** Archive must refuse and leave every byte where it was. */
  function expectArchiveRefused(root: string, rule: string): void {
    const before = snapshotTree(root);
    const r = runCli(root, ['archive', 'c', '--yes', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).issues.map((i: Json) => i.rule)).toContain(rule);
    expect(snapshotTree(root)).toEqual(before);
  }

  return { withChange, issuesOf, expectIssue, expectArchiveRefused };
}
