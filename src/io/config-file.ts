// Reading `openspec/config.yaml` as text and checking that it can be used at all: readable, UTF-8,
// within the size limit, valid YAML. Kept apart from project-config.ts (zod, the field rules) so that
// `validate` and `sync` can check the file without loading zod, and without the YAML library when the
// file is the flat, commented kind `init` writes.

import { isSimpleYaml } from '../domain/config/flat-yaml.ts';
import { CliError } from '../domain/errors.ts';
import { splitLocation } from '../domain/issue.ts';
import { readTextFileIfExists } from './fs-safe.ts';
import { PROJECT_PATHS } from './project.ts';
import { parseYaml, type YamlResult } from './yaml.ts';

/** Why the project config cannot be used: the one-line located error and its parts. */
export interface ConfigProblem {
  /** Root-relative path of the config file. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** `file:line: reason` (or the reader's one-line message): what every command prints. */
  message: string;
  /** The message without its location, for an issue that carries `file` and `line`. */
  reason: string;
  fix: string;
}

/** The `config_invalid` error every command that reads the config fails with. */
export function configError(problem: ConfigProblem): CliError {
  return new CliError('config_invalid', problem.message, { fix: problem.fix });
}

type ConfigText = { file: string; text: string } | { file: string; problem: ConfigProblem };

/** The text of `openspec/config.yaml`, else `config.yml`; undefined when neither exists. */
function readConfigText(root: string): ConfigText | undefined {
  for (const file of [PROJECT_PATHS.configYaml, PROJECT_PATHS.configYml]) {
    let text: string | undefined;
    try {
      text = readTextFileIfExists(root, file);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      const { line, message: reason } = splitLocation(e.message, file);
      const fix = e.fix ?? `Fix or remove ${file}.`;
      const problem = { file, ...(line !== undefined ? { line } : {}), message: e.message, reason, fix };
      return { file, problem };
    }
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/** A YAML parse error as a config problem. */
function parseProblem(file: string, parsed: Extract<YamlResult, { ok: false }>): ConfigProblem {
  const { error: message, line, reason } = parsed;
  return { file, line, message, reason, fix: `Fix the YAML syntax in ${file}.` };
}

/**
 * The parsed project config document, or none when there is no config file. An unreadable file
 * (too large, not UTF-8) or invalid YAML is the `config_invalid` error: a command that quietly fell
 * back to the defaults would look right and be wrong.
 */
export async function readConfigDocument(
  root: string,
): Promise<{ file: string; parsed: Extract<YamlResult, { ok: true }> } | undefined> {
  const read = readConfigText(root);
  if (read === undefined) return undefined;
  if ('problem' in read) throw configError(read.problem);
  const parsed = await parseYaml(read.text, read.file);
  if (!parsed.ok) throw configError(parseProblem(read.file, parsed));
  return { file: read.file, parsed };
}

/**
 * What is wrong with the project config file, if anything, for commands that only need to know it is
 * usable (`validate`, `sync`). Invalid fields and unknown keys are not problems here: they are
 * warnings of the commands that use them.
 */
export async function checkProjectConfig(root: string): Promise<ConfigProblem | undefined> {
  const read = readConfigText(root);
  if (read === undefined) return undefined;
  if ('problem' in read) return read.problem;
  if (isSimpleYaml(read.text)) return undefined;
  const parsed = await parseYaml(read.text, read.file);
  return parsed.ok ? undefined : parseProblem(read.file, parsed);
}
