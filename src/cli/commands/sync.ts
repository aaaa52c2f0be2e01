import pc from 'picocolors';
import { SyncRefused, type SyncResult, syncChange } from '../../app/sync.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { renderIssues } from '../render/issues.ts';
import { renderJson } from '../render/json.ts';
import { renderMergeSummary } from '../render/merge-summary.ts';

/** What `--json` prints when the sync does not happen. */
export const jsonNullShape = { sync: null };

function renderHuman(r: SyncResult, color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  lines.push(...renderMergeSummary(r.specs, r.totals, color));
  if (r.issues.length > 0) lines.push(renderIssues(r.issues, color));
  if (r.specs.length === 0) lines.push(`Change '${r.change}' has no delta specs; nothing to sync.`);
  else if (r.specs.every((s) => s.action === 'unchanged'))
    lines.push(c.green(`Change '${r.change}' is already in sync; no file was changed.`));
  else lines.push(c.green(`Change '${r.change}' synced into the main specs; the change stays open.`));
  return `${lines.join('\n')}\n`;
}

/** `specwright sync <change> [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const root = requireProjectRoot(ctx.cwd);
  const name = args[0] as string;
  try {
    const result = await syncChange(root.path, name, { now: ctx.now() });
    const stdout = opts.json
      ? renderJson({ sync: result, root: { path: root.path } })
      : renderHuman(result, ctx.color);
    return { exitCode: 0, stdout, stderr: '' };
  } catch (e) {
    if (!(e instanceof SyncRefused)) throw e;
    if (opts.json) {
      const status = [{ severity: 'error', code: e.code, message: e.message, fix: e.fix }];
      const doc = { sync: null, issues: e.issues, status, root: { path: root.path } };
      return { exitCode: 1, stdout: renderJson(doc), stderr: '' };
    }
    const stderr = `Error: ${e.message}\n${renderIssues(e.issues, ctx.color)}\n${e.fix ? `Fix: ${e.fix}\n` : ''}`;
    return { exitCode: 1, stdout: '', stderr };
  }
}
