import { type Dirent, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { countRequirements } from '../domain/spec/parse-spec.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { readListedTextFile, readTextFileIfExists } from '../io/fs-safe.ts';
import {
  changePath,
  listActiveChanges,
  listCapabilities,
  mainSpecPath,
  PROJECT_PATHS,
  type ProjectRoot,
  requireProjectRoot,
} from '../io/project.ts';

export type ChangeStatus = 'no-tasks' | 'in-progress' | 'complete';

export interface ChangeSummary {
  name: string;
  completedTasks: number;
  totalTasks: number;
  status: ChangeStatus;
  /** Newest modification time of any file inside the change directory. */
  lastModified: Date;
}

export type ChangeSort = 'recent' | 'name';

export interface ListChangesResult {
  root: ProjectRoot;
  changes: ChangeSummary[];
}

export interface SpecSummary {
  id: string;
  requirementCount: number;
}

export interface ListSpecsResult {
  root: ProjectRoot;
  specs: SpecSummary[];
}

/**
 * Newest mtime of the files under `abs`, without following symlinks (they may point anywhere);
 * the directory's own mtime when it holds no files, so an empty new change still sorts sensibly.
 */
function newestMtime(abs: string): Date {
  let newest = lstatSync(abs).mtimeMs;
  let sawFile = false;
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = join(dir, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) {
        const mtime = lstatSync(child).mtimeMs;
        newest = sawFile ? Math.max(newest, mtime) : mtime;
        sawFile = true;
      }
    }
  };
  walk(abs);
  return new Date(newest);
}

function statusOf(done: number, total: number): ChangeStatus {
  if (total === 0) return 'no-tasks';
  return done === total ? 'complete' : 'in-progress';
}

function summarize(rootPath: string, name: string): ChangeSummary {
  // Only tasks.md: it is what the spec-driven schema tracks. Other schemas' task files come with schema support.
  const text = readTextFileIfExists(rootPath, `${changePath(name)}/tasks.md`);
  const { done, total } = text === undefined ? { done: 0, total: 0 } : parseTasks(text);
  return {
    name,
    completedTasks: done,
    totalTasks: total,
    status: statusOf(done, total),
    lastModified: newestMtime(join(rootPath, changePath(name))),
  };
}

/** Active changes with task progress; `recent` = newest first, ties and `name` by code point. */
export function listChanges(input: { cwd: string; sort?: ChangeSort }): ListChangesResult {
  const root = requireProjectRoot(input.cwd);
  const changes = listActiveChanges(root.path).map((name) => summarize(root.path, name));
  if (input.sort !== 'name') {
    changes.sort(
      (a, b) => b.lastModified.getTime() - a.lastModified.getTime() || compareCodePoints(a.name, b.name),
    );
  }
  return { root, changes };
}

/** Capabilities with their requirement counts, sorted by id. */
export function listSpecs(input: { cwd: string }): ListSpecsResult {
  const root = requireProjectRoot(input.cwd);
  const specs = listCapabilities(root.path).map((id) => ({
    id,
    requirementCount: countRequirements(readListedTextFile(root.path, PROJECT_PATHS.specs, mainSpecPath(id))),
  }));
  return { root, specs };
}
