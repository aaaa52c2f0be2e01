import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../domain/errors.ts';

/** Whether anything (a file, a folder, even a dangling symlink) is at `abs`: lstat, never followed. */
export function pathExists(abs: string): boolean {
  try {
    return pathPresent(abs);
  } catch {
    return false;
  }
}

/** Whether an entry (a dangling symlink too) is at `abs`; a missing folder on the way counts as absent. */
function pathPresent(abs: string): boolean {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) !== undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw e;
  }
}

/** Not defined on Windows: there every read takes the full realpath check. */
const NOFOLLOW: number | undefined = constants.O_NOFOLLOW;

/** Files above this size are refused: specs and task lists are kilobytes, anything bigger is a mistake. */
const MAX_TEXT_FILE_BYTES = 10 * 1024 * 1024;

/** `abs` relative to `root` with `/` separators, for messages and JSON (stable across platforms). */
export function toRootRelative(root: string, abs: string): string {
  const rel = relative(root, abs);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

const normalRoots = new Map<string, boolean>();

/** Whether `root` is absolute and already normalised (what `resolve` returns), checked once per root. */
function isNormalRoot(root: string): boolean {
  let normal = normalRoots.get(root);
  if (normal === undefined) {
    normal = isAbsolute(root) && resolve(root) === root;
    normalRoots.set(root, normal);
  }
  return normal;
}

const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/**
 * `root` joined with `target` when `target` is a plain relative POSIX path (no `.` or `..` segment, no
 * empty segment, no backslash) and `root` is normalised: then the join is exactly what `resolve` gives,
 * it is lexically inside `root`, and `target` is its root-relative form. Undefined otherwise (callers
 * take the general path). Saves a resolve and a relative per read on large trees.
 */
function plainJoin(root: string, target: string): string | undefined {
  if (sep !== '/' || target === '' || !isNormalRoot(root)) return undefined;
  if (target.charCodeAt(0) === 47 || target.endsWith('/') || target.includes('//')) return undefined;
  if (target.includes('\\') || DOT_SEGMENT.test(target)) return undefined;
  return root === '/' ? `/${target}` : `${root}/${target}`;
}

function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Real path of the longest existing prefix of `abs`, with the missing tail appended. */
function realpathOfExistingPrefix(abs: string): string {
  const tail: string[] = [];
  let current = abs;
  for (;;) {
    try {
      return resolve(realpathSync.native(current), ...tail);
    } catch (e) {
      const parent = dirname(current);
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw e;
      tail.unshift(basename(current));
      current = parent;
    }
  }
}

/**
 * `realpathOfExistingPrefix` for folders, built from the parent's cached real path and one lstat of the
 * last component (a full realpath only where that component is a symlink). Reading many files in
 * many folders then costs one lstat per new folder instead of a walk of every component per file.
 * Only existing paths are cached.
 */
function realFolder(abs: string, cache: Map<string, string>): string {
  const known = cache.get(abs);
  if (known !== undefined) return known;
  const parent = dirname(abs);
  if (parent === abs) return realpathSync.native(abs);
  let stats: import('node:fs').Stats | undefined;
  try {
    stats = lstatSync(abs, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
  }
  const real = stats?.isSymbolicLink()
    ? realpathOfExistingPrefix(abs)
    : join(realFolder(parent, cache), basename(abs));
  if (stats) cache.set(abs, real);
  return real;
}

const realRoots = new Map<string, string>();

/** The root's real path, resolved once per process: every guarded read compares against it. */
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync.native(root);
    realRoots.set(root, real);
  }
  return real;
}

function outsideRoot(target: string): CliError {
  return new CliError('path_outside_root', `Path is outside the allowed directory: ${target}`);
}

/**
 * `target` resolved against `root`, refused unless it stays inside `root` lexically and, once the
 * symlinks of the longest existing prefix are resolved, really. With `folders` only the folder is
 * resolved (through that cache; the caller must not follow a symlinked last component). Returns the
 * absolute path.
 */
