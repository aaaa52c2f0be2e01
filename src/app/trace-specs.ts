import type { DeltaSpec } from '../domain/change/delta.ts';
import { parseDelta } from '../domain/change/delta.ts';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { readTaskMeta } from '../domain/plan/task-meta.ts';
import { parseSpec } from '../domain/spec/parse-spec.ts';
import { type ParsedTasks, parseTasks } from '../domain/tasks/parse-tasks.ts';
import type { TraceTask } from '../domain/trace/matrix.ts';
import { type NameEvent, nameEventsOf } from '../domain/trace/renames.ts';
import {
  buildSpecIndex,
  type CapabilityNames,
  deltaNames,
  formatRef,
  type IndexedScenario,
  type RequirementNames,
  requirementNames,
  type SpecIndex,
  scenarioKey,
} from '../domain/trace/spec-index.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { loadLedger } from '../io/ledger.ts';
import { deltaCapabilities } from '../io/load.ts';
import {
  listActiveChanges,
  listArchivedChanges,
  listCapabilities,
  mainSpecPath,
  PROJECT_PATHS,
} from '../io/project.ts';

/** Every main spec's requirement and scenario names, by capability, in capability order. */
export function readMainNames(root: string): CapabilityNames[] {
  const out: CapabilityNames[] = [];
  for (const capability of listCapabilities(root)) {
    const text = readTextFileIfExists(root, mainSpecPath(capability));
    if (text === undefined) continue;
    out.push({ capability, requirements: requirementNames(parseSpec(text).requirements) });
  }
  return out;
}

/**
 * The scenarios a change must have tests for: every scenario of its ADDED requirements, and of its
 * MODIFIED ones those it restates, adds or modifies (scenario-level REMOVED and RENAMED build nothing).
 * The same set `plan_uncovered_scenario` asks tasks to cover.
 */
export function changeScenarios(deltas: readonly DeltaSpec[]): IndexedScenario[] {
  const out: IndexedScenario[] = [];
  const seen = new Set<string>();
  for (const d of deltas) {
    for (const r of [...d.added, ...d.modified]) {
      for (const s of r.scenarios) {
        const key = scenarioKey(d.capability, r.name, s.name);
        if (s.op === 'REMOVED' || s.op === 'RENAMED' || seen.has(key)) continue;
        seen.add(key);
        out.push({
          ref: formatRef(d.capability, r.name, s.name),
          capability: d.capability,
          requirement: r.name,
          scenario: s.name,
        });
      }
    }
  }
  return out;
}

/** The index references resolve against: the main specs, plus a change's deltas when one is traced. */
export function indexFor(main: readonly CapabilityNames[], deltas: readonly DeltaSpec[] = []): SpecIndex {
  const mainOf = (cap: string): readonly RequirementNames[] =>
    main.find((m) => m.capability === cap)?.requirements ?? [];
  return buildSpecIndex([...main, ...deltas.map((d) => deltaNames(d, mainOf(d.capability)))]);
}

/** Tasks with an id and their `covers` references. */
export function tracedTasks(change: string, parsed: ParsedTasks): TraceTask[] {
  return parsed.tasks.flatMap((t) =>
    t.id === undefined ? [] : [{ change, id: t.id, done: t.done, covers: readTaskMeta(t).meta.covers }],
  );
}

/** The tasks of the given active changes (each change's tasks.md; a change without one has none). */
export function readTasksOf(root: string, changes: readonly string[]): TraceTask[] {
  return changes.flatMap((name) => {
    const text = readTextFileIfExists(root, `${PROJECT_PATHS.changes}/${name}/tasks.md`);
    return text === undefined ? [] : tracedTasks(name, parseTasks(text));
  });
}

/** The parsed delta specs of a change folder (parsed only, not validated). */
function readDeltasOf(root: string, changeRel: string): DeltaSpec[] {
  const deltas: DeltaSpec[] = [];
  for (const capability of deltaCapabilities(root, changeRel)) {
    const file = `${changeRel}/specs/${capability}/spec.md`;
    const text = readTextFileIfExists(root, file);
    if (text !== undefined) deltas.push(parseDelta(text, capability, file));
  }
  return deltas;
}

/**
 * The deltas of every active change but `except`: references to requirements a change is adding
 * resolve (they are planned, not dangling), though only the traced scenarios are rows.
 */
export function readActiveDeltas(root: string, except?: string): DeltaSpec[] {
  return listActiveChanges(root)
    .filter((name) => name !== except)
    .flatMap((name) => readDeltasOf(root, `${PROJECT_PATHS.changes}/${name}`));
}

/**
 * Renames and removals recorded by archived changes' deltas, oldest archive first (by `archived_at`
 * when recorded, else by the dated folder name).
 */
export async function readNameEvents(root: string): Promise<NameEvent[]> {
  const at = new Map<string, string>();
  for (const e of await loadLedger(root)) if (e.via !== 'sync') at.set(e.change, e.at);
  const dirs = listArchivedChanges(root).sort(
    (a, b) => compareCodePoints(at.get(a) ?? a, at.get(b) ?? b) || compareCodePoints(a, b),
  );
  return dirs.flatMap((dir) =>
    readDeltasOf(root, `${PROJECT_PATHS.archive}/${dir}`).flatMap((d) => nameEventsOf(dir, d)),
  );
}
