import { join } from 'node:path';
import { isStructural } from '../domain/change/plan-change.ts';
import { type TouchRecord, touchedBy } from '../domain/change/staleness.ts';
import { planSyncRecords, touchedAfterSync } from '../domain/change/sync-record.ts';
import { CliError } from '../domain/errors.ts';
import type { Issue } from '../domain/issue.ts';
import { formatLocalDate } from '../domain/local-date.ts';
import type { MergeCounts, MergePlan } from '../domain/merge/merge.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { pathExists, readTextFileIfExists } from '../io/fs-safe.ts';
import { clearLedgerCache, renderArchiveRecord } from '../io/ledger.ts';
import { foldersEmptiedBy, PROJECT_PATHS } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { resolveChangeDir } from './resolve-item.ts';
import { resolveSchema } from './schemas.ts';
import { readTrackedTasks } from './status.ts';
import { verificationWarnings } from './verification-status.ts';

type Env = Readonly<Record<string, string | undefined>>;

import { planChangeAt } from './validate.ts';

export interface ArchiveOptions {
  /** Accept incomplete tasks without asking. */
  yes: boolean;
  skipSpecs: boolean;
  noValidate: boolean;
  now: Date;
  /** Environment for locating user schemas (XDG_DATA_HOME, HOME). */
  env?: Env;
  /** Test seam: called before each file operation; throwing aborts and rolls back. */
  beforeOp?: (op: FileOp, index: number) => void;
}

interface ArchivedSpec {
  capability: string;
  target: string;
  action: MergePlan['action'];
  counts: MergeCounts;
}

export interface ArchiveResult {
  change: string;
  archivedAs: string;
  /** Root-relative path of the archived folder. */
  path: string;
  specsUpdated: boolean;
  specs: ArchivedSpec[];
  totals: MergeCounts;
  tasks: { done: number; total: number };
  /** Warnings and notes from validation and the merge (never errors: those abort). */
  issues: Issue[];
}

/** Thrown when validation refuses the archive; carries the issues so renderers can list them. */
export class ArchiveRefused extends CliError {
  readonly issues: Issue[];
  constructor(code: string, message: string, issues: Issue[], fix?: string) {
    super(code, message, fix ? { fix } : {});
    this.issues = issues;
  }
}

const DATED = /^\d{4}-\d{2}-\d{2}-/;

/** `YYYY-MM-DD-<name>` in local time, unless the name already starts with a date. */
export function archiveName(name: string, now: Date): string {
  return DATED.test(name) ? name : `${formatLocalDate(now)}-${name}`;
}

/** Counts of all plans added up. */
export function sumCounts(plans: MergePlan[]): MergeCounts {
  const t = { added: 0, modified: 0, removed: 0, renamed: 0 };
  for (const p of plans) {
    t.added += p.counts.added;
    t.modified += p.counts.modified;
    t.removed += p.counts.removed;
    t.renamed += p.counts.renamed;
  }
  return t;
}

/**
 * The tasks of the files the change's schema tracks (`apply.tracks`); `tasks.md` when the schema
 * cannot be resolved (an OpenSpec change naming a schema this machine lacks still archives).
 */
export async function changeTasks(root: string, changeRel: string, name: string, env: Env) {
  // A broken config.yaml fails the command (config_invalid) instead of falling back to tasks.md.
  const { config } = await readProjectConfig(root);
  const configSchema = config.schema !== undefined ? { configSchema: config.schema } : {};
  try {
    const { schema } = await resolveSchema(root, env, { change: name, ...configSchema });
    const { done, total, tasks } = readTrackedTasks(root, changeRel, schema);
    return { done, total, tasks };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    const file = `${changeRel}/tasks.md`;
    const text = readTextFileIfExists(root, file);
    const parsed = text === undefined ? { done: 0, total: 0, tasks: [] } : parseTasks(text);
    return { done: parsed.done, total: parsed.total, tasks: parsed.tasks.map((t) => ({ ...t, file })) };
  }
}

async function taskProgress(root: string, changeRel: string, name: string, env: Env) {
  const { done, total } = await changeTasks(root, changeRel, name, env);
  return { done, total };
}

/** What each merge did, for reports (archive and sync). */
export function specSummaries(plans: MergePlan[]): ArchivedSpec[] {
  return plans.map((p) => ({
    capability: p.capability,
    target: p.target,
    action: p.action,
    counts: p.counts,
  }));
}

/**
 * The writes and deletions that carry out merge plans (unchanged specs are left alone). A retired spec
 * takes its capability folder along when the spec is all the folder holds, and then each parent up to
 * `openspec/specs` that is left holding nothing (listed now, checked again when each delete runs), so no
 * empty folder is left behind.
 */
