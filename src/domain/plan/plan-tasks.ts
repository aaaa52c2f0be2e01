import type { Issue } from '../issue.ts';
import { checkTaskNumbering } from '../tasks/check-task-numbering.ts';
import type { ParsedTasks, Task } from '../tasks/parse-tasks.ts';
import { type Coverage, createCoverageResolver, findUncovered, type SpecSource } from './coverage.ts';
import { criticalPath, findCycles, type GraphNode, scheduleWaves } from './graph.ts';
import { structureIssues } from './structure.ts';
import { readTaskMeta, type Size, type TaskMeta, usesCoverage, usesMetadata } from './task-meta.ts';

/** Weight of each size on the critical path; `unsized` is used for tasks without a `[size: …]` tag. */
export type SizeWeights = Record<Size | 'unsized', number>;

/** Powers of two, so each size is about twice the effort of the one below it. */
const DEFAULT_WEIGHTS: Readonly<SizeWeights> = { XS: 1, S: 2, M: 4, L: 8, XL: 16, unsized: 1 };

interface Progress {
  done: number;
  total: number;
}

/** A planned task: a top-level checkbox with an id. Its sub-tasks are a checklist, not graph nodes. */
export interface PlannedTask {
  id: string;
  line: number;
  /** Description without the id and tags. */
  text: string;
  done: boolean;
  /** Heading of the enclosing `## N. Name` phase, or null. */
  phase: string | null;
  size: Size | null;
  weight: number;
  after: string[];
  /** `covers` references as written (whitespace trimmed). */
  covers: string[];
  uses: string[];
  criteria: string[];
  /** 1-based wave, or null when the task is on or after a dependency cycle. */
  wave: number | null;
}

export interface TaskPlan {
  /** Whether any task has a `size`, `after`, `covers` or `uses` tag (only then do graph rules apply). */
  usesMetadata: boolean;
  weights: SizeWeights;
  phases: { heading: string; number: number | null; line: number; tasks: string[]; progress: Progress }[];
  tasks: PlannedTask[];
  waves: { wave: number; tasks: string[]; progress: Progress }[];
  criticalPath: { tasks: string[]; length: number };
  /** Resources used by more than one task, with the waits they caused. */
  resources: { name: string; tasks: string[]; waits: { task: string; behind: string; wave: number }[] }[];
  unscheduled: string[];
  progress: Progress;
  /** Numbering, tag, graph and coverage findings; tasks.md issues have no `file` (the caller's). */
  issues: Issue[];
}

function progressOf(tasks: readonly { done: boolean }[]): Progress {
  return { done: tasks.filter((t) => t.done).length, total: tasks.length };
}

/** Top-level tasks with ids, first occurrence of each id only: the nodes of the graph. */
function graphTasks(parsed: ParsedTasks): (Task & { id: string })[] {
  const seen = new Set<string>();
  return parsed.tasks.filter((t): t is Task & { id: string } => {
    if (t.depth !== 0 || t.id === undefined || seen.has(t.id)) return false;
    seen.add(t.id);
    return true;
  });
}

function cycleIssues(nodes: readonly GraphNode[], lineOf: ReadonlyMap<string, number>): Issue[] {
  return findCycles(nodes).map((cycle) => {
    const start = cycle[0] as string;
    const path = [...cycle, start].join(' → ');
    return {
      level: 'ERROR',
      rule: 'plan_cycle',
      message: `Tasks depend on each other in a circle: ${path} (each comes after the one before it).`,
      line: lineOf.get(start) as number,
      fix: `Remove one of the [after: …] entries on the cycle, e.g. ${cycle.at(-1)} from task ${start}.`,
    };
  });
}

function coverageIssues(
  tasks: readonly (Task & { id: string })[],
  metas: ReadonlyMap<string, TaskMeta>,
  source: SpecSource,
): { issues: Issue[]; covered: Coverage[] } {
  const resolve = createCoverageResolver(source);
  const issues: Issue[] = [];
  const covered: Coverage[] = [];
  for (const t of tasks) {
    for (const ref of metas.get(t.id)?.covers ?? []) {
      const r = resolve(ref);
      if ('coverage' in r) covered.push(r.coverage);
      else {
        issues.push({
          level: 'ERROR',
          rule: 'plan_unknown_coverage',
          message: `Task ${t.id} covers "${ref.ref}", but ${r.problem}.`,
          line: t.line,
          fix: r.fix ?? 'Name a requirement (and scenario) of the change’s delta specs or of openspec/specs.',
        });
      }
    }
  }
  return { issues, covered };
}

