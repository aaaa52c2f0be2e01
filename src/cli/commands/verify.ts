import { runVerification, type VerifyResult } from '../../app/verify.ts';
import { CliError } from '../../domain/errors.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings } from '../render/human.ts';
import { renderJson } from '../render/json.ts';
import { createVerifyProgress, describeStep, formatDuration } from '../render/verify-progress.ts';

/** What `--json` prints when no verification ran. */
export const jsonNullShape = { verification: null, file: null };

/** `--timeout` takes seconds: a positive number (fractions allowed). */
function timeoutSeconds(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new CliError(
      'invalid_option',
      `--timeout takes a number of seconds above 0, not '${String(value)}'.`,
      {
        exitCode: 2,
      },
    );
  }
  return n;
}

function renderSummary(r: VerifyResult, color: boolean): string {
  const s = createStyle(color);
  const { record } = r;
  const rows: [boolean, string, string][] = [
    ...record.checks.map((c): [boolean, string, string] => [c.status === 'passed', c.name, c.message]),
    ...record.steps.map((st): [boolean, string, string] => [
      st.status === 'passed',
      st.name,
      `${describeStep(st)}  ${formatDuration(st.durationMs)}`,
    ]),
  ];
  const width = Math.max(0, ...rows.map(([, name]) => name.length));
  const verdict = record.status === 'passed' ? s.green('passed') : s.red('FAILED');
  const out = [
    `Verification of ${record.change}: ${verdict}${record.only ? ` (only step ${record.only})` : ''}`,
  ];
  for (const [ok, name, text] of rows)
    out.push(`  ${ok ? s.green('✓') : s.red('✗')} ${name.padEnd(width)}  ${text}`);
  if (record.steps.length === 0 && record.only === null)
    out.push(s.yellow('  No verify: steps in openspec/config.yaml; only the change itself was checked.'));
  const git = record.git
    ? ` (commit ${record.git.commit?.slice(0, 12) ?? 'none yet'}${record.git.dirty ? ', uncommitted changes' : ''})`
    : '';
  out.push(`Recorded in ${r.file}${git}`);
  return `${out.join('\n')}\n`;
}

/** `specwright verify <change> [--json] [--only name] [--timeout s]`: exit 1 when a check or step fails. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const root = requireProjectRoot(ctx.cwd);
  const timeout = timeoutSeconds(opts.timeout);
  const progress = createVerifyProgress(ctx.progress, {
    live: opts.json !== true && ctx.color,
    color: ctx.color,
  });
  let result: VerifyResult;
  let collected = '';
  try {
    result = await runVerification(root.path, args[0] as string, {
      ...(typeof opts.only === 'string' ? { only: opts.only } : {}),
      ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
      env: ctx.env,
      now: ctx.now,
      observer: progress,
    });
  } finally {
    collected = progress.close();
  }
  const stderr = collected + formatWarnings(createStyle(ctx.color), result.warnings);
  const exitCode = result.record.status === 'passed' ? 0 : 1;
  if (opts.json) {
    const doc = {
      verification: result.record,
      file: result.file,
      warnings: result.warnings,
      root: { path: root.path },
    };
    return { exitCode, stdout: renderJson(doc), stderr };
  }
  return { exitCode, stdout: renderSummary(result, ctx.color), stderr };
}
