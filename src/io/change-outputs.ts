import { statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { isGlob } from '../domain/workflow/paths.ts';
import { resolveInsideRoot } from './fs-safe.ts';

/** Whether root-relative `rel` is a regular file (symlinks followed) that stays inside the project. */
function isFileInside(root: string, rel: string): boolean {
  try {
    return statSync(resolveInsideRoot(root, rel)).isFile();
  } catch {
    return false;
  }
}

/**
 * Root-relative paths of the existing files an artifact's `generates` names inside the change folder
 * `changeRel`, sorted. A plain name matches itself; a glob (`specs/**\/*.md`) matches files only, never
 * directories, skips dot entries, and does not descend into symlinked directories. Every match is checked
 * to resolve inside the project, so a symlinked file cannot make an artifact count as written elsewhere.
 */
export function matchOutputs(root: string, changeRel: string, generates: string): string[] {
  if (!isGlob(generates)) {
    const rel = `${changeRel}/${generates}`;
    return isFileInside(root, rel) ? [rel] : [];
  }
  const found = globSync([generates], {
    cwd: join(root, changeRel),
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  return found
    .map((f) => `${changeRel}/${f}`)
    .filter((rel) => isFileInside(root, rel))
    .sort(compareCodePoints);
}
