import {
  type ChangeSort,
  type ChangeSummary,
  listChanges,
  listSpecs,
  type SpecSummary,
} from '../../app/list.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatRelativeTime, padToWidth, type Style, textWidth } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export function jsonNullShape(opts: Record<string, unknown>) {
  return opts.specs === true ? { specs: [], root: null } : { changes: [], root: null };
}

/** Width of the status column, as in OpenSpec (`✓ Complete` and `12/34 tasks` fit). */
const STATUS_WIDTH = 12;

function statusCell(change: ChangeSummary, style: Style): string {
  if (change.status === 'no-tasks') return style.dim(padToWidth('No tasks', STATUS_WIDTH));
  if (change.status === 'complete') return style.green(padToWidth('✓ Complete', STATUS_WIDTH));
  return padToWidth(`${change.completedTasks}/${change.totalTasks} tasks`, STATUS_WIDTH);
}

function renderChanges(changes: readonly ChangeSummary[], style: Style, now: Date): string {
  if (changes.length === 0) return 'No active changes found.\n';
  const width = Math.max(...changes.map((c) => textWidth(c.name)));
  const rows = changes.map(
    (c) =>
      `  ${padToWidth(c.name, width)}     ${statusCell(c, style)}  ${style.dim(formatRelativeTime(c.lastModified, now))}`,
  );
  return `Changes:\n${rows.join('\n')}\n`;
}

function renderSpecs(specs: readonly SpecSummary[]): string {
  if (specs.length === 0) return 'No specs found.\n';
  const width = Math.max(...specs.map((s) => textWidth(s.id)));
  const rows = specs.map((s) => `  ${padToWidth(s.id, width)}     requirements ${s.requirementCount}`);
  return `Specs:\n${rows.join('\n')}\n`;
}

/** `specwright list [--specs|--changes] [--sort recent|name] [--json]`. */
export async function run(
  ctx: CliContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const json = opts.json === true;
  if (opts.specs === true) {
    const { root, specs } = listSpecs({ cwd: ctx.cwd });
    const stdout = json ? renderJson({ specs, root: rootJson(root) }) : renderSpecs(specs);
    return { exitCode: 0, stdout, stderr: '' };
  }
  const sort: ChangeSort = opts.sort === 'name' ? 'name' : 'recent';
  const { root, changes } = listChanges({ cwd: ctx.cwd, sort });
  if (!json)
    return { exitCode: 0, stdout: renderChanges(changes, createStyle(ctx.color), ctx.now()), stderr: '' };
  const doc = {
    changes: changes.map((c) => ({
      name: c.name,
      completedTasks: c.completedTasks,
      totalTasks: c.totalTasks,
      lastModified: c.lastModified.toISOString(),
      status: c.status,
    })),
    root: rootJson(root),
  };
  return { exitCode: 0, stdout: renderJson(doc), stderr: '' };
}
