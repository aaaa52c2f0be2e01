import type { LedgerEntry, TouchRecord } from '../domain/change/staleness.ts';
import type { SyncRecord } from '../domain/change/sync-record-schema.ts';
import { formatLocalDate } from '../domain/local-date.ts';
import { readTextFileIfExists } from './fs-safe.ts';
import { readSyncRecords } from './load.ts';
import { listActiveChanges, listArchivedChanges, PROJECT_PATHS } from './project.ts';
import { loadYamlLib, parseYaml } from './yaml.ts';

const ledgers = new Map<string, Promise<LedgerEntry[]>>();

function touchRecords(value: unknown): TouchRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (t): t is TouchRecord =>
      typeof t === 'object' &&
      t !== null &&
      typeof (t as TouchRecord).ref === 'string' &&
      typeof (t as TouchRecord).op === 'string',
  );
}

async function recordData(
  text: string | undefined,
  rel: string,
): Promise<Record<string, unknown> | undefined> {
  if (text === undefined || !(text.includes('touched:') || text.includes('synced:'))) return undefined;
  const parsed = await parseYaml(text, rel);
  if (!parsed.ok || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
  return parsed.data as Record<string, unknown>;
}

/** The sync entry of a change's metadata: `synced_at` and the `synced` records, when both are there. */
async function syncEntry(
  change: string,
  file: string,
  data: Record<string, unknown>,
): Promise<LedgerEntry | undefined> {
  const at = data.synced_at;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
  const touched = (await readSyncRecords(data.synced)).map((r) => ({ op: r.op, ref: r.ref }));
  return { change, at, via: 'sync', date: formatLocalDate(new Date(at)), file, touched };
}

/** The `.openspec.yaml` text of an active change (`undefined` when it has none), when the caller has read it. */
type MetadataOf = (name: string) => string | undefined;

async function readLedger(root: string, activeMetadata?: MetadataOf): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (const dir of listArchivedChanges(root)) {
    const file = `${PROJECT_PATHS.archive}/${dir}/.openspec.yaml`;
    const data = await recordData(readTextFileIfExists(root, file), file);
    if (data === undefined) continue;
    if (typeof data.archived_at === 'string') {
      entries.push({ change: dir, at: data.archived_at, file, touched: touchRecords(data.touched) });
    }
    const synced = await syncEntry(dir, file, data);
    if (synced) entries.push(synced);
  }
  for (const name of listActiveChanges(root)) {
    const file = `${PROJECT_PATHS.changes}/${name}/.openspec.yaml`;
    const text = activeMetadata ? activeMetadata(name) : readTextFileIfExists(root, file);
    const data = await recordData(text, file);
    const synced = data && (await syncEntry(name, file, data));
    if (synced) entries.push(synced);
  }
  return entries;
}

/**
 * What archives and syncs recorded about the requirements they touched: archived changes' `archived_at`
 * and `touched`, and the `synced_at` and `synced` of any change, archived or active (read once per root
 * and process). `activeMetadata` gives the metadata of the active changes when the caller has read it.
 */
export function loadLedger(root: string, activeMetadata?: MetadataOf): Promise<LedgerEntry[]> {
  let cached = ledgers.get(root);
  if (!cached) {
    cached = readLedger(root, activeMetadata);
    ledgers.set(root, cached);
  }
  return cached;
}

/** Forget cached ledgers (after an archive or a sync adds an entry). */
export function clearLedgerCache(): void {
  ledgers.clear();
}

/**
 * The archived change's `.openspec.yaml` with `archived_at` and `touched` added (comments and other keys
 * kept). Later archives read these records to refuse deltas written against an older spec.
 */
export async function renderArchiveRecord(
  existing: string | undefined,
  archivedAt: string,
  touched: TouchRecord[],
): Promise<string> {
  const { parseDocument } = await loadYamlLib();
  const doc = parseDocument(existing ?? 'schema: spec-driven\n');
  doc.set('archived_at', archivedAt);
  doc.set(
    'touched',
    touched.map((t) => ({ op: t.op, ref: t.ref })),
  );
  return doc.toString();
}

/**
 * The change's `.openspec.yaml` with `synced_at` and `synced` set (comments and other keys kept). The
 * change's later syncs, its archive and validation read the records back; other changes' staleness
 * checks read them as a ledger entry dated `synced_at`.
 */
export async function renderSyncRecord(
  existing: string | undefined,
  syncedAt: string,
  synced: readonly SyncRecord[],
): Promise<string> {
  const { parseDocument } = await loadYamlLib();
  const doc = parseDocument(existing ?? 'schema: spec-driven\n');
  doc.set('synced_at', syncedAt);
  doc.set(
    'synced',
    synced.map((r) => ({ op: r.op, ref: r.ref, hash: r.hash })),
  );
  return doc.toString();
}
