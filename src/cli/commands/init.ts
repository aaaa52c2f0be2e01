import { initProject } from '../../app/init.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export const jsonNullShape = { root: null, created: [], existing: [] };

/** `specwright init [path] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const path = args[0];
  const result = await initProject(path === undefined ? { cwd: ctx.cwd } : { cwd: ctx.cwd, path });
  const notes = result.createdDirectory ? `Created directory ${result.root.path}\n` : '';
  if (opts.json === true) {
    const doc = { root: rootJson(result.root), created: result.created, existing: result.existing };
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
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: notes + next };
}
