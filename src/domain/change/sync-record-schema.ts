import { z } from 'zod';

// Kept apart from sync-record.ts so that reading metadata without `synced:` records never loads zod.

/**
 * One delta entry a sync applied, as recorded in the change's `.openspec.yaml` (`synced:`). `hash`
 * fingerprints the entry's block as synced (for ADDED and whole-block MODIFIED that is exactly the block
 * written into the main spec; for MODIFIED with scenario operations, the operations block), for
 * REMOVED the block removed, for RENAMED the block after the rename.
 */
const SyncRecordSchema = z.object({
  op: z.enum(['ADDED', 'MODIFIED', 'REMOVED', 'RENAMED']),
  /** `capability#Requirement name`; a RENAMED pair records both names, like `touched`. */
  ref: z.string().regex(/^[^#]+#./, 'must be capability#Requirement name'),
  hash: z.string().min(1),
});

export type SyncRecord = z.infer<typeof SyncRecordSchema>;

/** The valid records of a `synced:` value; anything else is dropped (a missing record only makes merges stricter). */
export function parseSyncRecords(value: unknown): SyncRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const r = SyncRecordSchema.safeParse(v);
    return r.success ? [r.data] : [];
  });
}
