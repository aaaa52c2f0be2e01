import { findBlock, removeBlock, upsertBlock } from './managed-block.ts';
import { allManagedPaths, type DesiredFile, type ManagedKind } from './plan-files.ts';
import { contentHash, readStamp } from './stamp.ts';
import type { ToolId } from './tools.ts';
import type { WorkflowId } from './workflows.ts';

/** What happens to one managed file (or block): `created` and `updated` count as written. */
export type FileAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'removed';

/**
 * Why a file was left alone: `edited` since it was generated, `not_generated` (a file of the user's at a
 * path Specwright would write), or `markers_broken` (an instructions file whose markers do not pair up).
 */
export type SkipReason = 'edited' | 'not_generated' | 'markers_broken';

export interface FileDecision {
  path: string;
  kind: ManagedKind;
  tools: ToolId[];
  workflow: WorkflowId | null;
  action: FileAction;
  reason?: SkipReason;
  /** The file's new text, `null` to delete it, absent to leave it. */
  write?: string | null;
}

/** Reads a root-relative path: its text, or undefined when it does not exist. */
export type ReadFile = (path: string) => string | undefined;

type Base = Omit<FileDecision, 'action' | 'reason' | 'write'>;

/** The user-visible text of a managed item: the whole file, or what lies between the block markers. */
function ownedText(
  kind: ManagedKind,
  text: string,
): { found: true; text: string } | { found: false; broken: boolean } {
  if (kind !== 'block') return { found: true, text };
  const block = findBlock(text);
  if (block.kind === 'found') return { found: true, text: block.inner };
  return { found: false, broken: block.kind === 'broken' };
}

/** Decide one wanted file against what is on disk. */
function decideDesired(file: DesiredFile, existing: string | undefined, force: boolean): FileDecision {
  const base: Base = { path: file.path, kind: file.kind, tools: file.tools, workflow: file.workflow };
  const next = file.kind === 'block' ? upsertBlock(existing, file.content) : file.content;
  if (existing === undefined) return { ...base, action: 'created', write: next };
  const owned = ownedText(file.kind, existing);
  if (!owned.found) {
    if (owned.broken) return { ...base, action: 'skipped', reason: 'markers_broken' };
    return { ...base, action: 'created', write: next };
  }
  const stamp = readStamp(owned.text);
  const wanted = readStamp(file.content).body;
  if (stamp.state === 'none' && file.kind !== 'block') {
    return force
      ? { ...base, action: 'updated', write: next }
      : { ...base, action: 'skipped', reason: 'not_generated' };
  }
  if (stamp.state !== 'none' && contentHash(stamp.body) === contentHash(wanted)) {
    return { ...base, action: 'unchanged' };
  }
  if (stamp.state !== 'pristine' && !force) return { ...base, action: 'skipped', reason: 'edited' };
  return { ...base, action: 'updated', write: next };
}

/** Decide one no-longer-wanted path: remove what Specwright generated and nobody edited. */
function decideUnwanted(base: Base, existing: string | undefined, force: boolean): FileDecision | undefined {
  if (existing === undefined) return undefined;
  const owned = ownedText(base.kind, existing);
  if (!owned.found)
    return owned.broken ? { ...base, action: 'skipped', reason: 'markers_broken' } : undefined;
  const stamp = readStamp(owned.text);
  if (stamp.state === 'none' && base.kind !== 'block') return undefined;
  if (stamp.state !== 'pristine' && !force) return { ...base, action: 'skipped', reason: 'edited' };
  if (base.kind !== 'block') return { ...base, action: 'removed', write: null };
  const rest = removeBlock(existing);
  return { ...base, action: 'removed', write: rest === '' ? null : rest };
}

/**
 * Compare the wanted files with the disk and decide, per path: create, update, leave unchanged, skip
 * (edited by the user, or not Specwright's), or remove (generated for a tool or workflow no longer
 * selected). `force` overwrites and removes edited files and replaces files without a stamp. Pure:
 * `read` is the only window on the disk. Sorted by path.
 */
export function planSync(desired: readonly DesiredFile[], read: ReadFile, force: boolean): FileDecision[] {
  const wanted = new Set(desired.map((f) => f.path));
  const decisions = desired.map((f) => decideDesired(f, read(f.path), force));
  const unwanted = new Map<string, Base>();
  for (const m of allManagedPaths()) {
    if (wanted.has(m.path)) continue;
    const seen = unwanted.get(m.path);
    if (seen) seen.tools.push(m.tool);
    else unwanted.set(m.path, { path: m.path, kind: m.kind, tools: [m.tool], workflow: m.workflow });
  }
  for (const base of unwanted.values()) {
    const decision = decideUnwanted(base, read(base.path), force);
    if (decision) decisions.push(decision);
  }
  return decisions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
