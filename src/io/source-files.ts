import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { isScannedByDefault, isTestPath } from '../domain/trace/test-paths.ts';
import type { TraceConfig } from '../domain/verify/config.ts';
import { listRepositoryFiles } from './git.ts';
import { PROJECT_PATHS } from './project.ts';

/** Files to scan for references, and which of them are tests. */
export interface SourceFiles {
  /** Root-relative POSIX paths, sorted. */
  files: string[];
  isTest: (path: string) => boolean;
  /** Where the list came from: git (tracked and untracked, `.gitignore` respected) or a directory walk. */
  listedBy: 'git' | 'walk';
}

/** Folders a walk outside git never enters (git's own listing already leaves ignored files out). */
const WALK_SKIP: ReadonlySet<string> = new Set(['node_modules']);
const GLOB_IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Every file under `root` outside dot entries and `node_modules` (used when the project is not in git). */
function walk(root: string, rel = '', out: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || WALK_SKIP.has(e.name)) continue;
    const path = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) walk(root, path, out);
    else if (e.isFile()) out.push(path);
  }
  return out;
}

async function globSet(root: string, patterns: readonly string[], ignore: readonly string[] = []) {
  const { globSync } = await import('tinyglobby');
  return new Set(globSync([...patterns], { cwd: root, dot: true, ignore: [...ignore, ...GLOB_IGNORE] }));
}

/**
 * The files `trace` scans: what git lists (tracked, plus untracked files `.gitignore` does not exclude)
 * or, outside git, a walk; then `trace.include` / `trace.exclude` globs when configured (default: every
 * file but Markdown). `openspec/` is never scanned. Tests are `trace.tests` globs, else test-named files.
 */
export async function listSourceFiles(root: string, config: TraceConfig = {}): Promise<SourceFiles> {
  const listed = await listRepositoryFiles(root);
  let files = (listed ?? walk(root)).filter((p) => !p.startsWith(`${PROJECT_PATHS.openspec}/`));
  if (config.include) {
    const included = await globSet(root, config.include, config.exclude);
    files = files.filter((p) => included.has(p));
  } else if (config.exclude) {
    const excluded = await globSet(root, config.exclude);
    files = files.filter((p) => !excluded.has(p));
  } else files = files.filter(isScannedByDefault);
  files.sort(compareCodePoints);
  const tests = config.tests ? await globSet(root, config.tests) : undefined;
  return { files, isTest: tests ? (p) => tests.has(p) : isTestPath, listedBy: listed ? 'git' : 'walk' };
}

/** Files larger than this are not scanned (generated bundles, data). */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;
/** A NUL byte in the first block marks a binary file, as git decides. */
const BINARY_PROBE = 8000;

/**
 * The text of a file worth scanning, or undefined when it cannot hold a reference: unreadable, larger
 * than 2 MB, binary, or without `@spec` (and, for tests, without `#`). The byte checks run before any
 * decoding, which is what keeps a scan of 10,000 files fast.
 */
export function readScannable(root: string, path: string, isTest: boolean): string | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(join(root, path));
  } catch {
    return undefined;
  }
  if (buf.length > MAX_SCAN_BYTES) return undefined;
  if (!buf.includes('@spec') && !(isTest && buf.includes('#'))) return undefined;
  if (buf.subarray(0, BINARY_PROBE).includes(0)) return undefined;
  return buf.toString('utf8');
}
