import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { ChangeInput } from '../domain/change/plan-change.ts';
import type { ChangeBase } from '../domain/change/staleness.ts';
import type { SyncRecord } from '../domain/change/sync-record-schema.ts';
import type { Issue } from '../domain/issue.ts';
import { changeMetadataPath, readChangeMetadata } from './change-meta.ts';
import { readListedTextFile, readTextFileIfExists } from './fs-safe.ts';
import { isDir, mainSpecPath, PROJECT_PATHS } from './project.ts';

const DELTA_HINT = /^##[ \t]+(?:ADDED|MODIFIED|REMOVED|RENAMED)[ \t]+Requirements/im;

/** A file under a change's `specs/` folder. */
export interface SpecFile {
  /** Path relative to `specs/`, POSIX. */
  rel: string;
  /** A symbolic link to a folder: listed (so it can be reported) but never entered. */
  linkedFolder?: true;
}

/** Every file under `dir` (recursive, dot entries skipped, symlinked folders listed but not entered), POSIX paths. */
function walkFiles(dir: string, prefix = ''): SpecFile[] {
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
    // Entry names never hold a separator: a plain concatenation is the joined path.
    if (e.isDirectory()) out.push(...walkFiles(`${dir}${sep}${e.name}`, rel));
    else if (e.isFile()) out.push({ rel });
    else if (e.isSymbolicLink())
      out.push(isDir(`${dir}${sep}${e.name}`) ? { rel, linkedFolder: true } : { rel });
  }
  return out;
}

/** The files under a change's `specs/` folder (listing only, nothing read). */
export function listDeltaFiles(root: string, changeRel: string): SpecFile[] {
  return walkFiles(join(root, changeRel, 'specs'));
}

/** Capabilities a change has delta files for; `files` is its `listDeltaFiles` when already listed. */
export function deltaCapabilities(
  root: string,
  changeRel: string,
  files = listDeltaFiles(root, changeRel),
): string[] {
  return files
    .map((f) => f.rel.split('/'))
    .filter((parts) => parts.length >= 2 && parts[parts.length - 1] === 'spec.md')
    .map((parts) => parts.slice(0, -1).join('/'));
}

/**
 * One listing of an active change folder, found by a listing of `openspec/changes` (so a real directory):
 * which optional files are there is known without a lookup each, and regular files directly in it are
 * read as listed files of `openspec/changes` (opened without following links, no realpath of their own).
 */
export interface ChangeFolder {
  /** Read a root-relative path inside the change; `undefined` when it is not there. */
  read: (rel: string) => string | undefined;
  /** `.openspec.yaml`, read once. */
  metadata: () => string | undefined;
  /** The tree the change's delta files are listed reads of. */
  specsTree: string;
  /** False when the listing found no `specs` entry: there is nothing to list there. */
  hasSpecs: boolean;
}

type EntryKind = 'file' | 'dir' | 'other';

