import type { TraceReport } from '../../app/trace.ts';
import type { ChangeFilesReport } from '../../app/trace-change-files.ts';
import type { DanglingReference, FileLink, MatrixRow, TaskLink } from '../../domain/trace/matrix.ts';
import { createStyle, type Style } from './human.ts';

const STATUS_LETTER = { added: 'A', modified: 'M', deleted: 'D', renamed: 'R', untracked: '?' } as const;

export function formatLinks(links: readonly FileLink[]): string {
  return links.map((l) => `${l.file}:${l.line}`).join(', ');
}

export function formatTasks(tasks: readonly TaskLink[], change: string | null): string {
  return tasks
    .map((t) => `${t.id}${t.done ? ' ✓' : ''}${change === null ? ` (${t.change})` : ''}`)
    .join(', ');
}

/** `3/4 scenarios (75.0%)`. */
export function formatCount(c: { covered: number; total: number; percent: number }): string {
  return `${c.covered}/${c.total} scenario${c.total === 1 ? '' : 's'} (${c.percent.toFixed(1)}%)`;
}

function rowLines(s: Style, r: MatrixRow, change: string | null): string[] {
  const mark = r.covered ? s.green('✓') : s.red('✗');
  const none = s.dim('—');
  return [
    `  ${mark} ${r.requirement} / ${r.scenario}`,
    `      ${s.dim('tasks')} ${formatTasks(r.tasks, change) || none}  ${s.dim('tests')} ${formatLinks(r.tests) || none}  ${s.dim('code')} ${formatLinks(r.code) || none}`,
  ];
}

function danglingLines(s: Style, d: DanglingReference): string[] {
  const out = [`  ${s.bold(`${d.file}:${d.line}`)}  ${d.ref}`, `    ${d.problem}`];
  if (d.fix) out.push(`    ${s.green(`fix: ${d.fix}`)}  ${s.dim('(specwright trace --fix)')}`);
  else if (d.suggestions.length > 0) out.push(`    ${s.dim(`did you mean: ${d.suggestions.join(', ')}?`)}`);
  return out;
}

function changeFileLines(s: Style, cf: ChangeFilesReport): string[] {
  if (cf.note !== null) return ['', s.bold('Files touched'), `  ${cf.note}`];
  const base = `${cf.base?.slice(0, 12)} (${cf.baseSource === 'metadata' ? 'base_commit' : cf.baseSource})`;
  const out = ['', s.bold(`Files touched since ${base}: ${cf.files.length}`)];
  const width = Math.max(0, ...cf.files.map((f) => f.path.length));
  for (const f of cf.files) {
    const parts = [
      f.tasks.length > 0 ? `tasks ${f.tasks.join(', ')}` : s.yellow('no task names it'),
      ...(f.inManifest === false ? [s.yellow('not in analysis.md')] : []),
      ...(f.scenarios.length > 0
        ? [`${f.scenarios.length} scenario${f.scenarios.length === 1 ? '' : 's'}`]
        : []),
    ];
    out.push(`  ${STATUS_LETTER[f.status]} ${f.path.padEnd(width)}  ${parts.join(s.dim(' · '))}`);
  }
  return out;
}

/** The human report: scenarios per capability, dangling references, touched files, coverage. */
export function renderTraceText(report: TraceReport, color: boolean): string {
  const s = createStyle(color);
  const f = report.files;
  const out = [
    `${s.bold(`Trace: ${report.change ?? 'all specs'}`)}  ${s.dim(`${f.scanned} files scanned, ${f.withReferences} with references`)}`,
  ];
  for (const cap of report.coverage.capabilities) {
    out.push('', `${s.bold(cap.capability)}  ${formatCount(cap)} covered by tests`);
    for (const r of report.scenarios.filter((x) => x.capability === cap.capability))
      out.push(...rowLines(s, r, report.change));
  }
  if (report.scenarios.length === 0)
    out.push(
      '',
      report.change ? 'The change adds or modifies no scenario.' : 'No scenarios in openspec/specs.',
    );
  if (report.dangling.length > 0) {
    out.push('', s.red(s.bold(`Dangling references (${report.dangling.length})`)));
    for (const d of report.dangling) out.push(...danglingLines(s, d));
  }
  if (report.changeFiles) out.push(...changeFileLines(s, report.changeFiles));
  const gate =
    report.minCoverage === null
      ? ''
      : report.meetsMinimum
        ? `  (minimum ${report.minCoverage}%)`
        : s.red(`  below the minimum of ${report.minCoverage}%`);
  out.push('', `${s.bold('Coverage:')} ${formatCount(report.coverage.overall)}${gate}`);
  return `${out.join('\n')}\n`;
}
