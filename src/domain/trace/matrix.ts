import { compareCodePoints } from '../compare-code-points.ts';
import type { CoverRef } from '../plan/task-meta.ts';
import { explainFromHistory, type NameEvent } from './renames.ts';
import type { FoundReference, ReferenceKind, ReferenceVia } from './scan-references.ts';
import {
  type IndexedScenario,
  nameKey,
  type Resolved,
  resolveRef,
  type SpecIndex,
  scenarioKey,
  type Unresolved,
} from './spec-index.ts';

/** A task of a change with the references of its `covers` tags. */
export interface TraceTask {
  change: string;
  id: string;
  done: boolean;
  covers: readonly CoverRef[];
}

export interface TaskLink {
  change: string;
  id: string;
  done: boolean;
}

export interface FileLink {
  file: string;
  line: number;
}

/** One scenario of the matrix: the tasks that cover it and the files that reference it. */
export interface MatrixRow extends IndexedScenario {
  tasks: TaskLink[];
  tests: FileLink[];
  code: FileLink[];
  /** At least one test references the scenario (or its whole requirement). */
  covered: boolean;
}

export interface CoverageCount {
  covered: number;
  total: number;
  /** `covered / total` in percent, rounded to one decimal; 100 when there is nothing to cover. */
  percent: number;
}

/** A reference in a file that names no requirement or scenario. */
export interface DanglingReference {
  file: string;
  line: number;
  /** The reference as written. */
  ref: string;
  kind: ReferenceKind;
  via: ReferenceVia;
  problem: string;
  /** The reference to write instead, when archived renames lead to a name that exists (`trace --fix`). */
  fix: string | null;
  /** The archived changes whose renames give `fix`, oldest first. */
  renamedBy: string[];
  /** The archived change that removed the requirement or scenario, when that is why it dangles. */
  removedBy: string | null;
  /** Close names that exist, for a human to choose from (never applied automatically). */
  suggestions: string[];
}

function rowsByRequirement(rows: readonly MatrixRow[]): Map<string, MatrixRow[]> {
  const map = new Map<string, MatrixRow[]>();
  for (const r of rows) {
    const key = `${r.capability}#${nameKey(r.requirement)}`;
    map.set(key, [...(map.get(key) ?? []), r]);
  }
  return map;
}

/** Looks up the matrix rows a resolved reference names: one scenario, or every scenario of a requirement. */
function rowFinder(rows: readonly MatrixRow[]) {
  const byScenario = new Map(rows.map((r) => [scenarioKey(r.capability, r.requirement, r.scenario), r]));
  const byRequirement = rowsByRequirement(rows);
  return (res: Resolved): MatrixRow[] => {
    if (res.kind === 'requirement')
      return byRequirement.get(`${res.capability}#${nameKey(res.requirement)}`) ?? [];
    const row = byScenario.get(scenarioKey(res.capability, res.requirement, res.scenario));
    return row ? [row] : [];
  };
}

/** A reference that resolves nowhere, with the reason. */
export interface UnresolvedReference {
  found: FoundReference;
  why: Unresolved;
}

/**
 * Link tasks and file references to the scenario rows. References resolving to names outside the rows
 * (a main-spec scenario the traced change does not touch) are valid and simply not shown; references
 * resolving nowhere are returned as unresolved. Task `covers` that resolve nowhere are left to `validate`.
 */
export function buildMatrix(
  scenarios: readonly IndexedScenario[],
  index: SpecIndex,
  refs: readonly FoundReference[],
  tasks: readonly TraceTask[],
): { rows: MatrixRow[]; unresolved: UnresolvedReference[] } {
  const rows: MatrixRow[] = scenarios.map((s) => ({ ...s, tasks: [], tests: [], code: [], covered: false }));
  const find = rowFinder(rows);
  for (const t of tasks) {
    for (const c of t.covers) {
      const r = resolveRef(index, c);
      if (!('resolved' in r)) continue;
      for (const row of find(r.resolved)) {
        if (!row.tasks.some((x) => x.change === t.change && x.id === t.id))
          row.tasks.push({ change: t.change, id: t.id, done: t.done });
      }
    }
  }
  const unresolved: UnresolvedReference[] = [];
  for (const found of refs) {
    if (!found.ref) {
      const problem = `"${found.text}" is not capability#Requirement or capability#Requirement/Scenario`;
      unresolved.push({ found, why: { missing: 'requirement', problem, suggestions: [] } });
      continue;
    }
    const r = resolveRef(index, found.ref);
    if (!('resolved' in r)) {
      unresolved.push({ found, why: r });
      continue;
    }
    for (const row of find(r.resolved)) {
      const list = found.kind === 'test' ? row.tests : row.code;
      if (!list.some((l) => l.file === found.file && l.line === found.line))
        list.push({ file: found.file, line: found.line });
    }
  }
  for (const row of rows) row.covered = row.tests.length > 0;
  return { rows, unresolved };
}

/** Dangling references with what the archive history says about them (renames give a `fix`). */
export function explainDangling(
  unresolved: readonly UnresolvedReference[],
  index: SpecIndex,
  events: readonly NameEvent[],
): DanglingReference[] {
  return unresolved.map(({ found, why }) => {
    const history =
      found.ref && why.missing !== 'capability' ? explainFromHistory(index, events, found.ref) : undefined;
    const renamed = history?.verdict === 'renamed' ? history : undefined;
    const removedBy = history?.verdict === 'removed' ? history.removedBy : null;
    let problem = why.problem;
    if (renamed) problem += `; renamed by ${renamed.renamedBy.join(', ')}`;
    else if (removedBy) problem += `; removed by ${removedBy}`;
    return {
      file: found.file,
      line: found.line,
      ref: found.text,
      kind: found.kind,
      via: found.via,
      problem,
      fix: renamed ? renamed.ref : null,
      renamedBy: renamed ? renamed.renamedBy : [],
      removedBy,
      suggestions: renamed ? [] : why.suggestions,
    };
  });
}

function count(rows: readonly MatrixRow[]): CoverageCount {
  const covered = rows.filter((r) => r.covered).length;
  const total = rows.length;
  return { covered, total, percent: total === 0 ? 100 : Math.round((covered / total) * 1000) / 10 };
}

/** Coverage over all rows and per capability (capabilities in code-point order). */
export function computeCoverage(rows: readonly MatrixRow[]): {
  overall: CoverageCount;
  capabilities: (CoverageCount & { capability: string })[];
} {
  const caps = [...new Set(rows.map((r) => r.capability))].sort(compareCodePoints);
  return {
    overall: count(rows),
    capabilities: caps.map((capability) => ({
      capability,
      ...count(rows.filter((r) => r.capability === capability)),
    })),
  };
}

/** Whether coverage meets a minimum percentage, compared exactly (not after rounding). */
export function meetsMinimum(c: CoverageCount, min: number): boolean {
  return c.total === 0 || (c.covered / c.total) * 100 >= min;
}
