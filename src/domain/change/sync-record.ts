import { linesOf } from '../markdown/doc-lines.ts';
import type { ScannedDoc } from '../markdown/types.ts';
import type { MergePlan } from '../merge/plan-merge.ts';
import { legacyCoreEnd } from '../spec/blocks.ts';
import type { Requirement } from '../spec/model.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import type { DeltaSpec } from './delta.ts';
import type { TouchRecord } from './staleness.ts';
import type { SyncRecord } from './sync-record-schema.ts';

/**
 * Fingerprint of a requirement block: the first 16 hex digits of SHA-256 over its lines with trailing
 * blanks trimmed, joined with `\n`. Line endings and trailing whitespace do not count, as in merges.
 */
export function blockFingerprint(lines: readonly string[]): string {
  const text = lines
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
  // node:crypto is loaded on first use: importing it costs ≈ 5 ms, and most runs never hash a block.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The record of `op` on `capability#name` among `records`, if any (names match exactly). */
export function findSyncRecord(
  records: readonly SyncRecord[] | undefined,
  op: SyncRecord['op'],
  capability: string,
  name: string,
): SyncRecord | undefined {
  const ref = `${capability}#${name}`;
  return records?.find((r) => r.op === op && r.ref === ref);
}

/** Fingerprint of a delta's ADDED or MODIFIED block, with the header written as merges write it. */
function entryFingerprint(delta: DeltaSpec, r: Requirement): string {
  return blockFingerprint([
    `### Requirement: ${r.name}`,
    ...linesOf(delta.doc, r.core.start + 1, r.core.end),
  ]);
}

/**
 * Whether `hash` fingerprints the block of lines `[start, end)` of `doc` (after `header`, when given).
 * Records written before separators after a block were layout (2026-12-07) fingerprinted the block
 * through the separators that follow it, so that extent matches too: a sync from then is still known.
 */
export function fingerprintMatches(
  hash: string | undefined,
  doc: ScannedDoc,
  start: number,
  end: number,
  header?: string,
): boolean {
  if (hash === undefined) return false;
  const lines = (e: number) =>
    header === undefined ? linesOf(doc, start, e) : [header, ...linesOf(doc, start, e)];
  if (blockFingerprint(lines(end)) === hash) return true;
  const legacy = legacyCoreEnd(doc, end);
  return legacy !== end && blockFingerprint(lines(legacy)) === hash;
}

/**
 * The delta without the entries this change already synced and has not edited since: an ADDED or
 * MODIFIED whose block fingerprint equals its record, a REMOVED with a record, a RENAMED with records
 * of both names. Those are done: merges skip them (later edits of those requirements by others are
 * kept) and so does the staleness check. Without records the delta itself is returned.
 */
export function pendingDelta(delta: DeltaSpec, records: readonly SyncRecord[] | undefined): DeltaSpec {
  if (!records || records.length === 0) return delta;
  const has = (op: SyncRecord['op'], name: string) => findSyncRecord(records, op, delta.capability, name);
  const synced = (op: 'ADDED' | 'MODIFIED', r: Requirement) =>
    fingerprintMatches(
      has(op, r.name)?.hash,
      delta.doc,
      r.core.start + 1,
      r.core.end,
      `### Requirement: ${r.name}`,
    );
  return {
    ...delta,
    added: delta.added.filter((r) => !synced('ADDED', r)),
    modified: delta.modified.filter((r) => !synced('MODIFIED', r)),
    removed: delta.removed.filter((r) => !has('REMOVED', r.name)),
    renamed: delta.renamed.filter((r) => !(has('RENAMED', r.from) && has('RENAMED', r.to))),
  };
}

/** Whether a delta has no entry left to apply. */
export function isEmptyDelta(delta: DeltaSpec): boolean {
  return delta.added.length + delta.modified.length + delta.removed.length + delta.renamed.length === 0;
}

/** Fingerprint of every requirement block of a spec text, by exact name (first one wins). */
function blocksOf(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (text === undefined) return out;
  const spec = parseSpec(text);
  for (const r of spec.requirements) {
    if (!out.has(r.name)) out.set(r.name, blockFingerprint(linesOf(spec.doc, r.core.start, r.core.end)));
  }
  return out;
}

function mergedText(plan: MergePlan | undefined, before: string | undefined): string | undefined {
  if (!plan) return before;
  if (plan.action === 'retire') return undefined;
  return plan.text ?? before;
}

/**
 * The records of the delta entries whose requirement block a merge actually changes: comparing each
 * block before (`before`, by capability) and after (`merges`). Entries that are already applied (an
 * identical ADDED, a RENAMED done earlier, a REMOVED target already gone) produce no record.
 */
export function planSyncRecords(
  deltas: readonly DeltaSpec[],
  before: ReadonlyMap<string, string | undefined>,
  merges: readonly MergePlan[],
): SyncRecord[] {
  const out: SyncRecord[] = [];
  for (const d of deltas) {
    const text = before.get(d.capability);
    const pre = blocksOf(text);
    const post = blocksOf(
      mergedText(
        merges.find((m) => m.capability === d.capability),
        text,
      ),
    );
    const ref = (name: string) => `${d.capability}#${name}`;
    for (const r of d.renamed) {
      const hash = post.get(r.to);
      if (pre.has(r.from) && !post.has(r.from) && hash !== undefined) {
        out.push({ op: 'RENAMED', ref: ref(r.from), hash }, { op: 'RENAMED', ref: ref(r.to), hash });
      }
    }
    for (const r of d.removed) {
      const hash = pre.get(r.name);
      if (hash !== undefined && !post.has(r.name)) out.push({ op: 'REMOVED', ref: ref(r.name), hash });
    }
    for (const [op, list] of [
      ['MODIFIED', d.modified],
      ['ADDED', d.added],
    ] as const) {
      for (const r of list) {
        const after = post.get(r.name);
        if (after !== undefined && after !== pre.get(r.name))
          out.push({ op, ref: ref(r.name), hash: entryFingerprint(d, r) });
      }
    }
  }
  return out;
}

/** `previous` updated with `applied`: a record for the same op and requirement is replaced in place, new ones appended. */
export function mergeSyncRecords(
  previous: readonly SyncRecord[],
  applied: readonly SyncRecord[],
): SyncRecord[] {
  const key = (r: SyncRecord) => `${r.op} ${r.ref}`;
  const fresh = new Map(applied.map((r) => [key(r), r]));
  const out = previous.map((r) => fresh.get(key(r)) ?? r);
  const seen = new Set(previous.map(key));
  for (const r of applied) if (!seen.has(key(r))) out.push(r);
  return out;
}

/**
 * What an archive records as `touched`: every entry of the delta, except those an earlier sync of the
 * same change already applied and the archive left as they were. Those stay dated by `synced_at`, so
 * changes written after the sync are not refused for a requirement the archive did not change again.
 */
export function touchedAfterSync(
  touched: readonly TouchRecord[],
  synced: readonly SyncRecord[],
  applied: readonly SyncRecord[],
): TouchRecord[] {
  const has = (list: readonly SyncRecord[], t: TouchRecord) =>
    list.some((r) => r.op === t.op && r.ref === t.ref);
  return touched.filter((t) => !has(synced, t) || has(applied, t));
}
