import { buildOrder, requiredClosure } from './graph.ts';
import { applyRequires, type WorkflowSchema } from './schema.ts';

/**
 * `done`: its output exists; `skipped`: a spec artifact of a change that declares `skip_specs`;
 * `ready`: everything it requires is done or skipped; `blocked`: something it requires is not.
 */
export type ArtifactStatus = 'done' | 'ready' | 'blocked' | 'skipped';

export interface ArtifactState {
  id: string;
  generates: string;
  description: string;
  status: ArtifactStatus;
  requires: string[];
  /** The `requires` that are neither done nor skipped, in declaration order (empty unless blocked). */
  missingDeps: string[];
  /** Existing files matching `generates`, as given by the caller (root-relative, sorted). */
  files: string[];
}

export interface WorkflowStatus {
  /** Every artifact in build order. */
  artifacts: ArtifactState[];
  /** The first `ready` artifact in build order: what to write next. */
  next: string | undefined;
  /** Every artifact is done or skipped. */
  complete: boolean;
  applyRequires: string[];
  /**
   * Every artifact `apply.requires` needs, directly or through their own `requires`, is done or skipped
   * (a `skip_specs` change skips its spec artifacts), so `tasks.md` alone does not make a change ready.
   */
  readyToApply: boolean;
  /** Not-done artifacts that `apply.requires` needs, directly or not, in build order. */
  missingForApply: string[];
}

/** Whether an artifact's output lives under `specs/`, the part a `skip_specs` change leaves out. */
function isSpecsArtifact(generates: string): boolean {
  return generates.startsWith('specs/');
}

const COMPLETE: ReadonlySet<ArtifactStatus> = new Set(['done', 'skipped']);

/**
 * The state of every artifact of a change, from the files that exist (`files`: artifact id → matching
 * files). Content is never judged here: an artifact with any matching file is done, whatever its
 * dependencies say; `validate` judges content.
 */
export function computeWorkflowStatus(
  schema: WorkflowSchema,
  files: ReadonlyMap<string, readonly string[]>,
  opts: { skipSpecs: boolean },
): WorkflowStatus {
  const base = new Map<string, ArtifactStatus>();
  for (const a of schema.artifacts) {
    const done = (files.get(a.id)?.length ?? 0) > 0;
    base.set(a.id, done ? 'done' : opts.skipSpecs && isSpecsArtifact(a.generates) ? 'skipped' : 'ready');
  }
  const isComplete = (id: string) => COMPLETE.has(base.get(id) ?? 'blocked');
  const byId = new Map(schema.artifacts.map((a) => [a.id, a]));
  const artifacts = buildOrder(schema.artifacts).map((id): ArtifactState => {
    const a = byId.get(id) as WorkflowSchema['artifacts'][number];
    const own = base.get(id) as ArtifactStatus;
    const missingDeps = own === 'ready' ? a.requires.filter((r) => !isComplete(r)) : [];
    return {
      id,
      generates: a.generates,
      description: a.description,
      status: missingDeps.length > 0 ? 'blocked' : own,
      requires: [...a.requires],
      missingDeps,
      files: [...(files.get(id) ?? [])],
    };
  });
  const needed = applyRequires(schema);
  const missingForApply = requiredClosure(schema.artifacts, needed).filter((id) => !isComplete(id));
  return {
    artifacts,
    next: artifacts.find((a) => a.status === 'ready')?.id,
    complete: artifacts.every((a) => COMPLETE.has(a.status)),
    applyRequires: needed,
    readyToApply: missingForApply.length === 0,
    missingForApply,
  };
}

/** `blocked`: apply cannot start; `ready`: tasks are pending; `all_done`: every tracked task is checked. */
export type ApplyState = 'blocked' | 'ready' | 'all_done';

export interface ApplyStatus {
  state: ApplyState;
  /** Why the state is what it is, in one or two sentences for a human or an assistant. */
  message: string;
}

/** The apply phase: blocked until its artifacts exist and the tracked file has tasks, done when all are ticked. */
export function computeApplyStatus(
  status: WorkflowStatus,
  tasks: { tracks: string | null; done: number; total: number },
): ApplyStatus {
  if (!status.readyToApply) {
    const missing = status.missingForApply.join(', ');
    return { state: 'blocked', message: `Apply needs these artifacts first: ${missing}.` };
  }
  if (tasks.tracks === null) {
    return {
      state: 'ready',
      message: 'This schema tracks no task file; implement the change as its artifacts describe.',
    };
  }
  if (tasks.total === 0) {
    return {
      state: 'blocked',
      message: `${tasks.tracks} has no checkbox tasks (- [ ] 1.1 ...) to work through.`,
    };
  }
  if (tasks.done === tasks.total) {
    return {
      state: 'all_done',
      message: `All ${tasks.total} tasks are checked; validate the change and archive it.`,
    };
  }
  const left = tasks.total - tasks.done;
  return {
    state: 'ready',
    message: `${left} of ${tasks.total} task${tasks.total === 1 ? '' : 's'} still open.`,
  };
}
