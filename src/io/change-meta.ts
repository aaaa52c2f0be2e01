import type { ChangeMetadata } from '../domain/config/change-metadata.ts';
import { CHANGE_METADATA_KEY_ORDER, quickChangeMetadata } from '../domain/config/change-metadata-quick.ts';
import { readTextFileIfExists } from './fs-safe.ts';
import { changePath } from './project.ts';
import { loadYamlLib, parseYaml, parseYamlData } from './yaml.ts';

/** Root-relative path of a change's metadata file. */
export function changeMetadataPath(name: string): string {
  return `${changePath(name)}/.openspec.yaml`;
}

/** The zod schema, imported on first use: the common metadata is checked without it (`quickChangeMetadata`). */
function loadMetadataSchema(): Promise<typeof import('../domain/config/change-metadata.ts')> {
  return import('../domain/config/change-metadata.ts');
}

/** A change's metadata: absent (allowed, OpenSpec changes may predate it), valid, or invalid with a located reason. */
export type ChangeMetadataRead =
  | { status: 'missing' }
  | { status: 'ok'; metadata: ChangeMetadata }
  | { status: 'invalid'; error: string };

/**
 * Read and validate `.openspec.yaml`; content problems are returned, not thrown (I/O failures are thrown).
 * `read` reads a root-relative path, `undefined` when the file is not there.
 */
export async function readChangeMetadata(
  root: string,
  name: string,
  read: (rel: string) => string | undefined = (rel) => readTextFileIfExists(root, rel),
): Promise<ChangeMetadataRead> {
  const file = changeMetadataPath(name);
  const text = read(file);
  if (text === undefined) return { status: 'missing' };
  const fast = await parseYamlData(text, file);
  if (!fast.ok) return { status: 'invalid', error: fast.error };
  const quick = quickChangeMetadata(fast.data ?? {});
  if (quick !== undefined) return { status: 'ok', metadata: quick };
  const { ChangeMetadataSchema } = await loadMetadataSchema();
  const checked = ChangeMetadataSchema.safeParse(fast.data ?? {});
  if (checked.success) return { status: 'ok', metadata: checked.data };
  // Rare path: parse again with positions to point at the offending key.
  const parsed = await parseYaml(text, file);
  if (!parsed.ok) return { status: 'invalid', error: parsed.error };
  const issue = checked.error.issues[0];
  const path = issue?.path ?? [];
  const line = path.length > 0 ? (parsed.lineOf(path) ?? 1) : 1;
  const where = path.length > 0 ? `'${path.join('.')}' ` : '';
  return { status: 'invalid', error: `${file}:${line}: ${where}${issue?.message ?? 'invalid metadata'}` };
}

/**
 * Render metadata as YAML. With `existing` text the document is edited in place, so the user's comments,
 * key order and unknown keys survive; otherwise known keys come first in a fixed order.
 */
export async function renderChangeMetadata(metadata: ChangeMetadata, existing?: string): Promise<string> {
  const { parseDocument, stringify } = await loadYamlLib();
  if (existing !== undefined) {
    const doc = parseDocument(existing);
    for (const [key, value] of Object.entries(metadata)) {
      if (value === undefined) doc.delete(key);
      else doc.set(key, value);
    }
    return doc.toString();
  }
  const ordered: Record<string, unknown> = {};
  for (const key of CHANGE_METADATA_KEY_ORDER) if (metadata[key] !== undefined) ordered[key] = metadata[key];
  for (const [key, value] of Object.entries(metadata))
    if (value !== undefined && !(key in ordered)) ordered[key] = value;
  return stringify(ordered);
}

/** Validate and write `.openspec.yaml` atomically, keeping comments and unknown keys of an existing file. */
export async function writeChangeMetadata(
  root: string,
  name: string,
  metadata: ChangeMetadata,
): Promise<void> {
  const { ChangeMetadataSchema } = await loadMetadataSchema();
  const valid = ChangeMetadataSchema.parse(metadata);
  const file = changeMetadataPath(name);
  const content = await renderChangeMetadata(valid, readTextFileIfExists(root, file));
  // Imported here: reading metadata (validate, list) must not load the writer and its exit handlers.
  const { applyFileTransaction } = await import('./atomic-write.ts');
  await applyFileTransaction(root, [{ kind: 'write', path: file, content }]);
}
