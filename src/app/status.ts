import type { ResolvedProjectConfig } from '../domain/config/project-config.ts';
import { CliError } from '../domain/errors.ts';
import { parseTasks, type Task } from '../domain/tasks/parse-tasks.ts';
import type { WorkflowSchema } from '../domain/workflow/schema.ts';
import { type ArtifactState, computeWorkflowStatus, type WorkflowStatus } from '../domain/workflow/status.ts';
import { readChangeMetadata } from '../io/change-meta.ts';
import { matchOutputs } from '../io/change-outputs.ts';
import { readTextFile } from '../io/fs-safe.ts';
import { listActiveChanges, type ProjectRoot, requireProjectRoot } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { listScratchpads, type Scratchpad } from './research.ts';
import { resolveChangeDir } from './resolve-item.ts';
import {
  type PlaceJson,
  placeOf,
  type ResolvedSchema,
  resolveSchema,
  type SchemaSelection,
} from './schemas.ts';
import { planChangeAt } from './validate.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** A change with its schema, the files its artifacts produced, and the state of each artifact. */
export interface ChangeWorkflow {
  root: ProjectRoot;
  change: string;
  /** Root-relative change folder. */
  changeRel: string;
  resolved: ResolvedSchema;
  config: ResolvedProjectConfig['config'];
  status: WorkflowStatus;
  /** Config and schema warnings, one line each. */
  warnings: string[];
  /** ` --schema <name>` when `--schema` chose the schema, else '': suggested commands keep the choice. */
  schemaFlag: string;
}

export interface WorkflowInput {
  cwd: string;
  env: Env;
  change: string;
  /** `--schema`: use this schema instead of the one the change names. */
  schema?: string;
}

/** Load everything `status` and `instructions` need about one change. */
export async function loadChangeWorkflow(input: WorkflowInput, known?: ProjectRoot): Promise<ChangeWorkflow> {
  const root = known ?? requireProjectRoot(input.cwd);
  const changeRel = resolveChangeDir(root.path, input.change);
  const { config, warnings } = await readProjectConfig(root.path);
  const resolved = await resolveSchema(root.path, input.env, {
    change: input.change,
    ...(input.schema !== undefined ? { flag: input.schema } : {}),
    ...(config.schema !== undefined ? { configSchema: config.schema } : {}),
  });
  const meta = await readChangeMetadata(root.path, input.change);
  const skipSpecs = meta.status === 'ok' && meta.metadata.skip_specs === true;
  const files = new Map(
    resolved.schema.artifacts.map((a) => [a.id, matchOutputs(root.path, changeRel, a.generates)]),
  );
  const status = computeWorkflowStatus(resolved.schema, files, { skipSpecs });
  return {
    root,
    change: input.change,
    changeRel,
    resolved,
    config,
    status,
    warnings: [...warnings, ...resolved.warnings],
    schemaFlag: input.schema !== undefined ? ` --schema ${input.schema}` : '',
  };
}

/** How a change's schema is reported: which one, why, and where it was found. */
export type SchemaRef = SchemaSelection & PlaceJson;

export function schemaRef(w: ChangeWorkflow): SchemaRef {
  return { ...w.resolved.selection, ...placeOf(w.root.path, w.resolved.location) };
}

/** A task of the tracked file(s), with the file it is in. */
type TrackedTask = Task & { file: string };

export interface TrackedTasks {
  /** `apply.tracks` of the schema, or null when the schema tracks no tasks. */
  tracks: string | null;
  /** Root-relative files matched by `tracks`. */
  files: string[];
  tasks: TrackedTask[];
  done: number;
  total: number;
}

/** Parse the checkbox tasks of every file the schema's `apply.tracks` matches in the change. */
export function readTrackedTasks(root: string, changeRel: string, schema: WorkflowSchema): TrackedTasks {
  const tracks = schema.apply?.tracks ?? null;
  if (tracks === null) return { tracks, files: [], tasks: [], done: 0, total: 0 };
  const files = matchOutputs(root, changeRel, tracks);
  const tasks = files.flatMap((file) =>
    parseTasks(readTextFile(root, file)).tasks.map((t) => ({ ...t, file })),
  );
  return { tracks, files, tasks, done: tasks.filter((t) => t.done).length, total: tasks.length };
}

