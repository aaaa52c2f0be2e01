import { resolve } from 'node:path';
import { resolveSelection, type SettingsLayer } from '../domain/tools/settings.ts';
import { type ProjectRoot, requireProjectRoot } from '../io/project.ts';
import { readUserSettings } from '../io/user-config.ts';
import { type IntegrationReport, syncIntegrations } from './integrations.ts';
import { readProjectSettings, stampedTools } from './integrations-project.ts';

export interface UpdateInput {
  cwd: string;
  /** Project directory (or one inside it), relative to `cwd`; default `cwd`. */
  path?: string;
  /** Overwrite files edited since they were generated, and remove edited files no longer selected. */
  force?: boolean;
  /** Environment for the user config lookup (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface UpdateResult {
  root: ProjectRoot;
  integrations: IntegrationReport;
}

/**
 * `specwright update [path] [--force]`: regenerate the project's integrations from
 * `openspec/integrations.yaml` (or, without it, for every tool that has a stamped file), with the
 * profile and delivery of that file or else the user config. Edited files are skipped unless `force`;
 * files of workflows and tools no longer selected are removed.
 */
export async function updateIntegrations(input: UpdateInput): Promise<UpdateResult> {
  const root = requireProjectRoot(resolve(input.cwd, input.path ?? '.'));
  const project = await readProjectSettings(root.path);
  const user = readUserSettings(input.env);
  const layers: SettingsLayer[] = [];
  let detected = stampedTools(root.path);
  if (project) {
    layers.push({ source: 'project', settings: project });
    detected = [];
  }
  // Without a project record, the stamped files say which tools are set up; the user's default tools do not.
  const { tools: _tools, ...userRest } = user;
  layers.push({ source: 'user', settings: project ? user : userRest });
  const selection = resolveSelection(layers, detected);
  const record = project !== undefined || selection.tools.length > 0;
  const integrations = await syncIntegrations(root.path, selection, { force: input.force === true, record });
  if (!record) {
    integrations.notes.push(
      'No assistant integrations in this project: run specwright init --tools <ids> first.',
    );
  }
  return { root, integrations };
}
