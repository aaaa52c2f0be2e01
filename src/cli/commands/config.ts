// `specwright config …`: the user-level defaults init uses (tools, profile, workflows, delivery). Each export
// is the CommandModule its row in the command table loads.
import {
  type ConfigView,
  configPath,
  getConfig,
  listConfig,
  setConfig,
  setProfile,
  unsetConfig,
} from '../../app/tools-config.ts';
import { CliError } from '../../domain/errors.ts';
import { parseSettingValue, SETTING_KEYS } from '../../domain/tools/settings.ts';
import { CORE_WORKFLOWS, type Profile, WORKFLOW_IDS, type WorkflowId } from '../../domain/tools/workflows.ts';
import type { CommandModule } from '../command.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings } from '../render/human.ts';
import { renderJson } from '../render/json.ts';
import { terminal } from './init.ts';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

function done(opts: Record<string, unknown>, doc: unknown, text: string, stderr = ''): CommandResult {
  return opts.json === true
    ? { exitCode: 0, stdout: renderJson(doc), stderr }
    : { exitCode: 0, stdout: `${text}\n`, stderr };
}

/** The warning after an edit that repaired only some of the file's invalid settings (else ''). */
function remainingWarning(ctx: CliContext, remaining: { error: string; fix: string } | undefined): string {
  if (!remaining) return '';
  return `${formatWarnings(createStyle(ctx.color), [remaining.error])}Fix: ${remaining.fix}\n`;
}

function formatView(view: ConfigView): string {
  const lines = SETTING_KEYS.map((k) => {
    const suffix = view.settings[k] === undefined ? ' (default)' : '';
    return `${k}: ${show(view.effective[k])}${suffix}`;
  });
  return [...lines, `File: ${view.path}`].join('\n');
}

const VIEW_SHAPE = { path: null, settings: null, effective: null };

export const path: CommandModule = {
  jsonNullShape: { path: null },
  async run(ctx, _args, opts) {
    const file = configPath(ctx.env);
    return done(opts, { path: file }, file);
  },
};

export const list: CommandModule = {
  jsonNullShape: VIEW_SHAPE,
  async run(ctx, _args, opts) {
    const view = listConfig(ctx.env);
    return done(opts, view, formatView(view));
  },
};

export const get: CommandModule = {
  jsonNullShape: { key: null, value: null, source: null },
  async run(ctx, args, opts) {
    const result = getConfig(args[0] as string, ctx.env);
    return done(opts, result, show(result.value));
  },
};

export const set: CommandModule = {
  jsonNullShape: { key: null, value: null, path: null },
  async run(ctx, args, opts) {
    const { remaining, ...result } = await setConfig(args[0] as string, args[1] as string, ctx.env);
    const text = `Set ${result.key} = ${show(result.value)}`;
    return done(opts, result, text, remainingWarning(ctx, remaining));
  },
};

export const unset: CommandModule = {
  jsonNullShape: { key: null, removed: false, path: null },
  async run(ctx, args, opts) {
    const { remaining, ...result } = await unsetConfig(args[0] as string, ctx.env);
    const text = result.removed
      ? `Unset ${result.key} (the default applies again)`
      : `${result.key} was not set`;
    return done(opts, result, text, remainingWarning(ctx, remaining));
  },
};

function parseWorkflowsOption(raw: unknown): WorkflowId[] | undefined {
  if (typeof raw !== 'string') return undefined;
  const r = parseSettingValue('workflows', raw);
  if (!r.ok) throw new CliError('invalid_option', `--workflows: ${r.message}`, { exitCode: 2 });
  return r.value as WorkflowId[];
}

/** Ask for the workflow set on a terminal; the core set selected exactly means the core profile. */
async function askWorkflows(
  current: readonly WorkflowId[],
): Promise<{ profile: Profile; workflows: WorkflowId[] }> {
  const options = WORKFLOW_IDS.map((id) => ({
    value: id,
    label: id,
    ...(CORE_WORKFLOWS.includes(id) ? { hint: 'core' } : {}),
  }));
  const answer = await terminal.pickMany('Which workflows should init install?', options, [...current]);
  if (answer === 'cancel')
    throw new CliError('cancelled', 'Cancelled; the config is unchanged.', { exitCode: 130 });
  const workflows = WORKFLOW_IDS.filter((id) => answer.includes(id));
  const isCore =
    workflows.length === CORE_WORKFLOWS.length && CORE_WORKFLOWS.every((w) => workflows.includes(w));
  return { profile: isCore ? 'core' : 'custom', workflows };
}

async function runProfile(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const workflows = parseWorkflowsOption(opts.workflows);
  let profile = args[0];
  const interactive = ctx.stdinIsTTY && ctx.stdoutIsTTY && opts.json !== true && opts.interactive !== false;
  if (profile === undefined && workflows) profile = 'custom';
  if ((profile === undefined || (profile === 'custom' && !workflows)) && interactive) {
    const chosen = await askWorkflows(listConfig(ctx.env).effective.workflows);
    const { remaining, ...view } = await setProfile(
      chosen.profile,
      chosen.profile === 'custom' ? chosen.workflows : undefined,
      ctx.env,
    );
    return done(opts, view, formatView(view), remainingWarning(ctx, remaining));
  }
  if (profile === undefined) {
    const view = listConfig(ctx.env);
    return done(opts, view, `profile: ${view.effective.profile} (${view.effective.workflows.join(', ')})`);
  }
  const { remaining, ...view } = await setProfile(profile, workflows, ctx.env);
  const text = `Set profile = ${profile} (${view.effective.workflows.join(', ')})`;
  return done(opts, view, text, remainingWarning(ctx, remaining));
}

export const profile: CommandModule = { jsonNullShape: VIEW_SHAPE, run: runProfile };
