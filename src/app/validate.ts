import { type ChangePlan, planChange } from '../domain/change/plan-change.ts';
import { findStaleTargets } from '../domain/change/staleness.ts';
import { pendingDelta } from '../domain/change/sync-record.ts';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { CliError } from '../domain/errors.ts';
import { hasErrors, type Issue, splitLocation } from '../domain/issue.ts';
import { linkedFolderMessage } from '../domain/linked-folder.ts';
import type { ParsedMain } from '../domain/merge/merge.ts';
import type { SpecSource } from '../domain/plan/coverage.ts';
import { checkChangeTasks } from '../domain/plan/plan-tasks.ts';
import { parseSpec } from '../domain/spec/parse-spec.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { findOverlaps, type Touch, touchesOf } from '../domain/validation/overlap.ts';
import { validateSpec } from '../domain/validation/spec-rules.ts';
import { changeMetadataPath } from '../io/change-meta.ts';
import { checkProjectConfig } from '../io/config-file.ts';
import { readListedTextFile, readTextFileIfExists } from '../io/fs-safe.ts';
import { loadLedger } from '../io/ledger.ts';
import {
  type ChangeFolder,
  deltaCapabilities,
  listChangeFolder,
  listDeltaFiles,
  loadChangeFlags,
  loadChangeInput,
  type SpecFile,
} from '../io/load.ts';
import {
  changePath,
  listActiveChanges,
  listArchivedChanges,
  listCapabilities,
  mainSpecPath,
  PROJECT_PATHS,
} from '../io/project.ts';
import { resolveItem } from './resolve-item.ts';
import { readRiskRegister } from './risk-register.ts';

type ItemType = 'change' | 'spec';
/** Report items: changes, main specs, and the project config when it cannot be used. */
type ReportItemType = ItemType | 'config';

export interface ValidatedItem {
  id: string;
  type: ReportItemType;
  valid: boolean;
  issues: Issue[];
}

interface ValidateSummary {
  totals: { items: number; passed: number; failed: number };
  byType: Partial<Record<ReportItemType, { items: number; passed: number; failed: number }>>;
  issues: { errors: number; warnings: number; info: number };
}

export interface ValidateReport {
  items: ValidatedItem[];
  summary: ValidateSummary;
  strict: boolean;
}

/**
 * A file that cannot be read (too large, not UTF-8, unreadable) fails its item instead of the whole run.
 * The error reads `file[:line]: reason`; the issue carries the file and line, and only the reason as its
 * message, so the report names the location once.
 */
function unreadable(e: unknown, fallbackFile: string): Issue[] {
  if (!(e instanceof CliError)) throw e;
  const file = /^([^\s:]+?)(?::\d+)?: /.exec(e.message)?.[1] ?? fallbackFile;
  const { line, message } = splitLocation(e.message, file);
  const issue: Issue = { level: 'ERROR', rule: e.code, message, file };
  if (line !== undefined) issue.line = line;
  if (e.fix !== undefined) issue.fix = e.fix;
  return [issue];
}

/**
 * Main specs shared between the passes of one `--all` run. Changes are planned first; a main spec a change
 * touches is validated as a spec item right then, and its parse is kept only until the last change that
 * touches it has been planned, so each main spec is parsed once and memory stays flat on large trees.
 */
interface SpecCache {
  strict: boolean;
  /** Listed capabilities that changes touch, with how many changes still need them. */
  pending: Map<string, number>;
  /** `listDeltaFiles` of each change, listed once and reused to load the change. */
  listings: ReadonlyMap<string, SpecFile[]>;
  /** The listing of each change folder: optional files that are not there cost no lookup. */
  folders: ReadonlyMap<string, ChangeFolder>;
  /** Text and parse of the pending main specs validated so far. */
  entries: Map<string, { text: string; parsed: ParsedMain }>;
  /** Spec items validated during the change pass, for the spec pass. */
  items: Map<string, ValidatedItem>;
}

