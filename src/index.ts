// The public API: app use cases and the types they return, for tools that want results without
// spawning the CLI. Never import from cli/ here.

export { type ArchiveOptions, ArchiveRefused, type ArchiveResult, archiveChange } from './app/archive.ts';
export { type InitInput, type InitResult, initProject } from './app/init.ts';
export { applyInstructions, artifactInstructions } from './app/instructions.ts';
export type { FileEntry, IntegrationReport, Invocation } from './app/integrations.ts';
export {
  type ChangeSort,
  type ChangeStatus,
  type ChangeSummary,
  type ListChangesResult,
  type ListSpecsResult,
  listChanges,
  listSpecs,
  type SpecSummary,
} from './app/list.ts';
export { createChange, type NewChangeInput, type NewChangeResult } from './app/new-change.ts';
export { planChangeTasks } from './app/plan.ts';
export { forkSchema, initSchema, listSchemas, validateSchemas, whichSchema } from './app/schemas.ts';
export { type ShownChange, type ShownSpec, showChange, showSpec } from './app/show.ts';
export { allChangesStatus, changeStatus } from './app/status.ts';
export { syncChange } from './app/sync.ts';
export { listTemplates } from './app/templates.ts';
export { runTrace, type TraceOptions, type TraceReport } from './app/trace.ts';
export { type UpdateInput, type UpdateResult, updateIntegrations } from './app/update.ts';
export {
  runValidation,
  type ValidatedItem,
  type ValidateReport,
  type ValidateRequest,
} from './app/validate.ts';
export { runVerification, type VerifyOptions, type VerifyResult } from './app/verify.ts';
export { type DeltaSpec, parseDelta } from './domain/change/delta.ts';
export { CliError } from './domain/errors.ts';
export type { Issue, Level } from './domain/issue.ts';
export { lineAt, lineCount, linesOf } from './domain/markdown/doc-lines.ts';
export { type MergePlan, planMerge } from './domain/merge/merge.ts';
export type { Requirement, Scenario, SpecDoc } from './domain/spec/model.ts';
export { parseSpec } from './domain/spec/parse-spec.ts';
export { renderSpec, type SpecModel } from './domain/spec/render-spec.ts';
export { checkTaskNumbering } from './domain/tasks/check-task-numbering.ts';
export { type ParsedTasks, parseTasks, type Task, type TaskGroup } from './domain/tasks/parse-tasks.ts';
export { TOOLS, type ToolId, type ToolRow } from './domain/tools/tools.ts';
export { WORKFLOW_IDS, type WorkflowId } from './domain/tools/workflows.ts';
export type { ProjectRoot, RootSource } from './io/project.ts';
