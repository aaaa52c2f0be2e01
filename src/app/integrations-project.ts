import { dirname, join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import { sortTools } from '../domain/tools/parse-tool-list.ts';
import { allManagedPaths, type Sources } from '../domain/tools/plan-files.ts';
import { type IntegrationSettings, parseSettings } from '../domain/tools/settings.ts';
import { readStamp } from '../domain/tools/stamp.ts';
import { TOOLS, type ToolId } from '../domain/tools/tools.ts';
import { parseWorkflowSource } from '../domain/tools/workflow-source.ts';
import { WORKFLOW_IDS, type WorkflowId } from '../domain/tools/workflows.ts';
import { builtinSchemasDir } from '../io/assets.ts';
import { pathExists, readTextFile, readTextFileIfExists } from '../io/fs-safe.ts';
import { parseYaml } from '../io/yaml.ts';

/** Root-relative path of the project's record of its integrations. */
export const PROJECT_SETTINGS_PATH = 'openspec/integrations.yaml';

/** The project's recorded integrations, or undefined when it has none; an invalid file is an error. */
export async function readProjectSettings(root: string): Promise<IntegrationSettings | undefined> {
  const text = readTextFileIfExists(root, PROJECT_SETTINGS_PATH);
  if (text === undefined) return undefined;
  const yaml = await parseYaml(text, PROJECT_SETTINGS_PATH);
  const parsed = yaml.ok
    ? parseSettings(yaml.data, PROJECT_SETTINGS_PATH)
    : { ok: false as const, error: yaml.error };
  if (!parsed.ok) {
    throw new CliError('integrations_config_invalid', parsed.error, {
      fix: `Fix ${PROJECT_SETTINGS_PATH}, or delete it and run specwright init --tools <ids>.`,
    });
  }
  return parsed.settings;
}

/** Tools whose detection paths exist in the project (pre-selected by init), in table order. */
export function detectTools(root: string): ToolId[] {
  return TOOLS.filter((t) => t.detect.some((p) => pathExists(join(root, p)))).map((t) => t.id);
}

/**
 * Tools that already have a Specwright-stamped skill or command file in the project: what `update`
 * regenerates when `openspec/integrations.yaml` is missing.
 */
export function stampedTools(root: string): ToolId[] {
  const found: ToolId[] = [];
  for (const m of allManagedPaths()) {
    if (m.kind === 'block' || found.includes(m.tool) || !pathExists(join(root, m.path))) continue;
    const text = readTextFileIfExists(root, m.path);
    if (text !== undefined && readStamp(text).state !== 'none') found.push(m.tool);
  }
  return sortTools(found);
}

let cachedSources: Sources | undefined;

/** The workflow texts shipped in `assets/workflows/` (beside `assets/schemas/`), read once per process. */
export function loadSources(): Sources {
  if (cachedSources) return cachedSources;
  const dir = join(dirname(builtinSchemasDir()), 'workflows');
  const workflows = new Map<WorkflowId, ReturnType<typeof parseWorkflowSource>>();
  for (const id of WORKFLOW_IDS) {
    const source = parseWorkflowSource(readTextFile(dir, `${id}.md`), `assets/workflows/${id}.md`);
    if (source.id !== id) throw new Error(`assets/workflows/${id}.md declares id ${source.id}`);
    workflows.set(id, source);
  }
  const block = readTextFile(dir, 'fragments/instructions-block.md').replace(/\r\n/g, '\n');
  cachedSources = { workflows, block: `${block.trim()}\n` };
  return cachedSources;
}
