// The public API: app use cases and the types they return, for tools that want results without
// spawning the CLI. Never import from cli/ here.

export { type InitInput, type InitResult, initProject } from './app/init.ts';
export {
  type ChangeSort,
  type ChangeStatus,
  type ChangeSummary,
  countRequirements,
  type ListChangesResult,
  type ListSpecsResult,
  listChanges,
  listSpecs,
  type SpecSummary,
} from './app/list.ts';
export { createChange, type NewChangeInput, type NewChangeResult } from './app/new-change.ts';
export { CliError } from './domain/errors.ts';
export type { Issue, Level } from './domain/issue.ts';
export { checkTaskNumbering } from './domain/tasks/check-task-numbering.ts';
export { type ParsedTasks, parseTasks, type Task, type TaskGroup } from './domain/tasks/parse-tasks.ts';
export type { ProjectRoot, RootSource } from './io/project.ts';