/** `ChangeFolder` of `changeRel` (`openspec/changes/<name>`); only for names a listing of changes returned. */
export function listChangeFolder(root: string, changeRel: string): ChangeFolder {
  const kinds = new Map<string, EntryKind>();
  let listed = true;
  try {
    for (const e of readdirSync(join(root, changeRel), { withFileTypes: true }))
      kinds.set(e.name, e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other');
  } catch {
    listed = false;
  }
  const prefix = `${changeRel}/`;
  const read = (rel: string): string | undefined => {
    if (!listed || !rel.startsWith(prefix)) return readTextFileIfExists(root, rel);
    const inside = rel.slice(prefix.length);
    const slash = inside.indexOf('/');
    const kind = kinds.get(slash === -1 ? inside : inside.slice(0, slash));
    // Neither the file nor the folder it would be in was there when the change was listed.
    if (kind === undefined) return undefined;
    if (slash === -1 && kind === 'file') return readListedTextFile(root, PROJECT_PATHS.changes, rel);
    return readTextFileIfExists(root, rel);
  };
  let metadata: { text: string | undefined } | undefined;
  return {
    read,
    metadata: () => {
      metadata ??= { text: read(`${prefix}.openspec.yaml`) };
      return metadata.text;
    },
    // A real `specs/` folder in a real change folder: its files are listed reads of `openspec/changes`.
    specsTree: listed && kinds.get('specs') === 'dir' ? PROJECT_PATHS.changes : `${prefix}specs`,
    hasSpecs: !listed || kinds.has('specs'),
  };
}

/** Split the files under a change's `specs/` into proper deltas, misplaced files and linked folders. */
function deltaFilesOf(root: string, changeRel: string, files: SpecFile[], tree = `${changeRel}/specs`) {
  const deltaFiles: ChangeInput['deltaFiles'] = [];
  const misplaced: ChangeInput['misplaced'] = [];
  const linkedFolders: string[] = [];
  // The files come from walkFiles, which never enters a symlinked folder, under `tree`: listed reads apply.
  for (const f of files) {
    const file = `${changeRel}/specs/${f.rel}`;
    const parts = f.rel.split('/');
    if (f.linkedFolder) linkedFolders.push(file);
    else if (parts.length >= 2 && parts[parts.length - 1] === 'spec.md') {
      deltaFiles.push({
        capability: parts.slice(0, -1).join('/'),
        file,
        text: readListedTextFile(root, tree, file),
      });
    } else if (f.rel.endsWith('.md')) {
      misplaced.push({ file, looksLikeDelta: DELTA_HINT.test(readListedTextFile(root, tree, file)) });
    }
  }
  deltaFiles.sort((a, b) => (a.capability < b.capability ? -1 : a.capability > b.capability ? 1 : 0));
  return { deltaFiles, misplaced, linkedFolders };
}

/** Read everything `planChange` needs for the change folder at `changeRel` (root-relative). */
export function loadChangeInput(
  root: string,
  name: string,
  changeRel: string,
  meta: { skipSpecs: boolean; retireCapabilities: boolean },
  /** Main spec text already read in this run, if any (saves a second read). */
  known: (capability: string) => string | undefined = () => undefined,
  /** The change's `listDeltaFiles`, when this run already listed them. */
  files: SpecFile[] = listDeltaFiles(root, changeRel),
  /** The change folder's listing, when this run has one. */
  folder?: ChangeFolder,
): ChangeInput {
  const { deltaFiles, misplaced, linkedFolders } = deltaFilesOf(root, changeRel, files, folder?.specsTree);
  const mainSpecs = new Map<string, string | undefined>();
  for (const d of deltaFiles) {
    const rel = mainSpecPath(d.capability);
    mainSpecs.set(d.capability, known(d.capability) ?? readTextFileIfExists(root, rel));
  }
  const input: ChangeInput = {
    name,
    deltaFiles,
    misplaced,
    mainSpecs,
    mainPath: mainSpecPath,
    dir: changeRel,
    ...meta,
  };
  if (linkedFolders.length > 0) input.linkedFolders = linkedFolders;
  return input;
}

/** The valid `synced:` records of metadata; their zod schema is loaded only when there are some. */
export async function readSyncRecords(value: unknown): Promise<SyncRecord[]> {
  if (!Array.isArray(value) || value.length === 0) return [];
  const { parseSyncRecords } = await import('../domain/change/sync-record-schema.ts');
  return parseSyncRecords(value);
}

/** The `.openspec.yaml` flags that change how a change is validated and archived. */
export interface ChangeFlags {
  skipSpecs: boolean;
  retireCapabilities: boolean;
}

/** The flags of `.openspec.yaml`; invalid metadata is reported as an issue, and its flags then count as unset. */
export async function loadChangeFlags(
  root: string,
  name: string,
  folder?: ChangeFolder,
): Promise<{ flags: ChangeFlags; base: ChangeBase; synced: SyncRecord[]; issues: Issue[] }> {
  const read = await readChangeMetadata(root, name, folder?.metadata);
  if (read.status === 'ok') {
    const m = read.metadata;
    const flags = { skipSpecs: m.skip_specs === true, retireCapabilities: m.retire_capabilities === true };
    const at = typeof m.base_at === 'string' ? m.base_at : m.created_at;
    const base: ChangeBase = at ? { at } : m.created ? { date: m.created } : {};
    return { flags, base, synced: await readSyncRecords(m.synced), issues: [] };
  }
  const flags = { skipSpecs: false, retireCapabilities: false };
  if (read.status === 'missing') return { flags, base: {}, synced: [], issues: [] };
  const m = /^([^:]+):(\d+): (.*)$/.exec(read.error);
  const issue: Issue = {
    level: 'ERROR',
    rule: 'change_metadata_invalid',
    message: read.error,
    file: changeMetadataPath(name),
  };
  if (m) issue.line = Number(m[2]);
  issue.fix =
    'Fix .openspec.yaml: it needs at least "schema: spec-driven"; skip_specs and retire_capabilities are honoured only in valid metadata.';
  return { flags, base: {}, synced: [], issues: [issue] };
}
