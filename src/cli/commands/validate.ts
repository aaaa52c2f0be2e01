import { runValidation } from '../../app/validate.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { positiveInteger } from '../options.ts';
import { renderValidateReport } from '../render/issues.ts';

/** What `--json` prints when the command fails before producing a report. */
export const jsonNullShape = { items: [], summary: null };

/** `specwright validate [item] [--all|--changes|--specs|--archived] [--strict] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  positiveInteger(opts.concurrency, '--concurrency');
  const root = requireProjectRoot(ctx.cwd);
  const type = opts.type as 'change' | 'spec' | undefined;
  const report = await runValidation(root.path, {
    ...(args[0] !== undefined ? { item: args[0] } : {}),
    ...(type ? { type } : {}),
    all: opts.all === true,
    changes: opts.changes === true,
    specs: opts.specs === true,
    archived: opts.archived === true,
    strict: opts.strict === true,
  });
  const exitCode = report.summary.totals.failed > 0 ? 1 : 0;
  if (opts.json) {
    const doc = {
      items: report.items,
      summary: report.summary,
      strict: report.strict,
      root: { path: root.path },
    };
    return { exitCode, stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: '' };
  }
  return { exitCode, stdout: renderValidateReport(report, ctx.color), stderr: '' };
}
