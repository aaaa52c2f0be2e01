import { initProject, type ToolChoice } from '../../app/init.ts';
import { TOOLS, type ToolId } from '../../domain/tools/tools.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';
import { formatIntegrationReport, formatNotes } from './update.ts';

export const jsonNullShape = { root: null, created: [], existing: [], integrations: null };

/** Whether init may ask for tools: a terminal on both ends, no `--tools`, no `--json`, no `--no-interactive`. */
export function canPrompt(
  ctx: Pick<CliContext, 'stdinIsTTY' | 'stdoutIsTTY'>,
  opts: Record<string, unknown>,
): boolean {
  return (
    ctx.stdinIsTTY &&
    ctx.stdoutIsTTY &&
    opts.json !== true &&
    opts.interactive !== false &&
    opts.tools === undefined
  );
}

/**
 * The terminal prompts init and config use; `@clack/prompts` is imported only when one is shown. Tests
 * replace these functions, since a real prompt needs a terminal.
 */
export const terminal = {
  async pickMany(
    message: string,
    options: { value: string; label: string; hint?: string }[],
    initial: string[],
  ) {
    const { autocompleteMultiselect, isCancel } = await import('@clack/prompts');
    const answer = await autocompleteMultiselect({
      message,
      options,
      initialValues: initial,
      placeholder: 'type to filter',
      output: process.stderr,
    });
    return isCancel(answer) ? ('cancel' as const) : (answer as string[]);
  },
};

async function chooseTools(choice: ToolChoice): Promise<ToolId[] | 'cancel'> {
  const options = TOOLS.map((t) => ({
    value: t.id,
    label: t.name,
    ...(choice.detected.includes(t.id) ? { hint: 'found in this project' } : {}),
  }));
  const answer = await terminal.pickMany(
    'Which assistants do you use here? (space selects, enter confirms)',
    options,
    choice.preselected,
  );
  return answer === 'cancel' ? 'cancel' : (answer as ToolId[]);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `specwright init [path] [--tools …] [--profile …] [--workflows …] [--delivery …] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const path = args[0];
  const flags = {
    tools: optionalString(opts.tools),
    profile: optionalString(opts.profile),
    workflows: optionalString(opts.workflows),
    delivery: optionalString(opts.delivery),
  };
  const result = await initProject({
    cwd: ctx.cwd,
    ...(path === undefined ? {} : { path }),
    ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
    env: ctx.env,
    ...(canPrompt(ctx, opts) ? { chooseTools } : {}),
  });
  const notes = result.createdDirectory ? `Created directory ${result.root.path}\n` : '';
  if (opts.json === true) {
    const doc = {
      root: rootJson(result.root),
      created: result.created,
      existing: result.existing,
      integrations: result.integrations,
    };
    return { exitCode: 0, stdout: renderJson(doc), stderr: notes };
  }
  const style = createStyle(ctx.color);
  const lines =
    result.created.length === 0
      ? [`Already initialized: ${result.root.path}`]
      : [`Initialized OpenSpec layout in ${result.root.path}`];
  for (const p of result.created) lines.push(`  ${style.green('created')}  ${p}`);
  for (const p of result.existing) lines.push(`  ${style.dim('exists ')}  ${p}`);
  const next = result.created.length > 0 ? 'Next: specwright new change <name>\n' : '';
  const stdout = `${lines.join('\n')}\n${formatIntegrationReport(style, result.integrations)}`;
  return { exitCode: 0, stdout, stderr: notes + formatNotes(style, result.integrations.notes) + next };
}
