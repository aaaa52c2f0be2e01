import { type ResolvedProjectConfig, resolveProjectConfig } from '../domain/config/project-config.ts';
import { CliError } from '../domain/errors.ts';
import { readTextFileIfExists } from './fs-safe.ts';
import { PROJECT_PATHS } from './project.ts';
import { parseYaml } from './yaml.ts';

type ConfigRead = ResolvedProjectConfig & {
  /** Root-relative path of the file read, when one exists. */
  file?: string;
  /** The located one-line parse error of a malformed file. */
  parseError?: string;
};

async function readConfigFile(root: string): Promise<ConfigRead> {
  for (const file of [PROJECT_PATHS.configYaml, PROJECT_PATHS.configYml]) {
    const text = readTextFileIfExists(root, file);
    if (text === undefined) continue;
    const parsed = await parseYaml(text, file);
    if (!parsed.ok) return { config: {}, warnings: [], file, parseError: parsed.error };
    return { ...resolveProjectConfig(parsed.data, file, parsed.lineOf), file };
  }
  return { config: {}, warnings: [] };
}

/** The resolved config without the file bookkeeping; `invalid` only when a structured field was dropped. */
function resolved(read: ConfigRead): ResolvedProjectConfig {
  const { config, warnings, invalid } = read;
  return invalid ? { config, warnings, invalid } : { config, warnings };
}

/**
 * Read `openspec/config.yaml` (else `config.yml`) leniently: a missing file is an empty config, and an
 * unparseable file or invalid field becomes a warning, as in OpenSpec, so config mistakes never block work.
 */
export async function readProjectConfig(root: string): Promise<ResolvedProjectConfig> {
  const read = await readConfigFile(root);
  if (read.parseError === undefined) return resolved(read);
  return { config: {}, warnings: [`could not parse ${read.parseError}; ignoring it.`] };
}

/**
 * Like `readProjectConfig`, but a file that is not valid YAML is the `config_invalid` error (located
 * `file:line: message`): instructions built without the project's context and rules would look right and
 * be wrong. Invalid fields and unknown keys stay warnings.
 */
export async function readProjectConfigStrict(root: string): Promise<ResolvedProjectConfig> {
  const read = await readConfigFile(root);
  if (read.parseError === undefined) return resolved(read);
  throw new CliError('config_invalid', read.parseError, {
    fix: `Fix the YAML syntax in ${read.file ?? PROJECT_PATHS.configYaml}.`,
  });
}
