import pc from 'picocolors';
import { resolveItem } from '../../app/resolve-item.ts';
import { type ShownChange, type ShownSpec, showChange, showSpec } from '../../app/show.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { itemKindWarning } from '../option-rules.ts';
import { positiveInteger } from '../options.ts';
import { createStyle, formatWarnings } from '../render/human.ts';

/** What `--json` prints when nothing could be shown. */
export const jsonNullShape = {};

/** `first`: the number of the first requirement shown (the one `-r` picked), so numbers match `-r`. */
function renderSpec(s: ShownSpec, color: boolean, first = 1): string {
  const c = pc.createColors(color);
  const out = [`${c.bold(s.title)}  ${c.dim(s.file)}`, '', `Purpose: ${s.overview}`, ''];
  s.requirements.forEach((r, i) => {
    out.push(`${c.bold(`${first + i}. ${r.name}`)}  ${c.dim(`line ${r.line}`)}`);
    for (const l of r.text.split('\n')) out.push(`   ${l}`);
    for (const sc of r.scenarios) {
      out.push(`   ${c.cyan(`Scenario: ${sc.name}`)}`);
      const steps =
        sc.steps.length > 0 ? sc.steps.map((st) => `${st.keyword} ${st.text}`) : sc.rawText.split('\n');
      for (const l of steps) out.push(`     ${l}`);
    }
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}

function renderChange(ch: ShownChange, color: boolean, deltasOnly: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  if (!deltasOnly) {
    out.push(`${c.bold(ch.title)}  ${c.dim(ch.dir)}`);
    for (const s of ch.proposal?.sections ?? []) out.push('', c.bold(`## ${s.title}`), s.text);
    out.push('', `Tasks: ${ch.tasks.done}/${ch.tasks.total} done`, '');
  }
  out.push(c.bold(`Deltas (${ch.deltaCount}):`));
  for (const d of ch.deltas) {
    const what = d.rename ? `${d.rename.from} → ${d.rename.to}` : (d.requirement?.name ?? d.description);
    out.push(`  ${d.spec}  ${d.operation.padEnd(8)}  ${what}  ${c.dim(`${d.file}:${d.line}`)}`);
  }
  return `${out.join('\n')}\n`;
}

/** `specwright show <item> [--type change|spec] [--json] [--deltas-only] [--requirements] [--no-scenarios] [-r n]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const root = requireProjectRoot(ctx.cwd);
  const name = args[0] as string;
  const type = opts.type as 'change' | 'spec' | undefined;
  const kind = resolveItem(root.path, name, type);
  const rootJson = { path: root.path };
  const warning = itemKindWarning('show', opts, kind, name);
  const stderr = warning ? formatWarnings(createStyle(ctx.color), [warning]) : '';
  if (kind === 'spec') {
    const requirement = positiveInteger(opts.requirement, '-r/--requirement');
    const noScenarios = opts.requirements === true || opts.scenarios === false;
    const spec = showSpec(root.path, name, { ...(requirement ? { requirement } : {}), noScenarios });
    const stdout = opts.json
      ? `${JSON.stringify({ ...spec, root: rootJson }, null, 2)}\n`
      : renderSpec(spec, ctx.color, requirement ?? 1);
    return { exitCode: 0, stdout, stderr };
  }
  const change = await showChange(root.path, name);
  const deltasOnly = opts.deltasOnly === true;
  if (opts.json) {
    const doc = deltasOnly
      ? { id: change.id, deltaCount: change.deltaCount, deltas: change.deltas, root: rootJson }
      : { ...change, root: rootJson };
    return { exitCode: 0, stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr };
  }
  return { exitCode: 0, stdout: renderChange(change, ctx.color, deltasOnly), stderr };
}
