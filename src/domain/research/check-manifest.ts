import type { Issue } from '../issue.ts';
import type { TaskFileRef } from './file-refs.ts';
import type { Manifest, ManifestEntry } from './parse-manifest.ts';

/** A manifest entry with the tasks that name it. */
export interface CheckedEntry extends Omit<ManifestEntry, 'key'> {
  /** Ids of the tasks naming the file (a sub-task counts for its top-level task), in file order. */
  tasks: string[];
  /** Whether any task names the file (also true when only tasks without ids do). */
  touched: boolean;
}

export interface ManifestCheck {
  entries: CheckedEntry[];
  /** Files tasks name that the manifest does not list, in tasks.md order. */
  unlisted: TaskFileRef[];
  /** `manifest_unlisted_file` (located in tasks.md) and `manifest_untouched_entry` (in analysis.md). */
  issues: (Issue & { file: string })[];
}

/** Whether `path` lies in `folder` (which ends with `/`), the folder given in full or by its tail. */
function inFolder(path: string, folder: string): boolean {
  return path.startsWith(folder) || path.includes(`/${folder}`);
}

/**
 * Whether a path a task names and a manifest key are the same file: equal, or one ends with the other
 * at a `/`, so `src/schemas.ts` and `projects/telephony/shared/src/schemas.ts` both name
 * `### src/schemas.ts`. A path ending in `/` is a folder and matches every file under it.
 */
export function samePath(ref: string, key: string): boolean {
  if (ref.endsWith('/')) return inFolder(key, ref);
  if (key.endsWith('/')) return inFolder(ref, key);
  return ref === key || key.endsWith(`/${ref}`) || ref.endsWith(`/${key}`);
}

/**
 * Compare the files tasks name with the manifest: a named file the manifest lacks, and a listed file
 * no task names, are WARNINGs. `tasksFile` and `manifestFile` locate the issues. Pure.
 */
export function checkManifest(
  manifest: Manifest,
  refs: readonly TaskFileRef[],
  files: { tasksFile: string; manifestFile: string },
): ManifestCheck {
  const issues: ManifestCheck['issues'] = [];
  const unlisted: TaskFileRef[] = [];
  const touching = new Map<ManifestEntry, TaskFileRef[]>(manifest.entries.map((e) => [e, []]));
  for (const ref of refs) {
    const hits = manifest.entries.filter((e) => samePath(ref.path, e.key));
    for (const e of hits) touching.get(e)?.push(ref);
    if (hits.length > 0) continue;
    unlisted.push(ref);
    issues.push({
      level: 'WARNING',
      rule: 'manifest_unlisted_file',
      message: `Task ${ref.task ?? `on line ${ref.line}`} names ${ref.path}, which analysis.md does not list.`,
      file: files.tasksFile,
      line: ref.line,
      fix: `Add "### ${ref.path}" under its package in analysis.md, or correct the path in the task.`,
    });
  }
  const entries = manifest.entries.map((entry): CheckedEntry => {
    const by = touching.get(entry) ?? [];
    const { key: _key, ...rest } = entry;
    const ids = [...new Set(by.flatMap((r) => (r.task === null ? [] : [r.task])))];
    return { ...rest, tasks: ids, touched: by.length > 0 };
  });
  for (const e of entries.filter((x) => !x.touched)) {
    issues.push({
      level: 'WARNING',
      rule: 'manifest_untouched_entry',
      message: `analysis.md lists ${e.path}${e.package ? ` (${e.package})` : ''}, but no task names it.`,
      file: files.manifestFile,
      line: e.line,
      fix: `Name it in backticks in the task that creates or changes it (\`${e.path}\`), or drop the entry.`,
    });
  }
  return { entries, unlisted, issues };
}
