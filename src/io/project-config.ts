import { type ResolvedProjectConfig, resolveProjectConfig } from '../domain/config/project-config.ts';
import { readTextFileIfExists } from './fs-safe.ts';
import { PROJECT_PATHS } from './project.ts';
import { parseYaml } from './yaml.ts';

/**
 * Read `openspec/config.yaml` (else `config.yml`) leniently: a missing file is an empty config, and an
 * unparseable file or invalid field becomes a warning, as in OpenSpec, so config mistakes never block work.
 */
export async function readProjectConfig(root: string): Promise<ResolvedProjectConfig> {
  for (const file of [PROJECT_PATHS.configYaml, PROJECT_PATHS.configYml]) {
    const text = readTextFileIfExists(root, file);
    if (text === undefined) continue;
    const parsed = await parseYaml(text, file);
    if (!parsed.ok) return { config: {}, warnings: [`could not parse ${parsed.error}; ignoring it.`] };
    return resolveProjectConfig(parsed.data, file);
  }
  return { config: {}, warnings: [] };
}
