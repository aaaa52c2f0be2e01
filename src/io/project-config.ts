import { type ResolvedProjectConfig, resolveProjectConfig } from '../domain/config/project-config.ts';
import { readConfigDocument } from './config-file.ts';

/**
 * Read `openspec/config.yaml` (else `config.yml`): a missing file is an empty config. A file that cannot
 * be read or is not valid YAML is the `config_invalid` error (located `file:line: message`), the same in
 * every command; invalid fields and unknown keys are warnings, and those fields are dropped.
 */
export async function readProjectConfig(root: string): Promise<ResolvedProjectConfig> {
  const doc = await readConfigDocument(root);
  if (doc === undefined) return { config: {}, warnings: [] };
  return resolveProjectConfig(doc.parsed.data, doc.file, doc.parsed.lineOf);
}
