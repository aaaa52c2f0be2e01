import { listSchemas } from '../../app/schemas.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings } from '../render/human.ts';
import { renderJson } from '../render/json.ts';

export const jsonNullShape = { schemas: [], root: null };

/** `specwright schemas [--json]`: every schema on the search path (project, user data, built-in). */
export async function run(
  ctx: CliContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const { root, schemas, warnings } = await listSchemas({ cwd: ctx.cwd, env: ctx.env });
  const rootDoc = root ? { path: root.path } : null;
  if (opts.json === true) {
    return { exitCode: 0, stdout: renderJson({ schemas, warnings, root: rootDoc }), stderr: '' };
  }
  const style = createStyle(ctx.color);
  const blocks = schemas.map((s) => {
    const shadow = s.shadows.length > 0 ? ` (overrides ${s.shadows.map((x) => x.source).join(', ')})` : '';
    const lines = [`  ${style.bold(s.name)}  ${style.dim(`${s.source}: ${s.path}`)}${shadow}`];
    if (s.description) lines.push(`    ${s.description}`);
    lines.push(
      s.valid
        ? `    Artifacts: ${s.artifacts.join(' → ')}`
        : `    ${style.red('invalid')}: run specwright schema validate ${s.name}`,
    );
    return lines.join('\n');
  });
  const stderr = formatWarnings(style, warnings);
  return { exitCode: 0, stdout: `Available schemas:\n${blocks.join('\n\n')}\n`, stderr };
}