/** Validate one main spec: parse, then every spec rule. `keep` receives the text and parse. */
function validateSpecItem(
  root: string,
  id: string,
  strict: boolean,
  keep?: (text: string, parsed: ParsedMain) => void,
): ValidatedItem {
  const file = mainSpecPath(id);
  let issues: Issue[];
  try {
    const text = readListedTextFile(root, PROJECT_PATHS.specs, file);
    if (text.trim() === '') {
      issues = [{ level: 'ERROR', rule: 'spec_empty_file', message: `${file} is empty.`, file, line: 1 }];
    } else {
      const spec = parseSpec(text);
      issues = validateSpec(spec, file);
      keep?.(text, { spec, issues });
    }
  } catch (e) {
    issues = unreadable(e, file);
  }
  return { id, type: 'spec', valid: !hasErrors(issues, strict), issues };
}

/** Validate the pending main specs change `name` touches (once each); returns the capabilities to release. */
function prepareSpecs(root: string, name: string, cache: SpecCache): string[] {
  const caps = deltaCapabilities(root, changePath(name), cache.listings.get(name)).filter((c) =>
    cache.pending.has(c),
  );
  for (const cap of caps) {
    if (cache.items.has(cap)) continue;
    const keep = (text: string, parsed: ParsedMain) => cache.entries.set(cap, { text, parsed });
    cache.items.set(cap, validateSpecItem(root, cap, cache.strict, keep));
  }
  return caps;
}

/** A change is planned: drop the parses no later change needs. */
function releaseSpecs(cache: SpecCache, caps: string[]): void {
  for (const cap of caps) {
    const left = (cache.pending.get(cap) ?? 1) - 1;
    if (left > 0) cache.pending.set(cap, left);
    else {
      cache.pending.delete(cap);
      cache.entries.delete(cap);
    }
  }
}

/** The `.openspec.yaml` of an active change, from its folder listing when this run has one. */
function activeMetadata(root: string, cache: SpecCache, name: string): string | undefined {
  const folder = cache.folders.get(name);
  return folder ? folder.metadata() : readTextFileIfExists(root, changeMetadataPath(name));
}

/** Plan a change exactly as archive would; its issues are the validation result. */
export async function planChangeAt(
  root: string,
  name: string,
  changeRel = `openspec/changes/${name}`,
  cache?: SpecCache,
) {
  const folder = cache?.folders.get(name);
  const read = folder?.read ?? ((rel: string) => readTextFileIfExists(root, rel));
  const { flags, base, synced, issues: metaIssues } = await loadChangeFlags(root, name, folder);
  const known = (cap: string) => cache?.entries.get(cap)?.text;
  const input = loadChangeInput(root, name, changeRel, flags, known, cache?.listings.get(name), folder);
  input.synced = synced;
  if (cache) {
    const parsedMain = new Map<string, ParsedMain>();
    for (const [cap, text] of input.mainSpecs) {
      const hit = cache.entries.get(cap);
      if (hit && hit.text === text) parsedMain.set(cap, hit.parsed);
    }
    input.parsedMain = parsedMain;
  }
  const plan: ChangePlan = planChange(input);
  const needsLedger = plan.deltas.some((d) => d.modified.length + d.removed.length + d.renamed.length > 0);
  if (needsLedger) {
    const pending = plan.deltas.map((d) => pendingDelta(d, input.synced));
    const ledger = await loadLedger(root, cache && ((change) => activeMetadata(root, cache, change)));
    const stale = findStaleTargets(pending, base, ledger, `${changeRel}/.openspec.yaml`);
    plan.issues.push(...stale);
  }
  const { mainSpecs } = input;
  // Task `covers` references may name capabilities the change does not touch: those are read on demand.
  const specs: SpecSource = {
    deltas: plan.deltas,
    mainSpec: (cap) =>
      mainSpecs.has(cap) ? mainSpecs.get(cap) : readTextFileIfExists(root, mainSpecPath(cap)),
  };
  const tasksRel = `${changeRel}/tasks.md`;
  const tasksText = read(tasksRel);
  const taskIssues =
    tasksText === undefined
      ? []
      : checkChangeTasks(parseTasks(tasksText), specs).map((i) => ({ file: tasksRel, ...i }));
  const riskIssues = readRiskRegister(root, changeRel, read).issues;
  const issues = [...metaIssues, ...plan.issues, ...taskIssues, ...riskIssues];
  return { plan, flags, base, mainSpecs, synced, specs, issues };
}

