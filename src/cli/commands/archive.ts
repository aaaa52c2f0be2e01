import pc from 'picocolors';
import { ArchiveRefused, type ArchiveResult, archiveChange } from '../../app/archive.ts';
import { CliError } from '../../domain/errors.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { renderIssues } from '../render/issues.ts';
import { renderMergeSummary } from '../render/merge-summary.ts';

/** What `--json` prints when the archive does not happen. */
export const jsonNullShape = { archive: null };

function renderHuman(r: ArchiveResult, color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  if (r.tasks.total > 0) lines.push(`Tasks: ${r.tasks.done}/${r.tasks.total} done`);
  lines.push(...renderMergeSummary(r.specs, r.totals, color));
  if (r.issues.length > 0) lines.push(renderIssues(r.issues, color));
  lines.push(c.green(`Change '${r.change}' archived as '${r.archivedAs}'.`));
  return `${lines.join('\n')}\n`;
}

/** On a terminal, incomplete tasks are a question rather than a refusal (never with --json or --no-interactive). */
async function confirmIncomplete(
  ctx: CliContext,
  opts: Record<string, unknown>,
  e: unknown,
  archive: (yes: boolean) => Promise<ArchiveResult>,
): Promise<ArchiveResult> {
  const canAsk = ctx.confirm && !opts.json && opts.interactive !== false;
  if (!(e instanceof CliError) || e.code !== 'archive_tasks_incomplete' || !canAsk || !ctx.confirm) throw e;
  const answer = await ctx.confirm(`${e.message} Archive anyway?`);
  if (answer === 'cancel') throw new CliError('cancelled', 'Archive cancelled.', { exitCode: 130 });
  if (!answer) throw e;
  return archive(true);
}

/** `specwright archive <change> [-y] [--skip-specs] [--no-validate] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const root = requireProjectRoot(ctx.cwd);
  const name = args[0] as string;
  try {
    const archive = (yes: boolean) =>
      archiveChange(root.path, name, {
        yes,
        skipSpecs: opts.skipSpecs === true,
        noValidate: opts.validate === false,
        now: ctx.now(),
        env: ctx.env,
      });
    const result = await archive(opts.yes === true).catch((e: unknown) =>
      confirmIncomplete(ctx, opts, e, archive),
    );
    if (opts.json) {
      return {
        exitCode: 0,
        stdout: `${JSON.stringify({ archive: result, root: { path: root.path } }, null, 2)}\n`,
        stderr: '',
      };
    }
    return { exitCode: 0, stdout: renderHuman(result, ctx.color), stderr: '' };
  } catch (e) {
    if (!(e instanceof ArchiveRefused)) throw e;
    if (opts.json) {
      const status = [{ severity: 'error', code: e.code, message: e.message, fix: e.fix }];
      const doc = { archive: null, issues: e.issues, status, root: { path: root.path } };
      return { exitCode: 1, stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: '' };
    }
    const stderr = `Error: ${e.message}\n${renderIssues(e.issues, ctx.color)}\n${e.fix ? `Fix: ${e.fix}\n` : ''}`;
    return { exitCode: 1, stdout: '', stderr };
  }
}
