import { type ChangeTaskPlan, planChangeTasks } from '../../app/plan.ts';
import type { PlannedTask } from '../../domain/plan/plan-tasks.ts';
import { renderDot } from '../../domain/plan/render-dot.ts';
import { renderMermaid } from '../../domain/plan/render-mermaid.ts';
import { requireProjectRoot } from '../../io/project.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings, type Style } from '../render/human.ts';
import { renderIssues } from '../render/issues.ts';
import { renderJson } from '../render/json.ts';

/** What `--json` prints when no plan could be made. */
export const jsonNullShape = {
  change: null,
  tasks: [],
  waves: [],
  criticalPath: null,
  resources: [],
  risks: [],
  manifest: null,
  issues: [],
};

const NO_METADATA_HINT =
  'tasks.md has no task metadata, so every task is independent and lands in wave 1.\n' +
  'Add [size: M] [after: 1.2] [covers: capability#Requirement] [uses: resource] tags (docs/planning.md).\n';

function percent(done: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((100 * done) / total)}%`;
}

function taskLine(
  s: Style,
  t: PlannedTask,
  critical: boolean,
  plan: ChangeTaskPlan,
  idWidth: number,
): string {
  const mark = t.done ? s.green('✓') : '○';
  const size = t.size ? `  ${s.cyan(t.size)}` : '';
  const waits = plan.resources.flatMap((r) =>
    r.waits.filter((w) => w.task === t.id).map((w) => `waited in wave ${w.wave} for ${w.behind} (${r.name})`),
  );
  const extra = waits.length > 0 ? `  ${s.yellow(waits.join('; '))}` : '';
  const id = (critical ? `${t.id}*` : t.id).padEnd(idWidth);
  return `  ${mark} ${critical ? s.red(s.bold(id)) : id}  ${t.text}${size}${extra}`;
}

/** The risk register and the manifest summary: sections only for what the change has. */
function researchLines(s: Style, plan: ChangeTaskPlan): string[] {
  const out: string[] = [];
  if (plan.risks.length > 0) {
    const width = Math.max(...plan.risks.map((r) => r.level.length));
    out.push('', s.bold('Risk register'));
    for (const r of plan.risks) {
      const level = r.level === 'HIGH' ? s.red(r.level.padEnd(width)) : r.level.padEnd(width);
      const mitigation = r.mitigation === null ? s.yellow('(no mitigation)') : r.mitigation;
      out.push(`  ${level}  ${r.text} → ${mitigation}  ${s.dim(`${r.file}:${r.line}`)}`);
    }
  }
  const m = plan.manifest;
  if (m) {
    const packages = new Set(m.entries.map((e) => e.package)).size;
    const untouched = m.entries.filter((e) => !e.touched).length;
    out.push(
      '',
      `${s.bold('Manifest')}  ${s.dim(m.file)}`,
      `  ${m.entries.length} files in ${packages} packages; ${m.entries.length - untouched} named by tasks, ${untouched} not; ${m.unlisted.length} task file references missing from it`,
    );
  }
  return out;
}

function renderText(plan: ChangeTaskPlan, color: boolean): string {
  const s = createStyle(color);
  const { done, total } = plan.progress;
  const out = [
    `${s.bold(`Plan: ${plan.change}`)}  ${s.dim(plan.file)}`,
    `${total} tasks in ${plan.waves.length} waves, ${done}/${total} done (${percent(done, total)})`,
  ];
  const critical = new Set(plan.criticalPath.tasks);
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const idWidth = Math.max(0, ...plan.tasks.map((t) => t.id.length + 1));
  for (const w of plan.waves) {
    out.push('', s.bold(`Wave ${w.wave}`) + s.dim(`  ${w.progress.done}/${w.progress.total} done`));
    for (const id of w.tasks)
      out.push(taskLine(s, byId.get(id) as PlannedTask, critical.has(id), plan, idWidth));
  }
  if (plan.unscheduled.length > 0) {
    out.push('', s.red(`Not scheduled (on or after a dependency cycle): ${plan.unscheduled.join(', ')}`));
  }
  const w = plan.weights;
  out.push(
    '',
    `${s.bold('Critical path')} (* above): ${plan.criticalPath.tasks.join(' → ') || 'none'}`,
    `  length ${plan.criticalPath.length} (XS=${w.XS} S=${w.S} M=${w.M} L=${w.L} XL=${w.XL}, unsized=${w.unsized})`,
  );
  if (plan.resources.length > 0) {
    out.push('', s.bold('Shared resources'));
    for (const r of plan.resources) out.push(`  ${r.name}: ${r.tasks.join(', ')}`);
  }
  if (plan.phases.length > 0) {
    out.push('', s.bold('Phases'));
    for (const p of plan.phases)
      out.push(`  ${p.heading}  ${s.dim(`${p.progress.done}/${p.progress.total} done`)}`);
  }
  out.push(
    ...researchLines(s, plan),
    '',
    plan.issues.length > 0 ? `${s.bold('Issues')}\n${renderIssues(plan.issues, color)}` : 'No issues.',
  );
  return `${out.join('\n')}\n`;
}

/** `specwright plan <change> [--json] [--format text|mermaid|dot]`: exit 1 when the task graph has errors. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const root = requireProjectRoot(ctx.cwd);
  const plan = await planChangeTasks(root.path, args[0] as string);
  const exitCode = plan.valid ? 0 : 1;
  if (opts.json) return { exitCode, stdout: renderJson({ ...plan, root: { path: root.path } }), stderr: '' };
  const hint = plan.usesMetadata || plan.tasks.length === 0 ? '' : NO_METADATA_HINT;
  const stderr = formatWarnings(createStyle(ctx.color), plan.warnings) + hint;
  if (opts.format === 'mermaid' || opts.format === 'dot') {
    const diagram = opts.format === 'mermaid' ? renderMermaid(plan) : renderDot(plan);
    const problems = plan.valid ? '' : `${renderIssues(plan.issues, ctx.color)}\n`;
    return { exitCode, stdout: diagram, stderr: stderr + problems };
  }
  return { exitCode, stdout: renderText(plan, ctx.color), stderr };
}
