import type { Issue } from '../issue.ts';
import type { ParsedTasks } from '../tasks/parse-tasks.ts';
import type { TaskMeta } from './task-meta.ts';

function duplicateIds(parsed: ParsedTasks): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  for (const t of parsed.tasks) {
    if (t.id === undefined) continue;
    const line = first.get(t.id);
    if (line === undefined) first.set(t.id, t.line);
    else {
      issues.push({
        level: 'ERROR',
        rule: 'plan_duplicate_id',
        message: `Task id ${t.id} is used again (first on line ${line}), so [after: ${t.id}] would be ambiguous.`,
        line: t.line,
        fix: 'Give every task its own id.',
      });
    }
  }
  return issues;
}

/** Tags that cannot take effect: on sub-tasks, or on top-level tasks without an id. */
function misplacedTasks(parsed: ParsedTasks): Issue[] {
  const issues: Issue[] = [];
  for (const t of parsed.tasks) {
    const tagged = (t.tags?.length ?? 0) > 0;
    if (t.depth > 0) {
      if (!tagged) continue;
      issues.push({
        level: 'ERROR',
        rule: 'tasks_nested_tag',
        message: 'Tags on a sub-task are not read: only top-level tasks are planned.',
        line: t.line,
        fix: 'Move the tags to the parent task, or make the sub-task a top-level task of its phase.',
      });
    } else if (t.id === undefined) {
      issues.push({
        level: tagged ? 'ERROR' : 'WARNING',
        rule: tagged ? 'tasks_tag_without_id' : 'plan_task_without_id',
        message: `Task "${t.text}" has no id, so it is left out of the plan${tagged ? ' and its tags are ignored' : ''}.`,
        line: t.line,
        fix: 'Number it like its neighbours: "- [ ] 2.3 Do something".',
      });
    }
  }
  return issues;
}

function unknownDependencies(parsed: ParsedTasks, metas: ReadonlyMap<string, TaskMeta>): Issue[] {
  const nested = new Set(parsed.tasks.filter((t) => t.depth > 0 && t.id).map((t) => t.id as string));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const t of parsed.tasks) {
    if (t.depth > 0 || t.id === undefined || seen.has(t.id)) continue;
    seen.add(t.id);
    for (const dep of metas.get(t.id)?.after ?? []) {
      if (metas.has(dep)) continue;
      const subTask = nested.has(dep);
      issues.push({
        level: 'ERROR',
        rule: 'plan_unknown_dependency',
        message: subTask
          ? `Task ${t.id} is after ${dep}, which is a sub-task; only top-level tasks are planned.`
          : `Task ${t.id} is after ${dep}, but there is no task ${dep}.`,
        line: t.line,
        fix: subTask ? `Name its parent task instead of ${dep}.` : 'Fix the id or remove it from [after: …].',
      });
    }
  }
  return issues;
}

/**
 * Findings about how tasks are laid out for planning: duplicate ids, tags nobody reads, dependencies on
 * tasks that are not planned. `metas` holds the metadata of each planned (top-level, first-id) task.
 */
export function structureIssues(parsed: ParsedTasks, metas: ReadonlyMap<string, TaskMeta>): Issue[] {
  return [...duplicateIds(parsed), ...misplacedTasks(parsed), ...unknownDependencies(parsed, metas)];
}
