import type { Issue } from '../domain/issue.ts';
import { type CheckedEntry, checkManifest } from '../domain/research/check-manifest.ts';
import { type TaskFileRef, taskFileRefs } from '../domain/research/file-refs.ts';
import { parseManifest } from '../domain/research/parse-manifest.ts';
import { SCRATCHPAD_DIR, scratchpadKindOf } from '../domain/research/scratchpad-kinds.ts';
import type { ParsedTasks } from '../domain/tasks/parse-tasks.ts';
import { matchOutputs } from '../io/change-outputs.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';

/** A research note of a change: `research/<kind>.md`. */
export interface Scratchpad {
  /** The file name without `.md`: a built-in kind (`decomposition`) or any other topic. */
  kind: string;
  /** Root-relative path. */
  path: string;
}

/** The scratchpads of a change (`research/*.md`, files only), sorted by path. */
export function listScratchpads(root: string, changeRel: string): Scratchpad[] {
  return matchOutputs(root, changeRel, `${SCRATCHPAD_DIR}/*.md`).map((path) => ({
    kind: scratchpadKindOf(path),
    path,
  }));
}

/** How the tasks of a change line up with its implementation manifest (analysis.md). */
export interface ManifestReport {
  /** Root-relative path of analysis.md. */
  file: string;
  entries: CheckedEntry[];
  unlisted: TaskFileRef[];
  /** Findings about analysis.md itself plus the cross-check with tasks.md. */
  issues: Issue[];
}

/**
 * Read the change's analysis.md and compare it with the files its tasks name; undefined when the
 * change has no analysis.md (nothing to compare against).
 */
export function readManifestReport(
  root: string,
  changeRel: string,
  tasks: { parsed: ParsedTasks; file: string },
): ManifestReport | undefined {
  const file = `${changeRel}/analysis.md`;
  const text = readTextFileIfExists(root, file);
  if (text === undefined) return undefined;
  const manifest = parseManifest(text);
  const check = checkManifest(manifest, taskFileRefs(tasks.parsed), {
    tasksFile: tasks.file,
    manifestFile: file,
  });
  const own = manifest.issues.map((i) => ({ ...i, file }));
  return { file, entries: check.entries, unlisted: check.unlisted, issues: [...own, ...check.issues] };
}
