import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTree } from './temp-tree.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'telephony');

/** The fixture's change: 25 tasks in 6 phases with sizes, dependencies and shared resources. */
export const TELEPHONY_CHANGE = 'build-telephony-platform';

/** A throw-away copy of the telephony fixture project, removed when the calling test finishes. */
export function telephony(): string {
  const root = makeTree();
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}
