import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderInitialConfig } from '../domain/config/config-template.ts';
import { CliError } from '../domain/errors.ts';
import { parseToolList } from '../domain/tools/parse-tool-list.ts';
import {
  type IntegrationSettings,
  parseSettingValue,
  resolveSelection,
  type SettingsLayer,
} from '../domain/tools/settings.ts';
import type { ToolId } from '../domain/tools/tools.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { PROJECT_PATHS, type ProjectRoot } from '../io/project.ts';
import { readUserSettings } from '../io/user-config.ts';
import { type IntegrationReport, planIntegrations } from './integrations.ts';
import { detectTools, readProjectSettings } from './integrations-project.ts';

/** What `planSkeleton` found: the ops that create the missing parts, and what each item's fate is. */
export interface SkeletonPlan {
  ops: FileOp[];
  /** Root-relative POSIX paths to create; directories end with `/`. */
  created: string[];
  /** Root-relative POSIX paths already present; directories end with `/`. */
  existing: string[];
}

type Item = { path: string; kind: 'dir' } | { path: string; kind: 'file'; content: string };

const SKELETON: readonly Item[] = [
  { path: PROJECT_PATHS.openspec, kind: 'dir' },
  { path: PROJECT_PATHS.specs, kind: 'dir' },
  { path: `${PROJECT_PATHS.specs}/.gitkeep`, kind: 'file', content: '' },
  { path: PROJECT_PATHS.changes, kind: 'dir' },
  { path: PROJECT_PATHS.archive, kind: 'dir' },
  { path: `${PROJECT_PATHS.archive}/.gitkeep`, kind: 'file', content: '' },
];

