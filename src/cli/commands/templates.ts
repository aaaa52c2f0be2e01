import { listTemplates } from '../../app/templates.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings, padToWidth, textWidth } from '../render/human.ts';
import { renderJson } from '../render/json.ts';

export const jsonNullShape = { schema: null, templates: [], root: null };

/** `specwright templates [--schema s] [--change c] [--json]`. */
export async function run(
  ctx: CliContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const result = await listTemplates({
    cwd: ctx.cwd,
    env: ctx.env,
    ...(typeof opts.schema === 'string' ? { schema: opts.schema } : {}),
    ...(typeof opts.change === 'string' ? { change: opts.change } : {}),
  });
  const root = result.root ? { path: result.root.path } : null;
  if (opts.json === true) {
    const doc = { schema: result.schema, templates: result.templates, warnings: result.warnings, root };
    return { exitCode: 0, stdout: renderJson(doc), stderr: '' };
  }
  const style = createStyle(ctx.color);
  const width = Math.max(...result.templates.map((t) => textWidth(t.artifact)));
  const lines = [
    `Schema: ${result.schema.name} (${result.schema.source}: ${result.schema.path})`,
    ...result.templates.map((t) => `  ${padToWidth(t.artifact, width)}  ${t.path}`),
  ];
  const stderr = formatWarnings(style, result.warnings);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr };
}
