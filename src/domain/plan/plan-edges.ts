import type { PlannedTask, TaskPlan } from './plan-tasks.ts';

/** One arrow of a plan diagram: a dependency, or the order a shared resource imposed. */
export interface PlanEdge {
  from: string;
  to: string;
  kind: 'after' | 'resource';
  /** On the critical path (dependency edges only). */
  critical: boolean;
  /** The resource, for `resource` edges. */
  resource?: string;
}

/** Every arrow to draw, dependencies first (in task order), then resource waits; no duplicates. */
export function planEdges(plan: TaskPlan): PlanEdge[] {
  const ids = new Set(plan.tasks.map((t) => t.id));
  const path = plan.criticalPath.tasks;
  const criticalPairs = new Set(path.slice(1).map((id, i) => `${path[i]}>${id}`));
  const edges: PlanEdge[] = [];
  for (const t of plan.tasks) {
    for (const dep of t.after) {
      if (!ids.has(dep)) continue;
      edges.push({ from: dep, to: t.id, kind: 'after', critical: criticalPairs.has(`${dep}>${t.id}`) });
    }
  }
  const seen = new Set<string>();
  for (const r of plan.resources) {
    for (const w of r.waits) {
      const k = `${w.behind}>${w.task}>${r.name}`;
      if (seen.has(k)) continue;
      seen.add(k);
      edges.push({ from: w.behind, to: w.task, kind: 'resource', critical: false, resource: r.name });
    }
  }
  return edges;
}

/** Tasks grouped for drawing: one group per wave, then the unscheduled ones, if any. */
export function planGroups(plan: TaskPlan): { key: string; title: string; tasks: PlannedTask[] }[] {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const pick = (ids: readonly string[]) => ids.map((id) => byId.get(id) as PlannedTask);
  const groups = plan.waves.map((w) => ({
    key: `wave${w.wave}`,
    title: `Wave ${w.wave} (${w.progress.done}/${w.progress.total} done)`,
    tasks: pick(w.tasks),
  }));
  if (plan.unscheduled.length > 0) {
    groups.push({
      key: 'unscheduled',
      title: 'Not scheduled: dependency cycle',
      tasks: pick(plan.unscheduled),
    });
  }
  return groups;
}

/** One-line node label: done mark, id, description and size. */
export function taskLabel(t: PlannedTask): string {
  return `${t.done ? '✓ ' : ''}${t.id} ${t.text}${t.size ? ` (${t.size})` : ''}`;
}