function kindAt(abs: string): 'dir' | 'file' | 'missing' | 'other' {
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** The config item: config.yaml unless either config file already exists (OpenSpec accepts both). */
function configItem(rootPath: string): Item {
  const yml = kindAt(join(rootPath, PROJECT_PATHS.configYml)) !== 'missing';
  const yaml = kindAt(join(rootPath, PROJECT_PATHS.configYaml)) !== 'missing';
  if (yml && !yaml) return { path: PROJECT_PATHS.configYml, kind: 'file', content: '' };
  return { path: PROJECT_PATHS.configYaml, kind: 'file', content: renderInitialConfig() };
}

/**
 * Plan the `openspec/` skeleton under `rootPath` without touching it. Existing items are kept as they are
 * (never overwritten); an item of the wrong kind (a file named `openspec/specs`) is an error before
 * anything is created, so a failed init leaves nothing half-made.
 */
export function planSkeleton(rootPath: string): SkeletonPlan {
  const plan: SkeletonPlan = { ops: [], created: [], existing: [] };
  for (const item of [...SKELETON, configItem(rootPath)]) {
    const shown = item.kind === 'dir' ? `${item.path}/` : item.path;
    const found = kindAt(join(rootPath, item.path));
    if (found === item.kind) {
      plan.existing.push(shown);
      continue;
    }
    if (found !== 'missing') {
      const expected = item.kind === 'dir' ? 'a directory' : 'a file';
      throw new CliError('init_path_conflict', `${item.path} exists but is not ${expected}.`, {
        fix: `Move ${item.path} out of the way and run the command again.`,
      });
    }
    plan.created.push(shown);
    plan.ops.push(
      item.kind === 'dir'
        ? { kind: 'mkdir', path: item.path }
        : { kind: 'write', path: item.path, content: item.content },
    );
  }
  return plan;
}

/** What an interactive tool picker is offered: the tools to pre-select and those found in the project. */
export interface ToolChoice {
  preselected: ToolId[];
  detected: ToolId[];
}

export interface InitInput {
  cwd: string;
  /** Project directory, relative to `cwd`; default `cwd`. Created when missing. */
  path?: string;
  /** `--tools`: `all`, `none` or comma-separated ids. */
  tools?: string;
  /** `--profile`: `core` or `custom`. */
  profile?: string;
  /** `--workflows`: the custom profile's workflows, comma-separated (implies `custom`). */
  workflows?: string;
  /** `--delivery`: `skills`, `commands` or `both`. */
  delivery?: string;
  /** Environment for the user config lookup (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Asks the user for tools when `tools` is not given (interactive terminals only). */
  chooseTools?: (choice: ToolChoice) => Promise<ToolId[] | 'cancel'>;
}

export interface InitResult {
  root: ProjectRoot;
  /** True when the project directory itself did not exist and was created. */
  createdDirectory: boolean;
  created: string[];
  existing: string[];
  /** The assistant integrations written, kept or removed (no tools selected: an empty report with a hint). */
  integrations: IntegrationReport;
}

function invalidOption(message: string, fix?: string): CliError {
  return new CliError('invalid_option', message, { exitCode: 2, ...(fix ? { fix } : {}) });
}

/** The settings given as flags, validated; a bad value is a usage error (exit 2). */
function flagSettings(
  input: Pick<InitInput, 'tools' | 'profile' | 'workflows' | 'delivery'>,
): IntegrationSettings {
  const out: IntegrationSettings = {};
  if (input.tools !== undefined) {
    const r = parseToolList(input.tools);
    if (!r.ok) throw invalidOption(r.message, r.fix);
    out.tools = r.tools;
  }
  for (const key of ['profile', 'workflows', 'delivery'] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    const r = parseSettingValue(key, raw);
    if (!r.ok) throw invalidOption(`--${key}: ${r.message}`);
    Object.assign(out, { [key]: r.value });
  }
  if (out.workflows && out.profile === 'core') {
    throw invalidOption('--workflows selects a custom profile; it cannot be combined with --profile core.');
  }
  if (out.workflows) out.profile = 'custom';
  return out;
}

async function chooseLayer(
  input: InitInput,
  layers: readonly SettingsLayer[],
  detected: ToolId[],
): Promise<SettingsLayer | undefined> {
  if (input.tools !== undefined || !input.chooseTools) return undefined;
  const preselected = layers.find((l) => l.settings.tools !== undefined)?.settings.tools ?? detected;
  const chosen = await input.chooseTools({ preselected, detected });
  if (chosen === 'cancel')
    throw new CliError('cancelled', 'Cancelled; nothing was written.', { exitCode: 130 });
  return { source: 'prompt', settings: { tools: chosen } };
}

/**
 * `specwright init [path]`: create whatever part of the skeleton is missing, then generate the assistant
 * integrations the flags, the prompt, `openspec/integrations.yaml`, the user config or detection select
 * (in that order), all in one transaction. Idempotent: a second run with the same selection writes nothing.
 */
export async function initProject(input: InitInput): Promise<InitResult> {
  const flags = flagSettings(input);
  const rootPath = resolve(input.cwd, input.path ?? '.');
  const kind = kindAt(rootPath);
  if (kind !== 'dir' && kind !== 'missing') {
    throw new CliError('init_target_not_directory', `${rootPath} exists and is not a directory.`);
  }
  const project = kind === 'dir' ? await readProjectSettings(rootPath) : undefined;
  const layers: SettingsLayer[] = [{ source: 'flag', settings: flags }];
  if (project) layers.push({ source: 'project', settings: project });
  layers.push({ source: 'user', settings: readUserSettings(input.env) });
  const detected = kind === 'dir' ? detectTools(rootPath) : [];
  const prompt = await chooseLayer(input, layers, detected);
  if (prompt) layers.splice(1, 0, prompt);
  const selection = resolveSelection(layers, detected);
  if (kind === 'missing') mkdirSync(rootPath, { recursive: true });
  const plan = planSkeleton(rootPath);
  const record = selection.tools.length > 0 || project !== undefined;
  const integrations = planIntegrations(rootPath, selection, { force: false, record });
  await applyFileTransaction(rootPath, [...plan.ops, ...integrations.ops]);
  if (selection.tools.length === 0 && selection.sources.tools === 'default') {
    integrations.report.notes.push(
      'No assistant selected: add skills and commands with specwright init --tools <ids> (ids: docs/supported-tools.md).',
    );
  }
  return {
    root: { path: rootPath, source: 'path' },
    createdDirectory: kind === 'missing',
    created: plan.created,
    existing: plan.existing,
    integrations: integrations.report,
  };
}
