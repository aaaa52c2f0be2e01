import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
