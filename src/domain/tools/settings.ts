import { z } from 'zod';
import { parseToolList, sortTools } from './parse-tool-list.ts';
import { lookupTool, type ToolId } from './tools.ts';
import {
  CORE_WORKFLOWS,
  DELIVERIES,
  type Delivery,
  isWorkflowId,
  PROFILES,
  type Profile,
  parseWorkflowList,
  resolveWorkflows,
  type WorkflowId,
} from './workflows.ts';

/** The integration settings a user config or a project's `openspec/integrations.yaml` may hold. */
export interface IntegrationSettings {
  tools?: ToolId[];
  profile?: Profile;
  /** The workflows of the `custom` profile. */
  workflows?: WorkflowId[];
  delivery?: Delivery;
}

export const SETTING_KEYS = ['tools', 'profile', 'workflows', 'delivery'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

const ToolIdSchema = z.string().transform((s, ctx) => {
  const id = lookupTool(s);
  if (id === undefined) ctx.addIssue({ code: 'custom', message: `unknown tool "${s}"` });
  return id as ToolId;
});

const SettingsSchema = z.object({
  tools: z
    .array(ToolIdSchema)
    .transform((ids) => sortTools(ids))
    .optional(),
  profile: z.enum(PROFILES).optional(),
  workflows: z
    .array(z.string().refine(isWorkflowId, { message: 'unknown workflow' }))
    .transform((ids) => resolveWorkflows('custom', ids as WorkflowId[]))
    .optional(),
  delivery: z.enum(DELIVERIES).optional(),
});

/** Validate settings read from `file`; unknown keys are ignored (newer versions may add some). */
export function parseSettings(
  data: unknown,
  file: string,
): { ok: true; settings: IntegrationSettings } | { ok: false; error: string } {
  const parsed = SettingsSchema.safeParse(data ?? {});
  if (parsed.success) {
    const s = parsed.data;
    const out: IntegrationSettings = {};
    for (const key of SETTING_KEYS) if (s[key] !== undefined) Object.assign(out, { [key]: s[key] });
    return { ok: true, settings: out };
  }
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(top level)';
  return { ok: false, error: `${file}: ${where}: ${issue?.message ?? 'invalid'}` };
}

/** Parse a value typed on the command line for `key`, or say what is wrong with it. */
export function parseSettingValue(
  key: SettingKey,
  raw: string,
): { ok: true; value: IntegrationSettings[SettingKey] } | { ok: false; message: string } {
  if (key === 'tools') {
    const r = parseToolList(raw);
    return r.ok ? { ok: true, value: r.tools } : { ok: false, message: `${r.message} ${r.fix}` };
  }
  if (key === 'workflows') {
    const r = parseWorkflowList(raw);
    if (!r.ok) return { ok: false, message: `Unknown workflow(s): ${r.unknown.join(', ')}.` };
    return r.workflows.length > 0
      ? { ok: true, value: r.workflows }
      : { ok: false, message: 'No workflow given.' };
  }
  const allowed: readonly string[] = key === 'profile' ? PROFILES : DELIVERIES;
  if (allowed.includes(raw)) return { ok: true, value: raw as Profile & Delivery };
  return { ok: false, message: `Invalid ${key} "${raw}". Available: ${allowed.join(', ')}.` };
}

/** Where a resolved value came from, highest precedence first. */
export type SettingSource = 'flag' | 'prompt' | 'project' | 'user' | 'detected' | 'default';

export interface SettingsLayer {
  source: SettingSource;
  settings: IntegrationSettings;
}

export interface ResolvedSelection {
  tools: ToolId[];
  profile: Profile;
  workflows: WorkflowId[];
  delivery: Delivery;
  sources: { tools: SettingSource; profile: SettingSource; delivery: SettingSource };
}

function first<K extends SettingKey>(layers: readonly SettingsLayer[], key: K) {
  const layer = layers.find((l) => l.settings[key] !== undefined);
  return layer
    ? { value: layer.settings[key] as NonNullable<IntegrationSettings[K]>, source: layer.source }
    : undefined;
}

/**
 * Merge settings layers (highest precedence first: flags, prompt, project, user config) into one
 * selection. Tools fall back to `detected`, the profile to `core`, delivery to `both`. A `custom`
 * profile takes the first `workflows` list found (the core set when there is none).
 */
export function resolveSelection(
  layers: readonly SettingsLayer[],
  detected: readonly ToolId[],
): ResolvedSelection {
  const tools = first(layers, 'tools') ?? {
    value: [...detected],
    source: detected.length > 0 ? ('detected' as const) : ('default' as const),
  };
  const profile = first(layers, 'profile') ?? { value: 'core' as Profile, source: 'default' as const };
  const delivery = first(layers, 'delivery') ?? { value: 'both' as Delivery, source: 'default' as const };
  const custom = first(layers, 'workflows')?.value ?? [...CORE_WORKFLOWS];
  return {
    tools: sortTools(tools.value),
    profile: profile.value,
    workflows: resolveWorkflows(profile.value, custom),
    delivery: delivery.value,
    sources: { tools: tools.source, profile: profile.source, delivery: delivery.source },
  };
}

const PINNED: readonly SettingSource[] = ['flag', 'prompt', 'project'];

/**
 * What a project records in `openspec/integrations.yaml`: the tools always; the profile and delivery
 * only when they were chosen for this project (flag, prompt or the file itself), so values that came
 * from the user config keep following it.
 */
export function projectSettingsOf(selection: ResolvedSelection): IntegrationSettings {
  const out: IntegrationSettings = { tools: selection.tools };
  if (PINNED.includes(selection.sources.profile)) {
    out.profile = selection.profile;
    if (selection.profile === 'custom') out.workflows = selection.workflows;
  }
  if (PINNED.includes(selection.sources.delivery)) out.delivery = selection.delivery;
  return out;
}

/** The text of `openspec/integrations.yaml`. */
export function renderProjectSettings(settings: IntegrationSettings): string {
  const lines = [
    '# Assistant integrations of this project, written by `specwright init`.',
    '# `specwright update` regenerates their files from this list (see docs/integrations.md).',
    '# profile and delivery, when absent, follow the user config (`specwright config list`).',
  ];
  const list = (values: readonly string[]) =>
    values.length === 0 ? ' []' : values.map((v) => `\n  - ${v}`).join('');
  lines.push(`tools:${list(settings.tools ?? [])}`);
  if (settings.profile) lines.push(`profile: ${settings.profile}`);
  if (settings.workflows) lines.push(`workflows:${list(settings.workflows)}`);
  if (settings.delivery) lines.push(`delivery: ${settings.delivery}`);
  return `${lines.join('\n')}\n`;
}