function guardPath(root: string, target: string, folders?: Map<string, string>): string {
  const abs = resolve(root, target);
  if (!isWithin(root, abs)) throw outsideRoot(target);
  let real: string;
  try {
    real = folders ? realFolder(dirname(abs), folders) : realpathOfExistingPrefix(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new CliError('path_unresolvable', `${target}: a loop of symbolic links.`, { cause: e });
    throw new CliError('path_unresolvable', `${target}: cannot be resolved (${code}).`, { cause: e });
  }
  if (!isWithin(realRoot(root), real)) throw outsideRoot(target);
  return abs;
}

/**
 * Resolve `target` (absolute, or relative to `root`) and make sure it stays inside `root`: first
 * lexically, then after resolving symlinks of the longest existing prefix, so neither `../x` nor a
 * symlinked `openspec/changes` pointing elsewhere lets a read or write leave the project.
 */
export function resolveInsideRoot(root: string, target: string): string {
  return guardPath(root, target);
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Whether `bytes[0, end)` decodes; `stream` treats a sequence cut at `end` as pending rather than invalid. */
function decodes(bytes: Uint8Array, end: number, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream });
    return true;
  } catch {
    return false;
  }
}

/** Offset where the first invalid UTF-8 sequence starts (binary search over prefixes; error path only). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodes(bytes, mid, true)) lo = mid;
    else hi = mid - 1;
  }
  if (decodes(bytes, lo, false)) return lo;
  // The longest valid prefix ends inside a multi-byte sequence: report where that sequence starts.
  let start = lo - 1;
  while (start > 0 && ((bytes[start] as number) & 0xc0) === 0x80) start--;
  return start;
}

// ignoreBOM keeps a leading U+FEFF in the text, so writers can put back exactly the bytes they read.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function readError(e: unknown, rel: string): CliError {
  if (e instanceof CliError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT') return new CliError('file_not_found', `${rel}: does not exist.`, { cause: e });
  return new CliError('file_unreadable', `${rel}: cannot be read (${code}).`, { cause: e });
}

/** Bytes of the last file read, reused from read to read; files above `SCRATCH_MAX` get their own buffer. */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
const SCRATCH_MAX = 1024 * 1024;

/**
 * Read an open file (closing it) as UTF-8 text, refusing anything over the size limit. The bytes go into
 * a buffer shared by all reads and are decoded before the next read: no buffer per file, and no second
 * fstat as in readFileSync. Like readFileSync, it reads the size fstat gave.
 */
function readFdText(fd: number, rel: string): string {
  let bytes: Buffer;
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_TEXT_FILE_BYTES) {
      const mb = (size / 1048576).toFixed(1);
      throw new CliError('file_too_large', `${rel}: too large (${mb} MB); files over 10 MB are refused.`);
    }
    if (size > scratch.length) {
      if (size > SCRATCH_MAX) bytes = Buffer.allocUnsafeSlow(size);
      else bytes = scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
    } else bytes = scratch;
    let got = 0;
    while (got < size) {
      const n = readSync(fd, bytes, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    bytes = bytes.subarray(0, got);
  } catch (e) {
    throw readError(e, rel);
  } finally {
    closeSync(fd);
  }
  return decodeText(bytes, rel);
}

const trustedTrees = new Map<string, boolean>();

/** Whether `tree` (e.g. `openspec/specs`) really lies inside `root`, checked once per process. */
function treeInsideRoot(root: string, tree: string): boolean {
  const key = `${root}\0${tree}`;
  let inside = trustedTrees.get(key);
  if (inside === undefined) {
    try {
      inside = isWithin(realRoot(root), realpathSync.native(resolve(root, tree)));
    } catch {
      inside = false;
    }
    trustedTrees.set(key, inside);
  }
  return inside;
}

/**
 * Read a file found by a listing of `tree` that never follows symlinked directories (such as
 * `listCapabilities`). Only the tree itself is resolved (once); the file is opened with O_NOFOLLOW,
 * and a symlinked file falls back to the full check of `readTextFile`. Saves a realpath per file.
 */
