import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeInput } from '../domain/change/plan-change.ts';
import { CliError } from '../domain/errors.ts';
import type { Issue } from '../domain/issue.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const DELTA_HINT = /^##[ \t]+(?:ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+Requirements/im;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Paths of the OpenSpec tree, all under `root`. */
export function layout(root: string) {
  const openspec = join(root, 'openspec');
  return {
    openspec,
    specs: join(openspec, 'specs'),
    changes: join(openspec, 'changes'),
    archive: join(openspec, 'changes', 'archive'),
  };
}

/** Root-relative POSIX path of a capability's main spec. */
export function mainSpecPath(capability: string): string {
  return `openspec/specs/${capability}/spec.md`;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** The offset of the first invalid UTF-8 byte (binary search over prefixes; only on the error path). */
function invalidUtf8Offset(bytes: Uint8Array): number {
  const validPrefix = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (validPrefix(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Read a UTF-8 text file. Oversized files and invalid UTF-8 are one-line errors naming the file
 * (and the line of the first bad byte). `rel` is the root-relative path used in messages.
 */
export function readText(abs: string, rel: string): string {
  let bytes: Buffer;
  try {
    const size = lstatSync(abs).size;
    if (size > MAX_BYTES) {
      throw new CliError('file_too_large', `${rel}: file is ${(size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
    }
    bytes = readFileSync(abs);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError('file_unreadable', `${rel}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: e });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const line = lineOfOffset(bytes, invalidUtf8Offset(bytes));
    throw new CliError('file_not_utf8', `${rel}:${line}: file is not valid UTF-8.`);
  }
}

/** Read a file if it exists; undefined when it does not. */
export function readTextIfExists(abs: string, rel: string): string | undefined {
  try {
    if (!lstatSync(abs).isFile() && !lstatSync(abs).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  return readText(abs, rel);
}

interface SpecFile {
  /** Path relative to the walked directory, POSIX. */
  rel: string;
}

/** Every file under `dir` (recursive, dot entries and symlinked directories skipped), POSIX paths. */
export function walkFiles(dir: string, prefix = ''): SpecFile[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: SpecFile[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...walkFiles(join(dir, e.name), rel));
    else if (e.isFile() || e.isSymbolicLink()) out.push({ rel });
  }
  return out;
}

/** Split the files under a change's `specs/` into proper deltas and misplaced files. */
function deltaFilesOf(root: string, changeRel: string) {
  const specsDir = join(root, changeRel, 'specs');
  const deltaFiles: ChangeInput['deltaFiles'] = [];
  const misplaced: ChangeInput['misplaced'] = [];
  for (const f of walkFiles(specsDir)) {
    const file = `${changeRel}/specs/${f.rel}`;
    const parts = f.rel.split('/');
    if (parts.length >= 2 && parts[parts.length - 1] === 'spec.md') {
      deltaFiles.push({ capability: parts.slice(0, -1).join('/'), file, text: readText(join(specsDir, f.rel), file) });
    } else if (f.rel.endsWith('.md')) {
      misplaced.push({ file, looksLikeDelta: DELTA_HINT.test(readText(join(specsDir, f.rel), file)) });
    }
  }
  deltaFiles.sort((a, b) => (a.capability < b.capability ? -1 : a.capability > b.capability ? 1 : 0));
  return { deltaFiles, misplaced };
}

/** Read everything `planChange` needs for the change folder at `changeRel` (root-relative). */
export function loadChangeInput(
  root: string,
  name: string,
  changeRel: string,
  meta: { skipSpecs: boolean; retireCapabilities: boolean },
): ChangeInput {
  const { deltaFiles, misplaced } = deltaFilesOf(root, changeRel);
  const mainSpecs = new Map<string, string | undefined>();
  for (const d of deltaFiles) {
    const rel = mainSpecPath(d.capability);
    mainSpecs.set(d.capability, readTextIfExists(join(root, rel), rel));
  }
  return { name, deltaFiles, misplaced, mainSpecs, mainPath: mainSpecPath, dir: changeRel, ...meta };
}

/** The `.openspec.yaml` flags that change how a change is validated and archived. */
export interface ChangeFlags {
  skipSpecs: boolean;
  retireCapabilities: boolean;
}

/** Read the flags of `.openspec.yaml`; broken metadata is reported as an issue, flags then count as unset. */
export async function loadChangeFlags(root: string, changeRel: string): Promise<{ flags: ChangeFlags; issues: Issue[] }> {
  const rel = `${changeRel}/.openspec.yaml`;
  const text = readTextIfExists(join(root, rel), rel);
  const flags = { skipSpecs: false, retireCapabilities: false };
  if (text === undefined) return { flags, issues: [] };
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    const issue: Issue = { level: 'ERROR', rule: 'change_metadata_invalid', message: `${rel}: invalid YAML: ${err.message.split('\n')[0]}`, file: rel };
    if (line) issue.line = line;
    return { flags, issues: [issue] };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { flags, issues: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { flags, issues: [{ level: 'ERROR', rule: 'change_metadata_invalid', message: `${rel}: expected a YAML mapping.`, file: rel }] };
  }
  const record = data as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const [key, field] of [['skip_specs', 'skipSpecs'], ['retire_capabilities', 'retireCapabilities']] as const) {
    const v = record[key];
    if (v === true) flags[field] = true;
    else if (v !== undefined && v !== false) {
      issues.push({ level: 'ERROR', rule: 'change_metadata_invalid', message: `${rel}: ${key} must be true or false, not ${JSON.stringify(v)}.`, file: rel });
    }
  }
  return { flags, issues };
}
