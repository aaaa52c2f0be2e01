import {
  allChangesStatus,
  type BrokenChangeStatus,
  type ChangeStatusResult,
  changeStatus,
} from '../../app/status.ts';
import type { ArtifactState } from '../../domain/workflow/status.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings, padToWidth, type Style, textWidth } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export function jsonNullShape(opts: Record<string, unknown>) {
  return typeof opts.change === 'string'
    ? { change: null, artifacts: [], root: null }
    : { changes: [], root: null };
}

const MARK = { done: '[x]', ready: '[ ]', blocked: '[-]', skipped: '[~]' } as const;

function artifactLine(a: ArtifactState, width: number, style: Style): string {
  const name = padToWidth(a.id, width);
  if (a.status === 'done')
    return `  ${style.green(MARK.done)} ${name}  ${style.dim(a.files.length > 1 ? `${a.files.length} files` : a.generates)}`;
  if (a.status === 'skipped') return `  ${style.dim(`${MARK.skipped} ${name}  skipped (skip_specs)`)}`;
  if (a.status === 'blocked')
    return `  ${style.dim(MARK.blocked)} ${name}  ${style.dim(`blocked by ${a.missingDeps.join(', ')}`)}`;
  return `  ${MARK.ready} ${name}  ${style.cyan('ready')}`;
}

function renderOne(s: ChangeStatusResult, style: Style): string {
  const via = s.schema.selectedIn ? `, named in ${s.schema.selectedIn}` : `, ${s.schema.selectedBy}`;
  const width = Math.max(...s.artifacts.map((a) => textWidth(a.id)));
  const skipped = s.progress.skipped > 0 ? ` (${s.progress.skipped} skipped)` : '';
  const lines = [
    `Change: ${style.bold(s.change)} (${s.path})`,
    `Schema: ${s.schema.name} (${s.schema.source}${via})`,
    `Artifacts: ${s.progress.done + s.progress.skipped}/${s.progress.total} complete${skipped}`,
    '',
    ...s.artifacts.map((a) => artifactLine(a, width, style)),
    '',
    ...(s.scratchpads.length > 0 ? [`Scratchpads: ${s.scratchpads.map((p) => p.kind).join(', ')}`] : []),
    `Tasks: ${s.tasks.tracks === null ? 'not tracked by this schema' : `${s.tasks.done}/${s.tasks.total} (${s.tasks.tracks})`}`,
    `Ready to apply: ${s.readyToApply ? 'yes' : 'no'}; ready to archive: ${s.readyToArchive ? 'yes' : 'no'}`,
    ...s.archiveBlockers.map((b) => `  - ${b}`),
  ];
  if (s.nextCommand) lines.push('', `Next: ${s.nextCommand}`);
  return `${lines.join('\n')}\n`;
}

function renderAll(changes: (ChangeStatusResult | BrokenChangeStatus)[], style: Style): string {
  if (changes.length === 0) return 'No active changes. Start one with: specwright new change <name>\n';
  const width = Math.max(...changes.map((c) => textWidth(c.change)));
  const rows = changes.map((c) => {
    const name = padToWidth(c.change, width);
    if ('error' in c) return `  ${name}  ${style.red(c.error.message)}`;
    const arts = `${c.progress.done + c.progress.skipped}/${c.progress.total} artifacts`;
    const tasks = c.tasks.tracks === null ? '' : `  ${c.tasks.done}/${c.tasks.total} tasks`;
    const next = c.readyToArchive
      ? style.green('ready to archive')
      : c.next
        ? `next: ${c.next}`
        : c.readyToApply
          ? 'applying'
          : '';
    return `  ${name}  ${c.schema.name}  ${arts}${tasks}  ${next}`;
  });
  return `Changes:\n${rows.join('\n')}\n\nDetails: specwright status --change <name>\n`;
}

function warningText(warnings: readonly string[], style: Style): string {
  return formatWarnings(style, [...new Set(warnings)]);
}

/** `specwright status [--change <c>] [--schema <s>] [--json]`. */
export async function run(
  ctx: CliContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const style = createStyle(ctx.color);
  const json = opts.json === true;
  const base = {
    cwd: ctx.cwd,
    env: ctx.env,
    ...(typeof opts.schema === 'string' ? { schema: opts.schema } : {}),
  };
  if (typeof opts.change === 'string') {
    const root = requireProjectRoot(ctx.cwd);
    const s = await changeStatus({ ...base, change: opts.change }, root);
    if (json) return { exitCode: 0, stdout: renderJson({ ...s, root: rootJson(root) }), stderr: '' };
    return { exitCode: 0, stdout: renderOne(s, style), stderr: warningText(s.warnings, style) };
  }
  const { root, changes } = await allChangesStatus(base);
  const warnings = changes.flatMap((c) => ('warnings' in c ? c.warnings : []));
  if (json) {
    const doc = {
      changes,
      ...(changes.length === 0 ? { message: 'No active changes.' } : {}),
      root: rootJson(root),
    };
    return { exitCode: 0, stdout: renderJson(doc), stderr: '' };
  }
  return { exitCode: 0, stdout: renderAll(changes, style), stderr: warningText(warnings, style) };
}