export function readListedTextFile(root: string, tree: string, target: string): string {
  const plain = plainJoin(root, target);
  const abs = plain ?? resolve(root, target);
  const rel = plain !== undefined ? target : toRootRelative(root, abs);
  const inTree = plain !== undefined ? target.startsWith(`${tree}/`) : isWithin(resolve(root, tree), abs);
  if (NOFOLLOW === undefined || !inTree || !treeInsideRoot(root, tree)) {
    return readTextFile(root, target);
  }
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | NOFOLLOW);
  } catch {
    return readTextFile(root, target);
  }
  return readFdText(fd, rel);
}

/** Real paths of the folders reads went through, for this process (see `readGuarded`). */
const realFolders = new Map<string, string>();

/** Per root, the existing folders whose real path was found inside it (see `guardPlainFolder`). */
const foldersInside = new Map<string, Set<string>>();

/**
 * `guardPath` for a `plainJoin` result: lexically inside already, so only its folder's real path is
 * checked, and a folder once found inside the root is not checked again in this process.
 */
function guardPlainFolder(root: string, target: string, abs: string): string {
  const folder = abs.slice(0, abs.lastIndexOf('/'));
  let inside = foldersInside.get(root);
  if (inside === undefined) {
    inside = new Set();
    foldersInside.set(root, inside);
  }
  if (inside.has(folder)) return abs;
  guardPath(root, target, realFolders);
  if (realFolders.has(folder)) inside.add(folder);
  return abs;
}

/**
 * The guarded read behind `readTextFile` and `readTextFileIfExists`. The folder's real path is checked
 * (cached per folder) and the file is opened without following a symlink; only a symlinked file pays
 * a realpath of its own. A missing file is `undefined` when `missingOk`, without building an error.
 */
function readGuarded(root: string, target: string, missingOk: boolean): string | undefined {
  const plain = NOFOLLOW === undefined ? undefined : plainJoin(root, target);
  let abs: string;
  let rel: string;
  if (plain !== undefined) {
    abs = guardPlainFolder(root, target, plain);
    rel = target;
  } else {
    abs = NOFOLLOW === undefined ? resolveInsideRoot(root, target) : guardPath(root, target, realFolders);
    rel = toRootRelative(root, abs);
  }
  // An optional file that is not there costs one lstat, not a failed open and the exception it throws.
  if (missingOk && !pathPresent(abs)) return undefined;
  let fd: number;
  try {
    fd = openSync(abs, NOFOLLOW === undefined ? constants.O_RDONLY : constants.O_RDONLY | NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (missingOk && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
    // ELOOP (EMLINK on some BSDs): the file itself is a symlink; follow it only once its target is checked.
    if (code !== 'ELOOP' && code !== 'EMLINK') throw readError(e, rel);
    resolveInsideRoot(root, target);
    try {
      fd = openSync(abs, 'r');
    } catch (e2) {
      const code2 = (e2 as NodeJS.ErrnoException).code;
      if (missingOk && code2 === 'ENOENT') return undefined;
      throw readError(e2, rel);
    }
  }
  return readFdText(fd, rel);
}

/**
 * Read a UTF-8 text file inside `root`. Refuses paths that leave the root (also through symlinks),
 * files over 10 MB and invalid UTF-8, each as a one-line `CliError` of the form `file[:line]: reason`
 * (see `splitLocation`), so an issue that carries the location can keep just the reason.
 */
export function readTextFile(root: string, target: string): string {
  return readGuarded(root, target, false) as string;
}

/** Decode UTF-8 strictly; invalid bytes are a one-line error naming the file, line and byte. */
function decodeText(bytes: Buffer, rel: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new CliError(
      'file_not_utf8',
      `${rel}:${lineOfOffset(bytes, offset)}: invalid UTF-8 at byte ${offset}.`,
      {
        fix: 'Save the file as UTF-8.',
      },
    );
  }
}

/** Like `readTextFile`, but a missing file gives `undefined` (optional files such as tasks.md). */
export function readTextFileIfExists(root: string, target: string): string | undefined {
  return readGuarded(root, target, true);
}
