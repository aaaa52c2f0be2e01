import { type Dirent, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { CliError } from '../domain/errors.ts';

/** Root-relative POSIX paths of the OpenSpec tree. */
export const PROJECT_PATHS = {
  openspec: 'openspec',
  specs: 'openspec/specs',
  changes: 'openspec/changes',
  archive: 'openspec/changes/archive',
  schemas: 'openspec/schemas',
  configYaml: 'openspec/config.yaml',
  configYml: 'openspec/config.yml',
} as const;

/** Root-relative directory of an active change. */
export function changePath(name: string): string {
  return `${PROJECT_PATHS.changes}/${name}`;
}

/** Root-relative path of a capability's main spec. */
export function mainSpecPath(capability: string): string {
  return `${PROJECT_PATHS.specs}/${capability}/spec.md`;
}

/**
 * How the root was chosen: `nearest` = found walking up from cwd; `implicit` = no root existed and cwd was
 * used (`new change` creates the skeleton there); `path` = named on the command line (`init [path]`).
 */
export type RootSource = 'nearest' | 'implicit' | 'path';

/** The directory that contains `openspec/`. */
export interface ProjectRoot {
  /** Absolute path. */
  path: string;
  source: RootSource;
}

/** Whether `abs` is a folder, following symlinks; false when nothing is there or a link dangles or loops. */
export function isDir(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `abs` is itself a symbolic link (lstat, never followed); false when nothing is there. */
export function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `abs` is a real directory, not a symbolic link to one (lstat); false when nothing is there. */
export function isRealDir(abs: string): boolean {
  try {
    return lstatSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** Whether `dir/openspec` is a project: it has specs/ or changes/ or a config file, not just the name. */
function qualifies(dir: string): boolean {
  const openspec = join(dir, PROJECT_PATHS.openspec);
  if (!isDir(openspec)) return false;
  return (
    isDir(join(dir, PROJECT_PATHS.specs)) ||
    isDir(join(dir, PROJECT_PATHS.changes)) ||
    isFile(join(dir, PROJECT_PATHS.configYaml)) ||
    isFile(join(dir, PROJECT_PATHS.configYml))
  );
}

/** The nearest directory at or above `cwd` holding a qualifying `openspec/`, or undefined. */
export function findProjectRoot(cwd: string): ProjectRoot | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (qualifies(dir)) return { path: dir, source: 'nearest' };
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Like `findProjectRoot`, but a missing root is the `no_openspec_root` error. */
export function requireProjectRoot(cwd: string): ProjectRoot {
  const root = findProjectRoot(cwd);
  if (root) return root;
  throw new CliError('no_openspec_root', `No openspec/ directory found from ${resolve(cwd)} upward.`, {
    fix: 'Run specwright init',
  });
}

/** Entries of a directory; a missing directory is empty, any other failure is an error naming it. */
function readEntries(abs: string, rel: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new CliError('dir_unreadable', `${rel}: cannot be listed (${code ?? 'error'}).`, { cause: e });
  }
}

/**
 * Names of the real (not symlinked) directories directly in `rel`, dot entries and `exclude` skipped,
 * in code-point order. Symlinked directories are left out so a listing never leads outside the project.
 */
function listSubdirs(root: string, rel: string, exclude?: string, linked?: string[]): string[] {
  const entries = readEntries(join(root, rel), rel);
  if (linked) for (const e of entries) if (isLinkedFolder(e, `${root}/${rel}`)) linked.push(e.name);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== exclude)
    .map((e) => e.name)
    .sort(compareCodePoints);
}

/** A symbolic link (not a dot entry) in the folder `abs` that leads to a folder. */
function isLinkedFolder(e: Dirent, abs: string): boolean {
  return e.isSymbolicLink() && !e.name.startsWith('.') && isDir(`${abs}${sep}${e.name}`);
}

function hasSpecFile(entries: Dirent[]): boolean {
  const entry = entries.find((e) => e.name === 'spec.md');
  if (!entry) return false;
  // A symlinked spec.md counts even when it dangles or loops: reading it reports that (and checks
  // containment) instead of the capability silently disappearing.
  return entry.isFile() || entry.isSymbolicLink();
}

/**
 * Capability ids: the POSIX paths, relative to `openspec/specs/`, of directories holding a `spec.md`
 * (nested ids such as `identity/user-auth` included). Dot entries are skipped, symlinked directories are
 * not followed (`linked`, when given, collects their paths), a `spec.md` directly in `specs/` is not a
 * capability. Sorted by code point.
 */
export function listCapabilities(root: string, linked?: string[]): string[] {
  const ids: string[] = [];
  // Entry names never hold a separator, so children's paths are plain concatenations.
  const walk = (abs: string, relDir: string, id: string) => {
    const entries = readEntries(abs, relDir);
    if (id !== '' && hasSpecFile(entries)) ids.push(id);
    for (const e of entries) {
      const child = id === '' ? e.name : `${id}/${e.name}`;
      if (linked && isLinkedFolder(e, abs)) linked.push(child);
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      walk(`${abs}${sep}${e.name}`, `${relDir}/${e.name}`, child);
    }
  };
  walk(join(root, PROJECT_PATHS.specs), PROJECT_PATHS.specs, '');
  return ids.sort(compareCodePoints);
}

/**
 * Active change names: directories directly under `openspec/changes/` except `archive` and dot-dirs.
 * Symlinked ones are left out; `linked`, when given, collects their names.
 */
export function listActiveChanges(root: string, linked?: string[]): string[] {
  return listSubdirs(root, PROJECT_PATHS.changes, 'archive', linked);
}

/** Archived change folder names (`YYYY-MM-DD-<name>`) under `openspec/changes/archive/`. */
export function listArchivedChanges(root: string): string[] {
  return listSubdirs(root, PROJECT_PATHS.archive);
}

/** Project-local workflow schemas: `openspec/schemas/<name>/` directories that contain `schema.yaml`. */
export function listProjectSchemas(root: string): string[] {
  return listSubdirs(root, PROJECT_PATHS.schemas).filter((name) =>
    isFile(join(root, PROJECT_PATHS.schemas, name, 'schema.yaml')),
  );
}

/** A folder a plan removes, and the entries it must hold when the delete runs. */
export interface EmptiedFolder {
  path: string;
  /** What the folder holds now, less the emptied folders inside it (removed by deletes of their own). */
  entries: string[];
}

function parentOf(rel: string): string {
  return rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
}

function depthOf(rel: string): number {
  return rel.split('/').length;
}

/**
 * The folders under `base` (never `base` itself) that hold nothing once the files in `removed` are gone,
 * deepest first: a retired capability's folder, then each parent it leaves empty. A folder that holds
 * anything else now (a dot file too), or that a path in `written` goes into, stays. All paths are
 * root-relative POSIX; the listing is taken now, and each delete checks its `entries` again when it runs.
 */
export function foldersEmptiedBy(
  root: string,
  base: string,
  removed: readonly string[],
  written: readonly string[],
): EmptiedFolder[] {
  const under = (dir: string) => dir.startsWith(`${base}/`);
  const kept = new Set<string>();
  for (const w of written) for (let d = parentOf(w); under(d); d = parentOf(d)) kept.add(d);
  const candidates = new Set<string>();
  for (const r of removed)
    for (let d = parentOf(r); under(d) && !kept.has(d); d = parentOf(d)) candidates.add(d);
  const order = [...candidates].sort((a, b) => depthOf(b) - depthOf(a) || compareCodePoints(a, b));
  const gone = new Set(removed);
  const out: EmptiedFolder[] = [];
  for (const dir of order) {
    if (![...gone].some((g) => parentOf(g) === dir)) continue;
    const names = readEntries(join(root, dir), dir).map((e) => e.name);
    if (names.length === 0 || !names.every((n) => gone.has(`${dir}/${n}`))) continue;
    out.push({ path: dir, entries: names.filter((n) => !out.some((f) => f.path === `${dir}/${n}`)) });
    gone.add(dir);
  }
  return out;
}
