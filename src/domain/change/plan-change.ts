import type { Issue } from '../issue.ts';
import { linkedFolderMessage } from '../linked-folder.ts';
import { type MergePlan, type ParsedMain, planMerge } from '../merge/merge.ts';
import { validateDelta } from '../validation/delta-rules.ts';
import { HIDDEN_HEADING_RULES } from '../validation/heading-rules.ts';
import { type DeltaSpec, parseDelta } from './delta.ts';
import { isEmptyDelta, pendingDelta } from './sync-record.ts';
import type { SyncRecord } from './sync-record-schema.ts';

/** Everything about a change that validation and archive need, already read from disk. */
export interface ChangeInput {
  name: string;
  /** Delta files found at `specs/<capability>/spec.md`, sorted by capability. */
  deltaFiles: { capability: string; file: string; text: string }[];
  /** Other files under the change's `specs/` (root-relative paths): never merged, so reported. */
  misplaced: { file: string; looksLikeDelta: boolean }[];
  /** Symbolic links to folders under the change's `specs/` (root-relative): never followed, so reported. */
  linkedFolders?: readonly string[];
  /** Main spec text per capability touched; undefined when the capability does not exist. */
  mainSpecs: ReadonlyMap<string, string | undefined>;
  /** Main specs already parsed and validated in this run, by capability (optional, saves re-parsing). */
  parsedMain?: ReadonlyMap<string, ParsedMain>;
  /** Root-relative path of a capability's main spec. */
  mainPath: (capability: string) => string;
  skipSpecs: boolean;
  retireCapabilities: boolean;
  /** Root-relative path of the change folder, for change-level issues. */
  dir: string;
  /** What earlier syncs of this change applied (`synced:` in its `.openspec.yaml`). */
  synced?: readonly SyncRecord[];
}

export interface ChangePlan {
  deltas: DeltaSpec[];
  merges: MergePlan[];
  issues: Issue[];
}

function fileIssues(input: ChangeInput): Issue[] {
  const issues: Issue[] = [];
  for (const m of input.misplaced) {
    issues.push({
      level: 'ERROR',
      rule: 'delta_misplaced_file',
      message: `${m.file} is not at specs/<capability>/spec.md, so it would never be merged${m.looksLikeDelta ? ' (it contains delta sections)' : ''}.`,
      file: m.file,
      fix: 'Move its requirements into specs/<capability>/spec.md.',
    });
  }
  const linked = input.linkedFolders ?? [];
  for (const file of linked) {
    issues.push({
      level: 'ERROR',
      rule: 'delta_linked_folder',
      message: linkedFolderMessage(file, 'its deltas would never be merged'),
      file,
      fix: 'Replace the link with a real folder holding the delta spec.md.',
    });
  }
  const hasDeltas = input.deltaFiles.length > 0;
  const stray = input.misplaced.length + linked.length;
  if (input.skipSpecs && (hasDeltas || stray > 0)) {
    issues.push({
      level: 'ERROR',
      rule: 'change_skip_specs_with_deltas',
      message: 'skip_specs is set in .openspec.yaml but the change has spec files under specs/.',
      file: `${input.dir}/.openspec.yaml`,
      fix: 'Remove skip_specs or delete the delta spec files.',
    });
  } else if (!hasDeltas && input.skipSpecs) {
    issues.push({
      level: 'INFO',
      rule: 'change_skip_specs',
      message: 'skip_specs is set: the change declares no spec-level behaviour changes.',
      file: `${input.dir}/.openspec.yaml`,
    });
  } else if (!hasDeltas && stray === 0) {
    issues.push({
      level: 'ERROR',
      rule: 'change_no_deltas',
      message: `Change "${input.name}" has no delta specs.`,
      file: input.dir,
      fix: 'Add specs/<capability>/spec.md with "## ADDED|MODIFIED|REMOVED|RENAMED Requirements", or set "skip_specs: true" in .openspec.yaml for a change with no behaviour change.',
    });
  }
  return issues;
}

/** An error that makes a delta impossible to apply unambiguously. */
export function isStructural(issue: Issue): boolean {
  return (
    issue.rule.startsWith('delta_') ||
    issue.rule.startsWith('merge_') ||
    issue.rule.startsWith('change_') ||
    // A header Markdown reads as text would be merged as text of the block above it.
    (HIDDEN_HEADING_RULES as readonly string[]).includes(issue.rule)
  );
}

function alreadySynced(capability: string, target: string): MergePlan {
  const counts = { added: 0, modified: 0, removed: 0, renamed: 0 };
  return { capability, target, action: 'unchanged', counts, issues: [] };
}

/**
 * Validate a change and plan every merge it implies, in memory. `validate` reports the issues;
 * `archive` writes the merges only when there is no ERROR: the two can never disagree.
 */
export function planChange(input: ChangeInput): ChangePlan {
  const issues = fileIssues(input);
  const deltas: DeltaSpec[] = [];
  const merges: MergePlan[] = [];
  for (const f of input.deltaFiles) {
    const delta = parseDelta(f.text, f.capability, f.file);
    deltas.push(delta);
    const own = validateDelta(delta);
    issues.push(...own);
    // Syntax and cross-operation errors make the merge ambiguous; content errors (a missing scenario)
    // do not, so the merge is still planned and any error it would introduce is caught on the result.
    if (own.some((i) => i.level === 'ERROR' && isStructural(i))) continue;
    // Entries an earlier sync of this change applied, unedited since, are done.
    const pending = pendingDelta(delta, input.synced);
    if (pending !== delta && isEmptyDelta(pending)) {
      merges.push(alreadySynced(f.capability, input.mainPath(f.capability)));
      continue;
    }
    const plan = planMerge({
      delta: pending,
      mainText: input.mainSpecs.get(f.capability),
      ...(input.parsedMain?.has(f.capability)
        ? { main: input.parsedMain.get(f.capability) as ParsedMain }
        : {}),
      target: input.mainPath(f.capability),
      changeName: input.name,
      retire: input.retireCapabilities,
      ...(input.synced ? { synced: input.synced } : {}),
    });
    merges.push(plan);
    issues.push(...plan.issues);
  }
  return { deltas, merges, issues };
}
