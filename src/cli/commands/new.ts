import { createChange } from '../../app/new-change.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export const jsonNullShape = { change: null, root: null };

/** `specwright new change <name> [--description <text>] [--schema <name>] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const result = await createChange({
    cwd: ctx.cwd,
    name: args[0] ?? '',
    now: ctx.now(),
    env: ctx.env,
    ...(typeof opts.description === 'string' ? { description: opts.description } : {}),
    ...(typeof opts.schema === 'string' ? { schema: opts.schema } : {}),
  });
  const style = createStyle(ctx.color);
  const notes = [formatWarnings(style, result.warnings)];
  if (result.createdSkeleton.length > 0) {
    notes.push(
      `No OpenSpec project found; created ${result.createdSkeleton.join(', ')} in ${result.root.path}\n`,
    );
  }
  if (opts.json === true) {
    return {
      exitCode: 0,
      stdout: renderJson({ change: result.change, root: rootJson(result.root) }),
      stderr: notes.join(''),
    };
  }
  const { id, path, schema } = result.change;
  const stdout = `Created change '${style.bold(id)}' at ${path}/\nSchema: ${schema}\n`;
  notes.push(`Next: specwright status --change ${id}\n`);
  return { exitCode: 0, stdout, stderr: notes.join('') };
}
