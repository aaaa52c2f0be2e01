import { dependentsOf } from './graph.ts';
import { isGlob } from './paths.ts';
import type { WorkflowSchema } from './schema.ts';
import type { ArtifactState, ArtifactStatus, WorkflowStatus } from './status.ts';

/** The parts of `openspec/config.yaml` that shape instructions. */
export interface InstructionConfig {
  context?: string;
  rules?: Readonly<Record<string, readonly string[]>>;
  language?: string;
}

export interface DependencyRef {
  id: string;
  status: ArtifactStatus;
  /** Root-relative path (or glob) the dependency is written to. */
  path: string;
  /** Existing files of the dependency, root-relative: the ones to read first. */
  files: string[];
}

/** Everything about writing one artifact that does not need the disk (the template is added by the caller). */
export interface ArtifactPlan {
  artifact: string;
  description: string;
  status: ArtifactStatus;
  /** Root-relative output path; a glob for multi-file artifacts. */
  outputPath: string;
  isGlob: boolean;
  existing: string[];
  instruction: string;
  context: string | null;
  rules: string[];
  language: string | null;
  dependencies: DependencyRef[];
  unlocks: string[];
  missingDeps: string[];
  template: string;
  /** Advice that does not stop the work, e.g. unmet dependencies. */
  warnings: string[];
}

function stateOf(status: WorkflowStatus, id: string): ArtifactState {
  const state = status.artifacts.find((a) => a.id === id);
  if (!state) throw new Error(`artifact ${id} missing from status`);
  return state;
}

/** Trimmed text, or null when absent or blank, so JSON never carries `""` for "not configured". */
export function optionalText(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

function artifactWarnings(state: ArtifactState): string[] {
  if (state.status === 'blocked')
    return [
      `'${state.id}' is blocked: it requires ${state.missingDeps.join(', ')}, not written yet. Write ${state.missingDeps.length === 1 ? 'it' : 'them'} first.`,
    ];
  if (state.status === 'skipped')
    return [`'${state.id}' is skipped: the change declares skip_specs: true in .openspec.yaml.`];
  return [];
}

/**
 * What an assistant needs to write artifact `id` of a change in `changeRel` (root-relative): where it goes,
 * what to read first, the schema's instruction and the project's context, rules and language.
 */
export function planArtifactInstructions(
  schema: WorkflowSchema,
  status: WorkflowStatus,
  id: string,
  changeRel: string,
  config: InstructionConfig,
): ArtifactPlan {
  const artifact = schema.artifacts.find((a) => a.id === id);
  if (!artifact) throw new Error(`unknown artifact ${id}`);
  const state = stateOf(status, id);
  const dependencies = artifact.requires.map((dep): DependencyRef => {
    const d = stateOf(status, dep);
    return { id: dep, status: d.status, path: `${changeRel}/${d.generates}`, files: d.files };
  });
  return {
    artifact: id,
    description: artifact.description,
    status: state.status,
    outputPath: `${changeRel}/${artifact.generates}`,
    isGlob: isGlob(artifact.generates),
    existing: state.files,
    instruction: artifact.instruction?.trim() ?? '',
    context: optionalText(config.context),
    rules: [...(config.rules?.[id] ?? [])],
    language: optionalText(config.language),
    dependencies,
    unlocks: dependentsOf(schema.artifacts, id),
    missingDeps: state.missingDeps,
    template: artifact.template,
    warnings: artifactWarnings(state),
  };
}

/**
 * Rule keys in config.yaml that name no artifact of any available schema: probably typos, which would
 * otherwise silently drop the rules. `knownIds` is the union of artifact ids over the schemas.
 */
export function unknownRuleKeys(
  rules: Readonly<Record<string, unknown>>,
  knownIds: ReadonlySet<string>,
): string[] {
  return Object.keys(rules).filter((k) => !knownIds.has(k));
}

/** The instruction apply uses when the schema gives none. */
export const DEFAULT_APPLY_INSTRUCTION =
  'Read the context files, then work through the pending tasks in order. Tick each task in the task file as soon as it is done and verified. Stop and ask when something is unclear.';