/** Validate several changes together; overlapping edits of one requirement are warned about on both. */
async function validateChangeItems(
  root: string,
  names: string[],
  strict: boolean,
  cache?: SpecCache,
): Promise<ValidatedItem[]> {
  // Only the issues and what the overlap check needs are kept across changes (not parses or merged texts).
  const planned: { name: string; issues: Issue[] }[] = [];
  const touches: Touch[] = [];
  const failed: ValidatedItem[] = [];
  for (const name of names) {
    const caps = cache ? prepareSpecs(root, name, cache) : [];
    try {
      const { issues, plan } = await planChangeAt(root, name, undefined, cache);
      planned.push({ name, issues });
      for (const d of plan.deltas) touches.push(...touchesOf(name, d));
    } catch (e) {
      const issues = unreadable(e, `openspec/changes/${name}`);
      failed.push({ id: name, type: 'change', valid: false, issues });
    } finally {
      if (cache) releaseSpecs(cache, caps);
    }
  }
  const overlaps = names.length > 1 ? findOverlaps(touches) : new Map();
  const items = planned.map((p) => {
    const issues = [...p.issues, ...(overlaps.get(p.name) ?? [])];
    return { id: p.name, type: 'change' as const, valid: !hasErrors(issues, strict), issues };
  });
  return [...items, ...failed].sort((a, b) => compareCodePoints(a.id, b.id));
}

/** Archived changes must have every task checked. */
function validateArchivedItem(root: string, dirName: string): ValidatedItem {
  const rel = `openspec/changes/archive/${dirName}/tasks.md`;
  const text = readTextFileIfExists(root, rel);
  const issues: Issue[] = [];
  if (text !== undefined) {
    const { total, done } = parseTasks(text);
    if (done < total) {
      const open = total - done;
      issues.push({
        level: 'ERROR',
        rule: 'archived_tasks_incomplete',
        message: `${open} incomplete task${open === 1 ? '' : 's'} (${done}/${total} completed).`,
        file: rel,
      });
    }
  }
  return { id: dirName, type: 'change', valid: issues.length === 0, issues };
}

/** Totals over items, by type, and by issue level. */
function summarize(items: ValidatedItem[], types: ReportItemType[]): ValidateSummary {
  const byType: ValidateSummary['byType'] = {};
  for (const t of types) byType[t] = { items: 0, passed: 0, failed: 0 };
  const totals = { items: 0, passed: 0, failed: 0 };
  const issues = { errors: 0, warnings: 0, info: 0 };
  for (const item of items) {
    const bucket = byType[item.type] ?? { items: 0, passed: 0, failed: 0 };
    byType[item.type] = bucket;
    for (const t of [totals, bucket]) {
      t.items++;
      if (item.valid) t.passed++;
      else t.failed++;
    }
    for (const i of item.issues) {
      if (i.level === 'ERROR') issues.errors++;
      else if (i.level === 'WARNING') issues.warnings++;
      else issues.info++;
    }
  }
  return { totals, byType, issues };
}

export interface ValidateRequest {
  item?: string;
  type?: ItemType;
  all?: boolean;
  changes?: boolean;
  specs?: boolean;
  archived?: boolean;
  strict: boolean;
}