export interface ChangeStatusResult {
  change: string;
  path: string;
  schema: SchemaRef;
  artifacts: ArtifactState[];
  progress: { done: number; skipped: number; total: number };
  next: string | null;
  nextCommand: string | null;
  tasks: { tracks: string | null; files: string[]; done: number; total: number };
  /** The change's research notes (`research/*.md`), whatever its schema. */
  scratchpads: Scratchpad[];
  readyToApply: boolean;
  readyToArchive: boolean;
  /** Why the change cannot be archived yet (empty when it can). */
  archiveBlockers: string[];
  validation: { errors: number; warnings: number };
  warnings: string[];
}

async function validationCounts(w: ChangeWorkflow): Promise<{ errors: number; warnings: number } | string> {
  try {
    const { issues } = await planChangeAt(w.root.path, w.change, w.changeRel);
    const errors = issues.filter((i) => i.level === 'ERROR').length;
    return { errors, warnings: issues.filter((i) => i.level === 'WARNING').length };
  } catch (e) {
    if (e instanceof CliError) return e.message;
    throw e;
  }
}

function blockersOf(
  w: ChangeWorkflow,
  tasks: TrackedTasks,
  validation: { errors: number } | string,
): string[] {
  const out: string[] = [];
  const open = w.status.artifacts.filter((a) => a.status !== 'done' && a.status !== 'skipped');
  if (open.length > 0) out.push(`Artifacts not written yet: ${open.map((a) => a.id).join(', ')}.`);
  const trackedArtifactOpen = open.some((a) => a.generates === tasks.tracks);
  if (tasks.tracks !== null && tasks.total === 0 && !trackedArtifactOpen)
    out.push(`No tasks found in ${tasks.tracks}.`);
  else if (tasks.done < tasks.total)
    out.push(`${tasks.total - tasks.done} of ${tasks.total} tasks are not checked.`);
  if (typeof validation === 'string') out.push(`Validation could not run: ${validation}`);
  else if (validation.errors > 0)
    out.push(`Validation reports ${validation.errors} error(s); run: specwright validate ${w.change}`);
  return out;
}

function nextCommandOf(w: ChangeWorkflow, blockers: string[], tasksLeft: boolean): string | null {
  const c = w.change;
  if (w.status.next) return `specwright instructions ${w.status.next} --change ${c}${w.schemaFlag}`;
  if (!w.status.complete) return null;
  if (blockers.length === 0) return `specwright archive ${c}`;
  if (tasksLeft) return `specwright instructions apply --change ${c}${w.schemaFlag}`;
  return `specwright validate ${c}`;
}

/** `specwright status --change <c>`: artifact states, the next step, task progress, apply/archive readiness. */
export async function changeStatus(input: WorkflowInput, known?: ProjectRoot): Promise<ChangeStatusResult> {
  const w = await loadChangeWorkflow(input, known);
  const tasks = readTrackedTasks(w.root.path, w.changeRel, w.resolved.schema);
  const validation = await validationCounts(w);
  const blockers = blockersOf(w, tasks, validation);
  const arts = w.status.artifacts;
  return {
    change: w.change,
    path: w.changeRel,
    schema: schemaRef(w),
    artifacts: arts,
    progress: {
      done: arts.filter((a) => a.status === 'done').length,
      skipped: arts.filter((a) => a.status === 'skipped').length,
      total: arts.length,
    },
    next: w.status.next ?? null,
    nextCommand: nextCommandOf(w, blockers, tasks.total === 0 || tasks.done < tasks.total),
    tasks: { tracks: tasks.tracks, files: tasks.files, done: tasks.done, total: tasks.total },
    scratchpads: listScratchpads(w.root.path, w.changeRel),
    readyToApply: w.status.readyToApply,
    readyToArchive: blockers.length === 0,
    archiveBlockers: blockers,
    validation: typeof validation === 'string' ? { errors: 1, warnings: 0 } : validation,
    warnings: w.warnings,
  };
}

/** A change whose status could not be computed (unknown schema, broken metadata): the reason instead. */
export interface BrokenChangeStatus {
  change: string;
  error: { code: string; message: string; fix?: string };
}

/** `specwright status` without `--change`: every active change (an empty list is not an error). */
export async function allChangesStatus(input: { cwd: string; env: Env; schema?: string }) {
  const root = requireProjectRoot(input.cwd);
  // A broken config.yaml breaks every change alike: one config_invalid error, not one row per change.
  await readProjectConfig(root.path);
  const changes: (ChangeStatusResult | BrokenChangeStatus)[] = [];
  for (const change of listActiveChanges(root.path)) {
    try {
      changes.push(await changeStatus({ ...input, change }, root));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      const error = { code: e.code, message: e.message, ...(e.fix ? { fix: e.fix } : {}) };
      changes.push({ change, error });
    }
  }
  return { root, changes };
}
