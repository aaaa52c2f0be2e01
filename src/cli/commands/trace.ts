import { runTrace, type TraceRun } from '../../app/trace.ts';
import { applyTraceFix, type FixPlan, planTraceFix } from '../../app/trace-fix.ts';
import { CliError } from '../../domain/errors.ts';
import { writeFileInRoot } from '../../io/atomic-write.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings } from '../render/human.ts';
import { renderJson } from '../render/json.ts';
import { renderTraceHtml } from '../render/trace-html.ts';
import { renderTraceMarkdown } from '../render/trace-md.ts';
import { renderTraceText } from '../render/trace-text.ts';

/** What `--json` prints when no trace could be made (with `--fix`: no fix). */
export const jsonNullShape = (opts: Record<string, unknown>) =>
  opts.fix
    ? { fix: null }
    : { change: null, scenarios: [], uncovered: [], dangling: [], coverage: null, passed: false };

/** `trace --fix --json`: what was (or would be) rewritten, file by file. */
function fixJson(plan: FixPlan, applied: boolean, rootPath: string): string {
  const files = plan.files.map((f) => ({
    file: f.file,
    edits: f.edits.map((e) => ({ line: e.line, from: e.from, to: e.to })),
  }));
  return renderJson({ fix: { applied, files, skipped: plan.skipped }, root: { path: rootPath } });
}

/** `--min-coverage` takes a percentage from 0 to 100. */
function minCoverage(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new CliError(
      'invalid_option',
      `--min-coverage takes a percentage from 0 to 100, not '${String(value)}'.`,
      {
        exitCode: 2,
      },
    );
  }
  return n;
}

function render(run: TraceRun, opts: Record<string, unknown>, color: boolean, rootPath: string): string {
  if (opts.json) return renderJson({ ...run.report, root: { path: rootPath } });
  if (opts.format === 'md') return renderTraceMarkdown(run.report);
  if (opts.format === 'html') return renderTraceHtml(run.report);
  return renderTraceText(run.report, color && typeof opts.output !== 'string');
}

function fixSummary(plan: FixPlan, applied: boolean): string {
  const n = plan.files.reduce((sum, f) => sum + f.edits.length, 0);
  const lines = plan.skipped.map(
    (s) => `Not rewritten: ${s.file}:${s.line} ${s.ref} → ${s.fix} (${s.reason}).\n`,
  );
  if (n === 0) return `${lines.join('')}No reference can be repaired from the archive history.\n`;
  const what = `${n} reference${n === 1 ? '' : 's'} in ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}`;
  return `${lines.join('')}${applied ? `Rewrote ${what}.` : `Nothing written: rerun with --fix -y to rewrite ${what}.`}\n`;
}

/** On a terminal (and not under --json or --no-interactive), show the diff and ask; undefined when it cannot ask. */
async function askOnTerminal(ctx: CliContext, opts: Record<string, unknown>, diff: string) {
  if (!ctx.confirm || !ctx.progress || opts.interactive === false || opts.json) return undefined;
  ctx.progress.write(diff);
  const answer = await ctx.confirm('Rewrite these references?');
  if (answer === 'cancel') throw new CliError('cancelled', 'Nothing was written.', { exitCode: 130 });
  return answer;
}

/** `trace --fix`: show the diff, then write it with `-y` or after a yes on a terminal; otherwise exit 1. */
async function runFix(
  ctx: CliContext,
  rootPath: string,
  run: TraceRun,
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const plan = planTraceFix(rootPath, run.fixable);
  const diff = plan.files.map((f) => f.diff).join('');
  const edits = plan.files.reduce((sum, f) => sum + f.edits.length, 0);
  const dangling = run.report.dangling.length;
  const out = (applied: boolean, shown: string) => (opts.json ? fixJson(plan, applied, rootPath) : shown);
  const summary = (applied: boolean) => (opts.json ? '' : fixSummary(plan, applied));
  if (edits === 0) return { exitCode: dangling > 0 ? 1 : 0, stdout: out(false, ''), stderr: summary(false) };
  const asked = opts.yes === true ? undefined : await askOnTerminal(ctx, opts, diff);
  if (opts.yes !== true && asked !== true)
    return { exitCode: 1, stdout: out(false, asked === false ? '' : diff), stderr: summary(false) };
  await applyTraceFix(rootPath, plan);
  return { exitCode: dangling > edits ? 1 : 0, stdout: out(true, asked ? '' : diff), stderr: summary(true) };
}

/**
 * `specwright trace [change] [--json] [--format text|md|html] [--min-coverage n] [--fix [-y]] [-o file]`:
 * exit 1 when a reference dangles or coverage is below `--min-coverage`.
 */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const root = requireProjectRoot(ctx.cwd);
  const min = minCoverage(opts.minCoverage);
  const traced = await runTrace(root.path, {
    ...(args[0] !== undefined ? { change: args[0] } : {}),
    ...(min !== undefined ? { minCoverage: min } : {}),
  });
  // Config warnings go to stderr in every format: the report is shared with md, html and verify.
  const warned = formatWarnings(createStyle(ctx.color), traced.warnings);
  if (opts.fix) {
    const fixed = await runFix(ctx, root.path, traced, opts);
    return { ...fixed, stderr: warned + fixed.stderr };
  }
  const exitCode = traced.report.passed ? 0 : 1;
  const output = render(traced, opts, ctx.color, root.path);
  if (typeof opts.output === 'string') {
    await writeFileInRoot(ctx.cwd, opts.output, output);
    return { exitCode, stdout: '', stderr: `${warned}Wrote ${opts.output}.\n` };
  }
  return { exitCode, stdout: output, stderr: warned };
}
