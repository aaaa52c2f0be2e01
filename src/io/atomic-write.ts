import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';
import { CliError } from '../domain/errors.ts';
import { resolveInsideRoot, toRootRelative } from './fs-safe.ts';

/** One step of a file transaction. Paths are absolute or relative to the root; all must stay inside it. */
export type FileOp =
  /** Create or replace a file (parent directories are created as needed). */
  | { kind: 'write'; path: string; content: string | Uint8Array }
  /** Ensure a directory exists (with parents); an existing directory is left alone. */
  | { kind: 'mkdir'; path: string }
  /** Rename a file or directory; the destination must not exist. */
  | { kind: 'move'; from: string; to: string }
  /**
   * Remove a file or directory (staged as a rename until every op succeeded). With `entries`, the path
   * must be a directory holding exactly those names when the op runs (besides deletions this transaction
   * staged in it, so a parent can follow its emptied child), so a directory that gained files since the
   * plan is never removed (the op fails and the transaction rolls back).
   */
  | { kind: 'delete'; path: string; entries?: readonly string[] };

export interface TransactionOptions {
  /** Runs before op `index`; a throw aborts the transaction like a failing op (tests inject failures here). */
  beforeOp?: (op: FileOp, index: number) => void | Promise<void>;
}

export interface TransactionResult {
  /** Root-relative POSIX paths written, created, moved (both ends) or deleted, in op order. */
  touched: string[];
  /** Staged deletions that could not be removed after success (hidden `.<name>.specwright-delete-*`). */
  leftovers: string[];
}

/** What a path held before the transaction touched it. */
type Snapshot = { kind: 'absent' } | { kind: 'file'; bytes: Buffer; mode: number } | { kind: 'other' };

/** How to take back one performed step. */
type Undo =
  | { type: 'restore'; abs: string; bytes: Buffer; mode: number }
  | { type: 'unlink'; abs: string }
  | { type: 'rmdir'; abs: string }
  | { type: 'rename'; from: string; to: string };

