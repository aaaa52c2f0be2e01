import { samePath } from '../research/check-manifest.ts';
import type { MatrixRow } from './matrix.ts';

/** A file a change touched, as git reports it. */
export interface TouchedFile {
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked';
  from?: string;
}

/** A touched file with the tasks and scenarios it belongs to. */
export interface MappedFile extends TouchedFile {
  /** Ids of the tasks that name the file (directly, or through its analysis.md entry), in task order. */
  tasks: string[];
  /** Whether analysis.md lists the file; null when the change has no analysis.md. */
  inManifest: boolean | null;
  /** References of the matrix rows whose tests or code lines are in this file. */
  scenarios: string[];
}

/** What a change's planning says about files: analysis.md entries and the files tasks name. */
export interface FilePlan {
  /** Keys of analysis.md entries, or undefined when there is no analysis.md. */
  manifest?: readonly string[];
  /** Files named by tasks (in backticks or `[uses: …]`), with the task's id. */
  taskFiles: readonly { path: string; task: string | null }[];
}

function scenariosByFile(rows: readonly MatrixRow[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    for (const link of [...row.tests, ...row.code]) {
      const list = map.get(link.file) ?? [];
      if (!list.includes(row.ref)) list.push(row.ref);
      map.set(link.file, list);
    }
  }
  return map;
}

/**
 * Map the files a change touched to its tasks and scenarios. With an analysis.md, a task that names an
 * entry's path (even by its tail, `src/x.ts` for `packages/api/src/x.ts`) claims the files matching
 * that entry; without one, a task claims the files whose path it names.
 */
export function mapTouchedFiles(
  touched: readonly TouchedFile[],
  plan: FilePlan,
  rows: readonly MatrixRow[],
): MappedFile[] {
  const byFile = scenariosByFile(rows);
  return touched.map((f) => {
    const entries = plan.manifest?.filter((key) => samePath(f.path, key)) ?? [];
    const names = (p: string) => samePath(p, f.path) || entries.some((key) => samePath(p, key));
    const tasks: string[] = [];
    for (const t of plan.taskFiles)
      if (t.task !== null && names(t.path) && !tasks.includes(t.task)) tasks.push(t.task);
    return {
      ...f,
      tasks,
      inManifest: plan.manifest === undefined ? null : entries.length > 0,
      scenarios: byFile.get(f.path) ?? [],
    };
  });
}