export function specOps(root: string, plans: MergePlan[]): FileOp[] {
  const writes = plans.filter(
    (p) => (p.action === 'create' || p.action === 'update') && p.text !== undefined,
  );
  const retired = plans.filter((p) => p.action === 'retire').map((p) => p.target);
  const written = writes.map((p) => p.target);
  const folders = foldersEmptiedBy(root, PROJECT_PATHS.specs, retired, written);
  const inRemovedFolder = (file: string) => folders.some((f) => file.startsWith(`${f.path}/`));
  const ops: FileOp[] = [];
  for (const p of plans) {
    if (writes.includes(p)) ops.push({ kind: 'write', path: p.target, content: p.text as string });
    else if (p.action === 'retire' && !inRemovedFolder(p.target))
      ops.push({ kind: 'delete', path: p.target });
  }
  for (const f of folders) ops.push({ kind: 'delete', path: f.path, entries: f.entries });
  return ops;
}

/** Refuse before any planning: an existing archive folder, or open tasks without `--yes`. */
async function precheck(
  root: string,
  name: string,
  changeRel: string,
  destRel: string,
  opts: ArchiveOptions,
) {
  if (pathExists(join(root, destRel))) {
    throw new CliError(
      'archive_target_exists',
      `Archive '${destRel.slice(destRel.lastIndexOf('/') + 1)}' already exists.`,
      {
        fix: 'Rename or remove the existing archive folder first.',
      },
    );
  }
  const tasks = await taskProgress(root, changeRel, name, opts.env ?? {});
  if (tasks.done < tasks.total && !opts.yes) {
    const open = tasks.total - tasks.done;
    throw new CliError(
      'archive_tasks_incomplete',
      `${open} incomplete task${open === 1 ? '' : 's'} in '${name}' (${tasks.done}/${tasks.total} done).`,
      { fix: `Complete the tasks, or rerun with: specwright archive ${name} --yes` },
    );
  }
  return tasks;
}

/** Plan every merge exactly as validate does; refuse on errors (`--no-validate` skips content rules only). */
async function planMerges(root: string, name: string, changeRel: string, opts: ArchiveOptions) {
  const planned = await planChangeAt(root, name, changeRel);
  const errors = planned.issues.filter((i) => i.level === 'ERROR');
  const blocking = opts.noValidate
    ? errors.filter((i) => isStructural(i) && i.rule !== 'change_no_deltas')
    : errors;
  if (blocking.length > 0) {
    throw new ArchiveRefused(
      'archive_validation_failed',
      `Change '${name}' cannot be archived: ${blocking.length} error${blocking.length === 1 ? '' : 's'}. No files were changed.`,
      blocking,
      `Run: specwright validate ${name}`,
    );
  }
  const plans = planned.plan.merges;
  let touched = touchedBy(planned.plan.deltas);
  if (planned.synced.length > 0) {
    const applied = planSyncRecords(planned.plan.deltas, planned.mainSpecs, plans);
    touched = touchedAfterSync(touched, planned.synced, applied);
  }
  return { plans, touched, issues: planned.issues.filter((i) => i.level !== 'ERROR') };
}

/**
 * Archive a change as one transaction: plan and validate every merge in memory, then write the specs
 * and move the folder; if any step fails, every file is restored to its previous bytes.
 */
export async function archiveChange(
  root: string,
  name: string,
  opts: ArchiveOptions,
): Promise<ArchiveResult> {
  const changeRel = resolveChangeDir(root, name);
  const archivedAs = archiveName(name, opts.now);
  const destRel = `openspec/changes/archive/${archivedAs}`;
  const tasks = await precheck(root, name, changeRel, destRel, opts);
  const merged: { plans: MergePlan[]; touched: TouchRecord[]; issues: Issue[] } = opts.skipSpecs
    ? { plans: [], touched: [], issues: [] }
    : await planMerges(root, name, changeRel, opts);
  const { plans } = merged;
  const issues = [...merged.issues, ...(await verificationWarnings(root, name, changeRel))];
  const metaRel = `${changeRel}/.openspec.yaml`;
  const record = await renderArchiveRecord(
    readTextFileIfExists(root, metaRel),
    opts.now.toISOString(),
    merged.touched,
  );
  const ops: FileOp[] = [
    ...specOps(root, plans),
    { kind: 'move', from: changeRel, to: destRel },
    { kind: 'write', path: `${destRel}/.openspec.yaml`, content: record },
  ];
  await applyFileTransaction(root, ops, opts.beforeOp ? { beforeOp: opts.beforeOp } : {});
  clearLedgerCache();
  return {
    change: name,
    archivedAs,
    path: destRel,
    specsUpdated: plans.some((p) => p.action !== 'unchanged'),
    specs: specSummaries(plans),
    totals: sumCounts(plans),
    tasks,
    issues,
  };
}
