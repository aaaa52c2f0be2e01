import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { compareCodePoints } from '../domain/compare-code-points.ts';

/** What one git invocation returned. */
interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Run `git <args>` in `cwd` with argument arrays (no shell), a fixed locale and no optional locks, so
 * read-only commands never contend with the user's git. A missing git binary is exit code 127.
 */
function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', [...args], {
      cwd,
      env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', () => resolve({ code: 127, stdout: Buffer.alloc(0), stderr: 'git not found' }));
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

async function gitText(cwd: string, args: readonly string[]): Promise<string | undefined> {
  const r = await git(cwd, args);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** NUL-separated git output as a list (for `-z`). */
function zList(buf: Buffer): string[] {
  return buf
    .toString('utf8')
    .split('\0')
    .filter((s) => s !== '');
}

/** Whether `cwd` is inside a git work tree (false without git). */
export async function isGitWorkTree(cwd: string): Promise<boolean> {
  return (await gitText(cwd, ['rev-parse', '--is-inside-work-tree'])) === 'true';
}

/** The full id of HEAD, or undefined outside a repository or before the first commit. */
export function headCommit(cwd: string): Promise<string | undefined> {
  return gitText(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
}

/** The full id of a commit-ish, or undefined when it names no commit. */
export function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  if (rev.startsWith('-')) return Promise.resolve(undefined);
  return gitText(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
}

/**
 * Files under `cwd` git knows and does not ignore: tracked files plus untracked ones not excluded by
 * `.gitignore`, as paths relative to `cwd`. Undefined outside a repository.
 */
export async function listRepositoryFiles(cwd: string): Promise<string[] | undefined> {
  const r = await git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']);
  return r.code === 0 ? zList(r.stdout).sort(compareCodePoints) : undefined;
}

/** How a file differs between a base commit and the working tree. */
type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked';

export interface ChangedFile {
  /** Path relative to `cwd`. */
  path: string;
  status: FileStatus;
  /** For renames: the old path. */
  from?: string;
}

const STATUS: Readonly<Record<string, FileStatus>> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'added',
  T: 'modified',
};

function parseNameStatus(items: string[]): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (let i = 0; i < items.length; i++) {
    const code = (items[i] as string)[0] ?? 'M';
    const status = STATUS[code] ?? 'modified';
    if (code === 'R' || code === 'C') {
      const from = items[++i] as string;
      files.push({ path: items[++i] as string, status, ...(code === 'R' ? { from } : {}) });
    } else files.push({ path: items[++i] as string, status });
  }
  return files;
}

/**
 * Files changed from `base` to the working tree (committed, staged and unstaged edits, renames found),
 * plus untracked files that are not ignored; paths relative to `cwd`, limited to it. Undefined when
 * `base` is not a commit of this repository.
 */
export async function changedSince(cwd: string, base: string): Promise<ChangedFile[] | undefined> {
  const commit = await resolveCommit(cwd, base);
  if (commit === undefined) return undefined;
  const diff = await git(cwd, [
    'diff',
    '--name-status',
    '-z',
    '-M',
    '--relative',
    '--no-ext-diff',
    commit,
    '--',
    '.',
  ]);
  if (diff.code !== 0) return undefined;
  const untracked = await git(cwd, ['ls-files', '-z', '--others', '--exclude-standard']);
  const files = parseNameStatus(zList(diff.stdout));
  for (const path of untracked.code === 0 ? zList(untracked.stdout) : [])
    files.push({ path, status: 'untracked' });
  return files.sort((a, b) => compareCodePoints(a.path, b.path));
}

/**
 * The commit before the first one that touched `path` (the state the work started from), the first
 * commit itself when it has no parent, or undefined when no commit touched it.
 */
export async function commitBefore(cwd: string, path: string): Promise<string | undefined> {
  const log = await gitText(cwd, ['log', '--format=%H', '--reverse', '--', path]);
  const first = log?.split('\n')[0];
  if (!first) return undefined;
  return (await resolveCommit(cwd, `${first}^`)) ?? first;
}

/** The state of the code, for telling whether it changed since a verification. */
export interface CodeState {
  /** HEAD, or null before the first commit. */
  commit: string | null;
  /** Whether tracked files differ from HEAD or untracked files exist (outside the excluded path). */
  dirty: boolean;
  /** SHA-256 over HEAD, the diff to HEAD and the untracked files' names and contents. */
  fingerprint: string;
}

/**
 * Fingerprint the working tree under `cwd`, leaving out `exclude` (the `openspec/` folder: writing specs,
 * tasks or verification records is not a change to the code). Undefined outside a repository.
 */
export async function codeState(cwd: string, exclude: string): Promise<CodeState | undefined> {
  if (!(await isGitWorkTree(cwd))) return undefined;
  const commit = (await headCommit(cwd)) ?? null;
  const base = commit ?? (await gitText(cwd, ['hash-object', '-t', 'tree', '--stdin']));
  const pathspec = ['--', '.', `:(exclude)${exclude}`];
  const diff = await git(cwd, [
    'diff',
    '--binary',
    '--no-ext-diff',
    '--no-color',
    base ?? 'HEAD',
    ...pathspec,
  ]);
  const untracked = await git(cwd, ['ls-files', '-z', '--others', '--exclude-standard', ...pathspec]);
  const names = untracked.code === 0 ? zList(untracked.stdout) : [];
  const blobs =
    names.length > 0 ? await git(cwd, ['hash-object', '--stdin-paths'], `${names.join('\n')}\n`) : undefined;
  const hash = createHash('sha256');
  hash
    .update(`${commit ?? ''}\0`)
    .update(diff.stdout)
    .update('\0');
  for (const n of names) hash.update(`${n}\0`);
  if (blobs) hash.update(blobs.stdout);
  const dirty = diff.stdout.length > 0 || names.length > 0;
  return { commit, dirty, fingerprint: hash.digest('hex') };
}

/** How many commits lead from `from` to HEAD (undefined when `from` is unknown). */
export async function commitsSince(cwd: string, from: string): Promise<number | undefined> {
  const commit = await resolveCommit(cwd, from);
  if (commit === undefined) return undefined;
  const n = await gitText(cwd, ['rev-list', '--count', `${commit}..HEAD`]);
  return n === undefined ? undefined : Number(n);
}
