import type { FileEntry, IntegrationReport } from '../../app/integrations.ts';
import { updateIntegrations } from '../../app/update.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, padToWidth, type Style } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export const jsonNullShape = { root: null, integrations: null };

const REASONS: Record<NonNullable<FileEntry['reason']>, string> = {
  edited: 'edited since it was generated; --force replaces it',
  not_generated: 'not written by Specwright; --force replaces it',
  markers_broken: 'the SPECWRIGHT:START/END markers do not pair up; fix them by hand',
};

function fileLine(style: Style, f: FileEntry): string | undefined {
  if (f.action === 'unchanged') return undefined;
  const label = padToWidth(f.action, 9);
  const colour = f.action === 'skipped' ? style.yellow : f.action === 'removed' ? style.dim : style.green;
  const reason = f.reason ? ` (${REASONS[f.reason]})` : '';
  return `  ${colour(label)}${f.path}${reason}`;
}

/** The human report of init and update: file changes, how to start per tool, and the totals line. */
export function formatIntegrationReport(style: Style, report: IntegrationReport): string {
  const lines: string[] = [];
  if (report.tools.length > 0) {
    lines.push(
      `Assistants: ${report.tools.join(', ')} (profile ${report.profile}: ${report.workflows.join(', ')}; delivery ${report.delivery})`,
    );
  }
  for (const f of report.files) {
    const line = fileLine(style, f);
    if (line) lines.push(line);
  }
  const width = Math.max(0, ...report.invocations.map((i) => i.name.length)) + 2;
  if (report.invocations.length > 0) lines.push('Start with:');
  for (const i of report.invocations) lines.push(`  ${padToWidth(i.name, width)}${i.invoke}`);
  const s = report.summary;
  if (report.files.length > 0 || report.tools.length > 0) {
    lines.push(`${s.written} written, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.removed} removed`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Notes (restart hints, shared folders, what to do next) as stderr lines. */
export function formatNotes(style: Style, notes: readonly string[]): string {
  return notes.map((n) => `${style.dim('Note:')} ${n}\n`).join('');
}

/** `specwright update [path] [--force] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const path = args[0];
  const result = await updateIntegrations({
    cwd: ctx.cwd,
    ...(path === undefined ? {} : { path }),
    force: opts.force === true,
    env: ctx.env,
  });
  const report = result.integrations;
  const exitCode = 0;
  if (opts.json === true) {
    return {
      exitCode,
      stdout: renderJson({ root: rootJson(result.root), integrations: report }),
      stderr: '',
    };
  }
  const style = createStyle(ctx.color);
  return {
    exitCode,
    stdout: formatIntegrationReport(style, report),
    stderr: formatNotes(style, report.notes),
  };
}
