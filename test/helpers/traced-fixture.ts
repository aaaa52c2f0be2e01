import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runCli } from './cli.ts';
import { commitAll, initRepo } from './git-repo.ts';
import { makeTree } from './temp-tree.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'traced');

/**
 * A copy of test/fixtures/traced (two capabilities, the active change add-remember-me, node:test tests
 * carrying references) in a fresh temporary git repository with one commit. Removed after the test.
 */
export function tracedProject(): { root: string; commit: string } {
  const root = makeTree({});
  cpSync(FIXTURE, root, { recursive: true });
  initRepo(root);
  return { root, commit: commitAll(root, 'initial') };
}

/**
 * `tracedProject` after an archived (and committed) rename of `auth#User Login` to `Sign In`: three
 * references dangle, and `trace --fix -y` would rewrite them.
 */
export function renamedTracedProject(): string {
  const { root } = tracedProject();
  const change = join(root, 'openspec/changes/rename-login');
  mkdirSync(join(change, 'specs/auth'), { recursive: true });
  writeFileSync(join(change, '.openspec.yaml'), 'schema: spec-driven\ncreated: 2026-01-12\n');
  writeFileSync(
    join(change, 'specs/auth/spec.md'),
    '## RENAMED Requirements\n- FROM: `### Requirement: User Login`\n- TO: `### Requirement: Sign In`\n',
  );
  expect(runCli(root, ['archive', 'rename-login', '-y']).code).toBe(0);
  commitAll(root, 'rename login');
  return root;
}
