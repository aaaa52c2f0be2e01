import { type ChangePlan, planChange } from '../domain/change/plan-change.ts';
import { findStaleTargets } from '../domain/change/staleness.ts';
import { pendingDelta } from '../domain/change/sync-record.ts';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { CliError } from '../domain/errors.ts';
import { hasErrors, type Issue } from '../domain/issue.ts';
import type { ParsedMain } from '../domain/merge/merge.ts';
import type { SpecSource } from '../domain/plan/coverage.ts';
import { checkChangeTasks } from '../domain/plan/plan-tasks.ts';
import { parseSpec } from '../domain/spec/parse-spec.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { findOverlaps, type Touch, touchesOf } from '../domain/validation/overlap.ts';
import { validateSpec } from '../domain/validation/spec-rules.ts';
import { readListedTextFile, readTextFileIfExists } from '../io/fs-safe.ts';
import { loadLedger } from '../io/ledger.ts';
import {
  deltaCapabilities,
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

export interface ValidatedItem {
  id: string;
  type: ItemType;
  valid: boolean;
  issues: Issue[];
}

interface ValidateSummary {
  totals: { items: number; passed: number; failed: number };
  byType: Partial<Record<ItemType, { items: number; passed: number; failed: number }>>;
  issues: { errors: number; warnings: number; info: number };
}

export interface ValidateReport {
  items: ValidatedItem[];
  summary: ValidateSummary;
  strict: boolean;
}

/** A file that cannot be read (too large, not UTF-8, unreadable) fails its item instead of the whole run. */
function unreadable(e: unknown, fallbackFile: string): Issue[] {
  if (!(e instanceof CliError)) throw e;
  const located = /^([^\s:]+?)(?::(\d+))?: /.exec(e.message);
  const issue: Issue = {
    level: 'ERROR',
    rule: e.code,
    message: e.message,
    file: located?.[1] ?? fallbackFile,
  };
  if (located?.[2]) issue.line = Number(located[2]);
  return [issue];
}

/**
 * Main specs read and parsed during one run, so changes reuse what the spec pass did. Only the
 * capabilities some change touches are kept (`wanted`), so memory stays flat on large trees.
 */
interface SpecCache {
  wanted: ReadonlySet<string>;
  /** `listDeltaFiles` of each change, listed once for `wanted` and reused to load the change. */
  listings: ReadonlyMap<string, SpecFile[]>;
  entries: Map<string, { text: string; parsed: ParsedMain }>;
}

/** Validate one main spec: parse, then every spec rule. */
function validateSpecItem(root: string, id: string, strict: boolean, cache?: SpecCache): ValidatedItem {
  const file = mainSpecPath(id);
  let issues: Issue[];
  try {
    const text = readListedTextFile(root, PROJECT_PATHS.specs, file);
    if (text.trim() === '') {
      issues = [{ level: 'ERROR', rule: 'spec_empty_file', message: `${file} is empty.`, file, line: 1 }];
    } else {
      const spec = parseSpec(text);
      issues = validateSpec(spec, file);
      // The parse itself is not kept: re-parsing is cheaper than the memory 600 parsed specs would hold.
      if (cache?.wanted.has(id)) cache.entries.set(id, { text, parsed: { issues } });
    }
  } catch (e) {
    issues = unreadable(e, file);
  }
  return { id, type: 'spec', valid: !hasErrors(issues, strict), issues };
}

/** Plan a change exactly as archive would; its issues are the validation result. */
export async function planChangeAt(
  root: string,
  name: string,
  changeRel = `openspec/changes/${name}`,
  cache?: SpecCache,
) {
  const { flags, base, synced, issues: metaIssues } = await loadChangeFlags(root, name);
  const known = (cap: string) => cache?.entries.get(cap)?.text;
  const input = loadChangeInput(root, name, changeRel, flags, known, cache?.listings.get(name));
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
    const stale = findStaleTargets(pending, base, await loadLedger(root), `${changeRel}/.openspec.yaml`);
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
  const tasksText = readTextFileIfExists(root, tasksRel);
  const taskIssues =
    tasksText === undefined
      ? []
      : checkChangeTasks(parseTasks(tasksText), specs).map((i) => ({ file: tasksRel, ...i }));
  const riskIssues = readRiskRegister(root, changeRel).issues;
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
    try {
      const { issues, plan } = await planChangeAt(root, name, undefined, cache);
      planned.push({ name, issues });
      for (const d of plan.deltas) touches.push(...touchesOf(name, d));
    } catch (e) {
      const issues = unreadable(e, `openspec/changes/${name}`);
      failed.push({ id: name, type: 'change', valid: false, issues });
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
function summarize(items: ValidatedItem[], types: ItemType[]): ValidateSummary {
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

/** Validate one item, or every item in the requested scopes (no item and no scope means everything). */
export async function runValidation(root: string, req: ValidateRequest): Promise<ValidateReport> {
  const { strict } = req;
  if (req.item !== undefined) {
    const kind = resolveItem(root, req.item, req.type);
    const items =
      kind === 'spec'
        ? [validateSpecItem(root, req.item, strict)]
        : await validateChangeItems(root, [req.item], strict);
    return { items, summary: summarize(items, [kind]), strict };
  }
  const none = !req.all && !req.changes && !req.specs && !req.archived;
  const wantChanges = req.all || req.changes || none;
  const wantSpecs = req.all || req.specs || none;
  const items: ValidatedItem[] = [];
  const types: ItemType[] = [];
  const changes = wantChanges ? listActiveChanges(root) : [];
  const listings = new Map(changes.map((c) => [c, listDeltaFiles(root, changePath(c))]));
  const wanted = new Set(changes.flatMap((c) => deltaCapabilities(root, changePath(c), listings.get(c))));
  const cache: SpecCache = { wanted, listings, entries: new Map() };
  const specItems = wantSpecs
    ? listCapabilities(root).map((id) => validateSpecItem(root, id, strict, cache))
    : [];
  if (wantChanges) {
    types.push('change');
    items.push(...(await validateChangeItems(root, changes, strict, cache)));
  }
  if (wantSpecs) {
    types.push('spec');
    items.push(...specItems);
  }
  if (req.archived) {
    if (!types.includes('change')) types.push('change');
    for (const dir of listArchivedChanges(root)) items.push(validateArchivedItem(root, dir));
  }
  return { items, summary: summarize(items, types), strict };
}
