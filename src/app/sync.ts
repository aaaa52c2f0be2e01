import { mergeSyncRecords, planSyncRecords } from '../domain/change/sync-record.ts';
import { CliError } from '../domain/errors.ts';
import type { Issue } from '../domain/issue.ts';
import type { MergeCounts, MergePlan } from '../domain/merge/merge.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { checkProjectConfig, configError } from '../io/config-file.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { clearLedgerCache, renderSyncRecord } from '../io/ledger.ts';
import { specOps, specSummaries, sumCounts } from './archive.ts';
import { resolveChangeDir } from './resolve-item.ts';
import { planChangeAt } from './validate.ts';

export interface SyncOptions {
  now: Date;
  /** Test seam: called before each file operation; throwing aborts and rolls back. */
  beforeOp?: (op: FileOp, index: number) => void;
}

interface SyncedSpec {
  capability: string;
  target: string;
  /** create, update, retire, or unchanged (already in sync). */
  action: MergePlan['action'];
  counts: MergeCounts;
}

export interface SyncResult {
  change: string;
  specs: SyncedSpec[];
  totals: MergeCounts;
  /** Warnings and notes from validation and the merge (never errors: those abort). */
  issues: Issue[];
}

/** Thrown when validation refuses the sync; carries the issues so renderers can list them. */
export class SyncRefused extends CliError {
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[], fix: string) {
    super('sync_validation_failed', message, { fix });
    this.issues = issues;
  }
}

/**
 * Apply a change's deltas to the main specs without archiving it, as one transaction: the same plan
 * and validation as archive, then every spec write plus the change's sync record (`synced_at`,
 * `synced`) in `.openspec.yaml`; if any step fails, every file is restored to its previous bytes.
 * When every delta is already applied nothing is written, so a second run changes no byte.
 */
export async function syncChange(root: string, name: string, opts: SyncOptions): Promise<SyncResult> {
  const changeRel = resolveChangeDir(root, name);
  // `validate <change>` fails on a broken config.yaml and archive refuses it; sync refuses it too.
  const configProblem = await checkProjectConfig(root);
  if (configProblem) throw configError(configProblem);
  const planned = await planChangeAt(root, name, changeRel);
  const errors = planned.issues.filter((i) => i.level === 'ERROR');
  if (errors.length > 0) {
    throw new SyncRefused(
      `Change '${name}' cannot be synced: ${errors.length} error${errors.length === 1 ? '' : 's'}. No files were changed.`,
      errors,
      `Run: specwright validate ${name}`,
    );
  }
  const plans = planned.plan.merges;
  const changed = plans.some((p) => p.action !== 'unchanged');
  if (changed) {
    const applied = planSyncRecords(planned.plan.deltas, planned.mainSpecs, plans);
    const metaRel = `${changeRel}/.openspec.yaml`;
    const record = await renderSyncRecord(
      readTextFileIfExists(root, metaRel),
      opts.now.toISOString(),
      mergeSyncRecords(planned.synced, applied),
    );
    const ops: FileOp[] = [...specOps(root, plans), { kind: 'write', path: metaRel, content: record }];
    await applyFileTransaction(root, ops, opts.beforeOp ? { beforeOp: opts.beforeOp } : {});
    clearLedgerCache();
  }
  return {
    change: name,
    specs: specSummaries(plans),
    totals: sumCounts(plans),
    issues: planned.issues.filter((i) => i.level !== 'ERROR'),
  };
}
