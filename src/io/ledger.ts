import type { LedgerEntry, TouchRecord } from '../domain/change/staleness.ts';
import { readTextFileIfExists } from './fs-safe.ts';
import { listArchivedChanges, PROJECT_PATHS } from './project.ts';
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

async function readLedger(root: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (const dir of listArchivedChanges(root)) {
    const rel = `${PROJECT_PATHS.archive}/${dir}/.openspec.yaml`;
    const text = readTextFileIfExists(root, rel);
    if (text === undefined || !text.includes('touched:')) continue;
    const parsed = await parseYaml(text, rel);
    if (!parsed.ok || typeof parsed.data !== 'object' || parsed.data === null) continue;
    const data = parsed.data as Record<string, unknown>;
    if (typeof data.archived_at !== 'string') continue;
    entries.push({ change: dir, archivedAt: data.archived_at, touched: touchRecords(data.touched) });
  }
  return entries;
}

/** What archived changes recorded about the requirements they touched (read once per root and process). */
export function loadLedger(root: string): Promise<LedgerEntry[]> {
  let cached = ledgers.get(root);
  if (!cached) {
    cached = readLedger(root);
    ledgers.set(root, cached);
  }
  return cached;
}

/** Forget cached ledgers (after an archive adds an entry). */
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
