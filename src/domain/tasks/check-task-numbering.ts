import type { Issue } from '../issue.ts';
import type { ParsedTasks, Task } from './parse-tasks.ts';

type IdTask = Task & { id: string };

function groupMismatch(parsed: ParsedTasks, task: IdTask): Issue | undefined {
  const groupNumber = task.group === undefined ? undefined : parsed.groups[task.group]?.number;
  const major = Number(task.id.split('.')[0]);
  if (groupNumber === undefined || major === groupNumber) return undefined;
  return {
    level: 'WARNING',
    rule: 'tasks_group_mismatch',
    message: `Task ${task.id} is under group ${groupNumber}.`,
    line: task.line,
    fix: `Renumber it ${groupNumber}.x or move it under "## ${major}."`,
  };
}

/**
 * Numbering findings for tasks with dotted ids. Numbering is a convention agents rely on to refer to
 * tasks ("do 2.3"), so mistakes are warnings, never errors: progress counting does not depend on them.
 * `file` is left for the caller to fill in.
 */
export function checkTaskNumbering(parsed: ParsedTasks): Issue[] {
  const issues: Issue[] = [];
  if (parsed.total === 0 && parsed.listItems > 0) {
    issues.push({
      level: 'WARNING',
      rule: 'tasks_no_checkboxes',
      message: `tasks.md has ${parsed.listItems} list item(s) but no checkboxes, so progress cannot be tracked.`,
      fix: 'Write tasks as "- [ ] 1.1 Do something".',
    });
    return issues;
  }
  const seen = new Map<string, number>();
  /** Last id seen per prefix (`1` for `1.3`, `1.2` for `1.2.4`), to spot skipped numbers. */
  const lastInPrefix = new Map<string, number>();
  for (const task of parsed.tasks) {
    if (task.id === undefined) continue;
    const t = task as IdTask;
    const mismatch = groupMismatch(parsed, t);
    if (mismatch) issues.push(mismatch);
    const firstLine = seen.get(t.id);
    if (firstLine !== undefined) {
      issues.push({
        level: 'WARNING',
        rule: 'tasks_duplicate_id',
        message: `Task id ${t.id} is used again (first on line ${firstLine}).`,
        line: t.line,
      });
      continue;
    }
    seen.set(t.id, t.line);
    const dot = t.id.lastIndexOf('.');
    const prefix = t.id.slice(0, dot);
    const n = Number(t.id.slice(dot + 1));
    const prev = lastInPrefix.get(prefix);
    if (prev !== undefined && n > prev + 1) {
      issues.push({
        level: 'WARNING',
        rule: 'tasks_numbering_gap',
        message: `Task ${t.id} follows ${prefix}.${prev}; ${prefix}.${prev + 1} is missing.`,
        line: t.line,
      });
    }
    lastInPrefix.set(prefix, n);
  }
  return issues;
}