function snapshot(abs: string): Snapshot {
  try {
    const st = lstatSync(abs);
    return st.isFile()
      ? { kind: 'file', bytes: readFileSync(abs), mode: st.mode & 0o7777 }
      : { kind: 'other' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw e;
  }
}

function exists(abs: string): boolean {
  return snapshot(abs).kind !== 'absent';
}

/** mkdir -p that records each directory it creates, outermost first, so rollback can remove exactly those. */
function makeDirs(abs: string, undo: Undo[]): void {
  const missing: string[] = [];
  for (let dir = abs; !exists(dir); dir = dirname(dir)) missing.unshift(dir);
  for (const dir of missing) {
    mkdirSync(dir);
    undo.push({ type: 'rmdir', abs: dir });
  }
}

interface RunState {
  root: string;
  undo: Undo[];
  /** Paths no earlier op has touched map to their state from before the transaction. */
  initial: Map<string, Snapshot>;
  touchedAbs: Set<string>;
  /** Staged deletions, removed for good once every op succeeded. */
  trash: string[];
}

function stateBefore(state: RunState, abs: string): Snapshot {
  return (state.touchedAbs.has(abs) ? undefined : state.initial.get(abs)) ?? snapshot(abs);
}

async function performWrite(state: RunState, abs: string, content: string | Uint8Array): Promise<void> {
  const before = stateBefore(state, abs);
  if (before.kind === 'other')
    throw new CliError('write_target_not_file', `${toRootRelative(state.root, abs)} is not a file.`);
  makeDirs(dirname(abs), state.undo);
  const data =
    typeof content === 'string'
      ? content
      : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  await writeFileAtomicLib(abs, data);
  state.undo.push(before.kind === 'file' ? { type: 'restore', abs, ...before } : { type: 'unlink', abs });
}

function performMove(state: RunState, from: string, to: string): void {
  if (exists(to)) {
    throw new CliError(
      'move_target_exists',
      `${toRootRelative(state.root, to)} already exists; nothing is overwritten.`,
    );
  }
  makeDirs(dirname(to), state.undo);
  renameSync(from, to);
  state.undo.push({ type: 'rename', from: to, to: from });
}

/** The directory at `abs` holds exactly `entries` (in any order), not counting deletions staged in it. */
function holdsExactly(state: RunState, abs: string, entries: readonly string[]): boolean {
  const found = readdirSync(abs).filter((name) => !state.trash.includes(join(abs, name)));
  return found.length === entries.length && entries.every((e) => found.includes(e));
}

function performDelete(state: RunState, abs: string, entries?: readonly string[]): void {
  if (entries && !holdsExactly(state, abs, entries)) {
    const held = entries.length === 0 ? 'is no longer empty' : `no longer holds only ${entries.join(', ')}`;
    throw new CliError(
      'delete_target_changed',
      `${toRootRelative(state.root, abs)} ${held}; nothing is removed.`,
    );
  }
  const staged = join(
    dirname(abs),
    `.${basename(abs)}.specwright-delete-${process.pid}-${state.undo.length}`,
  );
  renameSync(abs, staged);
  state.undo.push({ type: 'rename', from: staged, to: abs });
  state.trash.push(staged);
}

function takeBack(u: Undo): void {
  if (u.type === 'restore') writeFileAtomicLib.sync(u.abs, u.bytes, { mode: u.mode });
  else if (u.type === 'unlink') unlinkSync(u.abs);
  else if (u.type === 'rmdir') rmdirSync(u.abs);
  else renameSync(u.from, u.to);
}

/** Undo every performed step, newest first; returns the paths that could not be restored. */
function rollback(state: RunState): string[] {
  const failed: string[] = [];
  for (const u of state.undo.reverse()) {
    try {
      takeBack(u);
    } catch {
      failed.push(toRootRelative(state.root, u.type === 'rename' ? u.to : u.abs));
    }
  }
  return failed;
}

function opPaths(op: FileOp): string[] {
  return op.kind === 'move' ? [op.from, op.to] : [op.path];
}

async function perform(state: RunState, op: FileOp, abs: string[]): Promise<void> {
  const [first, second] = abs as [string, string];
  try {
    if (op.kind === 'write') await performWrite(state, first, op.content);
    else if (op.kind === 'mkdir') makeDirs(first, state.undo);
    else if (op.kind === 'move') performMove(state, first, second);
    else performDelete(state, first, op.entries);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const what = opPaths(op).join(' -> ');
    throw new CliError('file_operation_failed', `Could not ${op.kind} ${what} (${code}).`, { cause: e });
  }
}

/** Remove staged deletions; a failure only leaves a hidden file behind, so it is reported, not thrown. */
function emptyTrash(state: RunState): string[] {
  const left: string[] = [];
  for (const staged of state.trash) {
    try {
      rmSync(staged, { recursive: true, force: true });
    } catch {
      left.push(toRootRelative(state.root, staged));
    }
  }
  return left;
}

/**
 * Apply `ops` in order as one unit. Every path is checked to be inside `root` and every existing target
 * is snapshotted before the first change; if any op (or `options.beforeOp`) throws, the performed ops are
 * undone newest first so the tree is byte-for-byte what it was, and the error is rethrown. A rollback that
 * itself fails is reported as `rollback_incomplete` naming the paths left changed.
 */
export async function applyFileTransaction(
  root: string,
  ops: readonly FileOp[],
  options: TransactionOptions = {},
): Promise<TransactionResult> {
  const resolved = ops.map((op) => opPaths(op).map((p) => resolveInsideRoot(root, p)));
  const state: RunState = { root, undo: [], initial: new Map(), touchedAbs: new Set(), trash: [] };
  for (const abs of resolved.flat()) if (!state.initial.has(abs)) state.initial.set(abs, snapshot(abs));
  try {
    for (const [index, op] of ops.entries()) {
      await options.beforeOp?.(op, index);
      const abs = resolved[index] as string[];
      await perform(state, op, abs);
      for (const a of abs) state.touchedAbs.add(a);
    }
  } catch (error) {
    const failed = rollback(state);
    if (failed.length === 0) throw error;
    throw new CliError(
      'rollback_incomplete',
      `Rollback failed; these paths may be left changed: ${failed.join(', ')}`,
      {
        cause: error,
      },
    );
  }
  const leftovers = emptyTrash(state);
  return { touched: resolved.flat().map((abs) => toRootRelative(root, abs)), leftovers };
}

/** Write one file atomically inside `root` (temp file, fsync, rename), creating parent directories. */
export async function writeFileInRoot(
  root: string,
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  await applyFileTransaction(root, [{ kind: 'write', path, content }]);
}