/** The cache for a run over `changes` and `capabilities`: only listed capabilities are shared. */
function sharedSpecs(root: string, changes: string[], capabilities: string[], strict: boolean): SpecCache {
  const folders = new Map(changes.map((c) => [c, listChangeFolder(root, changePath(c))]));
  const listings = new Map(
    changes.map((c) => [c, folders.get(c)?.hasSpecs === false ? [] : listDeltaFiles(root, changePath(c))]),
  );
  const listed = new Set(capabilities);
  const pending = new Map<string, number>();
  for (const c of changes) {
    for (const cap of deltaCapabilities(root, changePath(c), listings.get(c)))
      if (listed.has(cap)) pending.set(cap, (pending.get(cap) ?? 0) + 1);
  }
  return { strict, pending, listings, folders, entries: new Map(), items: new Map() };
}

/** A symlinked change or capability folder: never entered, so reported as a failed item, not skipped. */
function linkedFolderItem(type: ItemType, id: string): ValidatedItem {
  const file = type === 'change' ? changePath(id) : `${PROJECT_PATHS.specs}/${id}`;
  const issue: Issue = {
    level: 'ERROR',
    rule: `${type}_symlink`,
    message: linkedFolderMessage(file, `this ${type} is not validated, archived or merged`),
    file,
    fix: 'Replace the link with a real folder.',
  };
  return { id, type, valid: false, issues: [issue] };
}

/**
 * The project config as an item, only when it cannot be used (unreadable or invalid YAML): every
 * command that reads it fails then, archive and sync included, so validation fails too.
 */
async function configItems(root: string): Promise<ValidatedItem[]> {
  const problem = await checkProjectConfig(root);
  if (!problem) return [];
  const { file, line, reason: message, fix } = problem;
  const at = line !== undefined ? { line } : {};
  const issue: Issue = { level: 'ERROR', rule: 'config_invalid', message, file, ...at, fix };
  return [{ id: file, type: 'config', valid: false, issues: [issue] }];
}

/**
 * Validate one item, or every item in the requested scopes (no item and no scope means everything).
 * A broken project config is reported whenever the run includes active changes (`--all`, `--changes`,
 * no scope, or one change), which depend on it; not by `--specs`, `--archived` or a single spec.
 */
export async function runValidation(root: string, req: ValidateRequest): Promise<ValidateReport> {
  const { strict } = req;
  if (req.item !== undefined) {
    const kind = resolveItem(root, req.item, req.type);
    const items =
      kind === 'spec'
        ? [validateSpecItem(root, req.item, strict)]
        : [...(await configItems(root)), ...(await validateChangeItems(root, [req.item], strict))];
    const types: ReportItemType[] = items[0]?.type === 'config' ? ['config', kind] : [kind];
    return { items, summary: summarize(items, types), strict };
  }
  const none = !req.all && !req.changes && !req.specs && !req.archived;
  const wantChanges = req.all || req.changes || none;
  const wantSpecs = req.all || req.specs || none;
  const items: ValidatedItem[] = wantChanges ? await configItems(root) : [];
  const types: ReportItemType[] = items.length > 0 ? ['config'] : [];
  const linked = { changes: [] as string[], specs: [] as string[] };
  const changes = wantChanges ? listActiveChanges(root, linked.changes) : [];
  const capabilities = wantSpecs ? listCapabilities(root, linked.specs) : [];
  const cache = sharedSpecs(root, changes, capabilities, strict);
  if (wantChanges) {
    types.push('change');
    items.push(...(await validateChangeItems(root, changes, strict, cache)));
    items.push(...linked.changes.map((name) => linkedFolderItem('change', name)));
  }
  if (wantSpecs) {
    types.push('spec');
    for (const id of capabilities) items.push(cache.items.get(id) ?? validateSpecItem(root, id, strict));
    items.push(...linked.specs.map((id) => linkedFolderItem('spec', id)));
  }
  if (req.archived) {
    if (!types.includes('change')) types.push('change');
    for (const dir of listArchivedChanges(root)) items.push(validateArchivedItem(root, dir));
  }
  return { items, summary: summarize(items, types), strict };
}
