import { createScratchpad } from '../../app/scratchpad.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export const jsonNullShape = { created: false, change: null, kind: null, path: null, root: null };

/** `specwright scratchpad <change> <kind> [--force] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const r = await createScratchpad({
    cwd: ctx.cwd,
    change: args[0] as string,
    kind: args[1] as string,
    force: opts.force === true,
  });
  if (opts.json === true) {
    const doc = {
      created: true,
      change: r.change,
      kind: r.kind,
      description: r.description,
      path: r.path,
      replaced: r.replaced,
      root: rootJson(r.root),
    };
    return { exitCode: 0, stdout: renderJson(doc), stderr: '' };
  }
  const style = createStyle(ctx.color);
  const verb = r.replaced ? 'Replaced' : 'Created';
  return {
    exitCode: 0,
    stdout: `${verb} ${style.bold(r.path)}: ${r.description}\n`,
    stderr: `Next: fill it in; specwright status --change ${r.change} lists the change's scratchpads.\n`,
  };
}
