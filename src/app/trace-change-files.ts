import { taskFileRefs } from '../domain/research/file-refs.ts';
import { parseManifest } from '../domain/research/parse-manifest.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { type MappedFile, mapTouchedFiles } from '../domain/trace/change-files.ts';
import type { MatrixRow } from '../domain/trace/matrix.ts';
import { readChangeMetadata } from '../io/change-meta.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { changedSince, commitBefore, headCommit, isGitWorkTree, resolveCommit } from '../io/git.ts';
import { PROJECT_PATHS } from '../io/project.ts';

/** Where the base commit of a change came from. */
type BaseSource = 'metadata' | 'first-commit' | 'head';

/** The files a change touched, from git, mapped to its tasks and scenarios. */
export interface ChangeFilesReport {
  /** The commit compared with the working tree; null when there is none (outside git, no commit yet). */
  base: string | null;
  /**
   * `metadata`: `base_commit` in `.openspec.yaml` (written by `new change`); `first-commit`: the commit
   * before the first one that touched the change folder; `head`: the change folder was never committed,
   * so only uncommitted work is compared.
   */
  baseSource: BaseSource | null;
  /** Root-relative paths outside `openspec/`, sorted. */
  files: MappedFile[];
  /** Why no files could be listed, when that is the case. */
  note: string | null;
}

/** The recorded `base_commit`, when the metadata has a usable one. */
async function recordedBase(root: string, change: string): Promise<string | undefined> {
  const read = await readChangeMetadata(root, change);
  if (read.status !== 'ok') return undefined;
  const value = (read.metadata as Record<string, unknown>).base_commit;
  return typeof value === 'string' && /^[0-9a-f]{7,64}$/i.test(value)
    ? resolveCommit(root, value)
    : undefined;
}

async function findBase(
  root: string,
  change: string,
  changeRel: string,
): Promise<{ base: string; baseSource: BaseSource } | undefined> {
  const recorded = await recordedBase(root, change);
  if (recorded) return { base: recorded, baseSource: 'metadata' };
  const before = await commitBefore(root, changeRel);
  if (before) return { base: before, baseSource: 'first-commit' };
  const head = await headCommit(root);
  return head ? { base: head, baseSource: 'head' } : undefined;
}

/** What the change's planning names: analysis.md entries (if any) and files named in tasks.md. */
function filePlan(root: string, changeRel: string) {
  const tasks = readTextFileIfExists(root, `${changeRel}/tasks.md`);
  const analysis = readTextFileIfExists(root, `${changeRel}/analysis.md`);
  const taskFiles = tasks === undefined ? [] : taskFileRefs(parseTasks(tasks));
  if (analysis === undefined) return { taskFiles };
  return { taskFiles, manifest: parseManifest(analysis).entries.map((e) => e.key) };
}

/**
 * The files a change touched: git's diff from the change's base commit to the working tree (committed,
 * staged, unstaged and untracked-but-not-ignored), outside `openspec/`, each with the tasks that name it
 * (through analysis.md when the change has one) and the scenarios referenced in it.
 */
export async function readChangeFiles(
  root: string,
  change: string,
  changeRel: string,
  rows: readonly MatrixRow[],
): Promise<ChangeFilesReport> {
  const none = (note: string): ChangeFilesReport => ({ base: null, baseSource: null, files: [], note });
  if (!(await isGitWorkTree(root))) return none('The project is not in a git repository.');
  const found = await findBase(root, change, changeRel);
  if (!found) return none('The repository has no commit yet.');
  const changed = await changedSince(root, found.base);
  if (!changed) return none(`git cannot compare with ${found.base}.`);
  const touched = changed.filter((f) => !f.path.startsWith(`${PROJECT_PATHS.openspec}/`));
  const files = mapTouchedFiles(touched, filePlan(root, changeRel), rows);
  return { ...found, files, note: null };
}
