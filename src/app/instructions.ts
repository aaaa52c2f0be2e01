import { join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import { readTaskMeta } from '../domain/plan/task-meta.ts';
import { closestNames } from '../domain/suggest.ts';
import {
  type ArtifactPlan,
  DEFAULT_APPLY_INSTRUCTION,
  type DependencyRef,
  optionalText,
  planArtifactInstructions,
  unknownRuleKeys,
} from '../domain/workflow/instructions.ts';
import { type ApplyState, computeApplyStatus } from '../domain/workflow/status.ts';
import { readTextFile } from '../io/fs-safe.ts';
import { PROJECT_PATHS } from '../io/project.ts';
import { displayPath, listSchemaLocations, loadSchema, readTemplate } from '../io/schemas.ts';
import { listScratchpads, type Scratchpad } from './research.ts';
import {
  type ChangeWorkflow,
  loadChangeWorkflow,
  readTrackedTasks,
  type SchemaRef,
  schemaRef,
  type WorkflowInput,
} from './status.ts';

export interface ArtifactInstructions
  extends Omit<ArtifactPlan, 'template' | 'outputPath' | 'isGlob' | 'existing' | 'dependencies'> {
  change: string;
  schema: SchemaRef;
  output: { path: string; absolutePath: string; isGlob: boolean; existing: string[] };
  template: { path: string; content: string };
  dependencies: (DependencyRef & { contents: { path: string; text: string }[] | null })[];
  /** Research notes to read besides the dependencies and the output; `text` only with `--inline`. */
  scratchpads: (Scratchpad & { text: string | null })[];
}

/** The change's scratchpads other than `listed` (files the document already points at). */
function otherScratchpads(w: ChangeWorkflow, listed: readonly string[]): Scratchpad[] {
  const seen = new Set(listed);
  return listScratchpads(w.root.path, w.changeRel).filter((s) => !seen.has(s.path));
}

/** Rule keys of config.yaml that match no artifact of any available schema: likely typos worth a warning. */
async function ruleKeyWarnings(w: ChangeWorkflow, env: WorkflowInput['env']): Promise<string[]> {
  const rules = w.config.rules ?? {};
  const own = new Set(w.resolved.schema.artifacts.map((a) => a.id));
  if (unknownRuleKeys(rules, own).length === 0) return [];
  const known = new Set(own);
  for (const [first] of listSchemaLocations(w.root.path, env).values()) {
    if (!first) continue;
    for (const a of (await loadSchema(first, w.root.path)).schema?.artifacts ?? []) known.add(a.id);
  }
  return unknownRuleKeys(rules, known).map(
    (k) =>
      `${PROJECT_PATHS.configYaml}: rules.${k} names no artifact of any available schema (known: ${[...known].sort().join(', ')}).`,
  );
}

function unknownArtifact(w: ChangeWorkflow, id: string): CliError {
  const ids = w.resolved.schema.artifacts.map((a) => a.id);
  const near = closestNames(id, [...ids, 'apply']);
  return new CliError(
    'unknown_artifact',
    `Artifact '${id}' is not part of schema '${w.resolved.selection.name}'. Valid: ${[...ids, 'apply'].join(', ')}.`,
    {
      fix:
        near.length > 0
          ? `Did you mean: ${near.join(', ')}?`
          : `Try: specwright instructions ${ids[0]} --change ${w.change}${w.schemaFlag}`,
    },
  );
}

/** `specwright instructions <artifact> --change <c> [--inline]`: everything needed to write one artifact. */
export async function artifactInstructions(
  input: WorkflowInput & { artifact: string; inline: boolean },
): Promise<{ workflow: ChangeWorkflow; instructions: ArtifactInstructions }> {
  const w = await loadChangeWorkflow(input);
  if (!w.resolved.schema.artifacts.some((a) => a.id === input.artifact))
    throw unknownArtifact(w, input.artifact);
  const plan = planArtifactInstructions(w.resolved.schema, w.status, input.artifact, w.changeRel, w.config);
  const read = (files: string[]) => files.map((path) => ({ path, text: readTextFile(w.root.path, path) }));
  const templateAbs = join(w.resolved.location.dir, 'templates', plan.template);
  const instructions: ArtifactInstructions = {
    change: w.change,
    schema: schemaRef(w),
    artifact: plan.artifact,
    description: plan.description,
    status: plan.status,
    missingDeps: plan.missingDeps,
    output: {
      path: plan.outputPath,
      absolutePath: join(w.root.path, plan.outputPath),
      isGlob: plan.isGlob,
      existing: plan.existing,
    },
    dependencies: plan.dependencies.map((d) => ({ ...d, contents: input.inline ? read(d.files) : null })),
    scratchpads: otherScratchpads(w, [...plan.existing, ...plan.dependencies.flatMap((d) => d.files)]).map(
      (s) => ({ ...s, text: input.inline ? readTextFile(w.root.path, s.path) : null }),
    ),
    unlocks: plan.unlocks,
    instruction: plan.instruction,
    context: plan.context,
    rules: plan.rules,
    language: plan.language,
    template: {
      path: displayPath(w.root.path, templateAbs),
      content: readTemplate(w.resolved.location, plan.template, w.root.path),
    },
    warnings: [...w.warnings, ...(await ruleKeyWarnings(w, input.env)), ...plan.warnings],
  };
  return { workflow: w, instructions };
}

interface ApplyTask {
  id: string | null;
  /** The task text without its trailing `[key: value]` tags. */
  text: string;
  done: boolean;
  /** Root-relative file and 1-based line of the checkbox. */
  file: string;
  line: number;
  /** Planning metadata from the task's tags (empty lists when it has none). */
  size: string | null;
  after: string[];
  covers: string[];
  uses: string[];
}

/** Unchecked tasks whose `after` dependencies are all checked: what several agents can take at once. */
function readyTasks(tasks: readonly ApplyTask[]): ApplyTask[] {
  const done = new Set(tasks.filter((t) => t.done && t.id !== null).map((t) => t.id as string));
  return tasks.filter((t) => !t.done && t.after.every((id) => done.has(id)));
}

export interface ApplyInstructions {
  change: string;
  schema: SchemaRef;
  state: ApplyState;
  message: string;
  missingArtifacts: string[];
  contextFiles: { artifact: string; path: string }[];
  /** Research notes not already among `contextFiles` (a schema without a research artifact). */
  scratchpads: Scratchpad[];
  tracks: string | null;
  tasks: ApplyTask[];
  pending: ApplyTask[];
  /** Pending tasks whose dependencies are all done (every pending task when no task uses `after`). */
  ready: ApplyTask[];
  progress: { done: number; total: number; remaining: number };
  instruction: string;
  context: string | null;
  language: string | null;
  warnings: string[];
}

/** `specwright instructions apply --change <c>`: what to read, which tasks are open, and how to proceed. */
export async function applyInstructions(
  input: WorkflowInput,
): Promise<{ workflow: ChangeWorkflow; instructions: ApplyInstructions }> {
  const w = await loadChangeWorkflow(input);
  const tracked = readTrackedTasks(w.root.path, w.changeRel, w.resolved.schema);
  const apply = computeApplyStatus(w.status, tracked);
  const tasks: ApplyTask[] = tracked.tasks.map((t) => {
    const { meta } = readTaskMeta(t);
    return {
      id: t.id ?? null,
      text: t.text,
      done: t.done,
      file: t.file,
      line: t.line,
      size: meta.size ?? null,
      after: meta.after,
      covers: meta.covers.map((c) => c.ref),
      uses: meta.uses,
    };
  });
  const contextFiles = w.status.artifacts.flatMap((a) => a.files.map((path) => ({ artifact: a.id, path })));
  const instructions: ApplyInstructions = {
    change: w.change,
    schema: schemaRef(w),
    state: apply.state,
    message: apply.message,
    missingArtifacts: w.status.missingForApply,
    contextFiles,
    scratchpads: otherScratchpads(
      w,
      contextFiles.map((f) => f.path),
    ),
    tracks: tracked.tracks,
    tasks,
    pending: tasks.filter((t) => !t.done),
    ready: readyTasks(tasks),
    progress: { done: tracked.done, total: tracked.total, remaining: tracked.total - tracked.done },
    instruction: w.resolved.schema.apply?.instruction?.trim() || DEFAULT_APPLY_INSTRUCTION,
    context: optionalText(w.config.context),
    language: optionalText(w.config.language),
    warnings: w.warnings,
  };
  return { workflow: w, instructions };
}
