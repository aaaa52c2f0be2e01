import type { Issue } from '../issue.ts';
import { foldName } from '../spec/blocks.ts';
import type { DeltaOp, DeltaSpec } from './delta.ts';

/** What an archived change did to one requirement, as recorded in its `.openspec.yaml` (`touched`). */
export interface TouchRecord {
  op: DeltaOp;
  /** `capability#Requirement name` (for RENAMED: the old name). */
  ref: string;
}

/** When a change altered main specs and what it touched: an archive, or a sync (archived or not). */
export interface LedgerEntry {
  /** Archive folder name, e.g. `2026-11-21-add-otp`, or the name of an active change. */
  change: string;
  /** ISO timestamp of the archive (`archived_at`) or of the last sync that changed a spec (`synced_at`). */
  at: string;
  /** Set for sync entries; archive entries are dated by their folder name. */
  via?: 'sync';
  /** Local YYYY-MM-DD of a sync, compared with a base that has only a date. */
  date?: string;
  /** Root-relative `.openspec.yaml` the entry was read from (a change never conflicts with its own sync). */
  file?: string;
  touched: TouchRecord[];
}

/** When the change's deltas were written against the main specs. */
export interface ChangeBase {
  /** ISO timestamp: `base_at`, else `created_at` from `.openspec.yaml`. */
  at?: string;
  /** `created` (local YYYY-MM-DD) when no timestamp exists. */
  date?: string;
}

/** The requirement references a delta records when archived. */
export function touchedBy(deltas: DeltaSpec[]): TouchRecord[] {
  const out: TouchRecord[] = [];
  for (const d of deltas) {
    const ref = (name: string) => `${d.capability}#${name}`;
    for (const r of d.added) out.push({ op: 'ADDED', ref: ref(r.name) });
    for (const r of d.modified) out.push({ op: 'MODIFIED', ref: ref(r.name) });
    for (const r of d.removed) out.push({ op: 'REMOVED', ref: ref(r.name) });
    for (const r of d.renamed)
      out.push({ op: 'RENAMED', ref: ref(r.from) }, { op: 'RENAMED', ref: ref(r.to) });
  }
  return out;
}

function appliedAfter(entry: LedgerEntry, base: ChangeBase): boolean {
  if (base.at) return Date.parse(entry.at) > Date.parse(base.at);
  if (base.date) return (entry.date ?? entry.change.slice(0, 10)) > base.date;
  return false;
}

function keyOf(ref: string): string {
  const hash = ref.indexOf('#');
  return `${ref.slice(0, hash)}#${foldName(ref.slice(hash + 1))}`;
}

/**
 * MODIFIED, REMOVED and RENAMED entries aimed at a requirement that another change changed (archived or
 * synced) after this change was written: archive and sync refuse them instead of overwriting the newer
 * text. Entries read from `metadataFile` itself (this change's own sync) never count.
 */
export function findStaleTargets(
  deltas: DeltaSpec[],
  base: ChangeBase,
  ledger: readonly LedgerEntry[],
  metadataFile: string,
): Issue[] {
  const later = ledger.filter((e) => e.file !== metadataFile && appliedAfter(e, base));
  if (later.length === 0) return [];
  const issues: Issue[] = [];
  for (const d of deltas) {
    const targets = [
      ...d.modified.map((r) => ({ op: 'MODIFIED', name: r.name, line: r.line })),
      ...d.removed.map((r) => ({ op: 'REMOVED', name: r.name, line: r.line })),
      ...d.renamed.map((r) => ({ op: 'RENAMED', name: r.from, line: r.line })),
    ];
    for (const t of targets) {
      const key = keyOf(`${d.capability}#${t.name}`);
      for (const e of later) {
        const hit = e.touched.find((x) => keyOf(x.ref) === key);
        if (!hit) continue;
        const since = base.at ?? base.date ?? '';
        issues.push({
          level: 'ERROR',
          rule: 'merge_stale_base',
          message: `${d.capability}: ${t.op} "${t.name}" was written before change ${e.change} ${hit.op === 'RENAMED' ? 'renamed' : hit.op === 'REMOVED' ? 'removed' : hit.op === 'ADDED' ? 'added' : 'modified'} that requirement (${e.via === 'sync' ? 'synced' : 'archived'} ${e.at}, after this change's base ${since}); applying it could overwrite the newer text.`,
          file: d.file,
          line: t.line + 1,
          fix: `Compare with "specwright show ${d.capability} --type spec", update the block, then set "base_at: <now, ISO 8601>" in ${metadataFile}.`,
        });
      }
    }
  }
  return issues;
}