function resourcesOf(tasks: readonly PlannedTask[], waits: ReturnType<typeof scheduleWaves>['waits']) {
  const users = new Map<string, string[]>();
  for (const t of tasks) for (const r of t.uses) users.set(r, [...(users.get(r) ?? []), t.id]);
  return [...users]
    .filter(([, ids]) => ids.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, ids]) => ({
      name,
      tasks: ids,
      waits: waits
        .filter((w) => w.resource === name)
        .map(({ task, behind, wave }) => ({ task, behind, wave })),
    }));
}

/** Tag and graph issues of a tasks.md that uses metadata, plus the metadata of each graph task. */
function analyse(parsed: ParsedTasks, nodes: readonly (Task & { id: string })[], source: SpecSource) {
  const metas = new Map<string, TaskMeta>();
  const issues: Issue[] = [];
  const withMeta = usesMetadata(parsed);
  for (const t of nodes) {
    const read = readTaskMeta(t);
    metas.set(t.id, read.meta);
    if (withMeta) issues.push(...read.issues);
  }
  if (!withMeta) return { metas, withMeta, issues: checkTaskNumbering(parsed), uncovered: [] };
  const cov = coverageIssues(nodes, metas, source);
  issues.push(
    ...checkTaskNumbering(parsed).filter((i) => i.rule !== 'tasks_duplicate_id'),
    ...structureIssues(parsed, metas),
    ...cov.issues,
  );
  const uncovered = usesCoverage(parsed) ? findUncovered(source.deltas, cov.covered) : [];
  return { metas, withMeta, issues, uncovered };
}

function plannedTask(parsed: ParsedTasks, t: Task & { id: string }, m: TaskMeta, weight: number) {
  return {
    id: t.id,
    line: t.line,
    text: t.text,
    done: t.done,
    phase: t.group === undefined ? null : (parsed.groups[t.group]?.heading ?? null),
    size: m.size ?? null,
    weight,
    after: m.after,
    covers: m.covers.map((c) => c.ref),
    uses: m.uses,
    criteria: t.criteria ?? [],
  };
}

/**
 * Plan the tasks of a change: waves of tasks that can run in parallel, the critical path, resource
 * waits, progress, and every finding about the task metadata. Pure; `source` supplies the specs that
 * `covers` references are checked against. Graph rules apply only when some task has a known tag.
 */
export function planTasks(
  parsed: ParsedTasks,
  source: SpecSource,
  weights: Partial<SizeWeights> = {},
): TaskPlan {
  const w: SizeWeights = { ...DEFAULT_WEIGHTS, ...weights };
  const nodes = graphTasks(parsed);
  const { metas, withMeta, issues, uncovered } = analyse(parsed, nodes, source);
  const meta = (id: string) => metas.get(id) as TaskMeta;
  const graph: GraphNode[] = nodes.map((t) => {
    const m = meta(t.id);
    return { id: t.id, after: m.after, uses: m.uses, weight: w[m.size ?? 'unsized'] };
  });
  if (withMeta) issues.push(...cycleIssues(graph, new Map(nodes.map((t) => [t.id, t.line]))));
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const schedule = scheduleWaves(graph);
  const waveOf = new Map(schedule.waves.flatMap((ids, i) => ids.map((id) => [id, i + 1] as const)));
  const tasks: PlannedTask[] = nodes.map((t, i) => ({
    ...plannedTask(parsed, t, meta(t.id), (graph[i] as GraphNode).weight),
    wave: waveOf.get(t.id) ?? null,
  }));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const pick = (ids: readonly string[]) => ids.map((id) => byId.get(id) as PlannedTask);
  return {
    usesMetadata: withMeta,
    weights: w,
    phases: parsed.groups.map((g, gi) => {
      const ids = nodes.filter((t) => t.group === gi).map((t) => t.id);
      return {
        heading: g.heading,
        number: g.number ?? null,
        line: g.line,
        tasks: ids,
        progress: progressOf(pick(ids)),
      };
    }),
    tasks,
    waves: schedule.waves.map((ids, i) => ({ wave: i + 1, tasks: ids, progress: progressOf(pick(ids)) })),
    criticalPath: criticalPath(graph),
    resources: resourcesOf(tasks, schedule.waits),
    unscheduled: schedule.unscheduled,
    progress: progressOf(tasks),
    issues: [...issues, ...uncovered],
  };
}

/** The tasks.md findings `validate` reports: numbering only, unless the file uses task metadata. */
export function checkChangeTasks(parsed: ParsedTasks, source: SpecSource): Issue[] {
  return usesMetadata(parsed) ? planTasks(parsed, source).issues : checkTaskNumbering(parsed);
}
