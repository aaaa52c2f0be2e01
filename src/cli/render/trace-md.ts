import type { TraceReport } from '../../app/trace.ts';
import type { MatrixRow } from '../../domain/trace/matrix.ts';
import { formatCount, formatLinks, formatTasks } from './trace-text.ts';

/** Text safe inside a Markdown table cell: pipes and HTML escaped, line breaks and backticks neutralised. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, 'ˋ');
}

function code(text: string): string {
  return text === '' ? '—' : `\`${text.replace(/`/g, 'ˋ').replace(/\|/g, '\\|')}\``;
}

function rowLine(r: MatrixRow, change: string | null): string {
  const mark = r.covered ? '✅' : '❌';
  const tasks = formatTasks(r.tasks, change);
  return `| ${mark} | ${cell(r.requirement)} / ${cell(r.scenario)} | ${tasks === '' ? '—' : cell(tasks)} | ${code(formatLinks(r.tests))} | ${code(formatLinks(r.code))} |`;
}

/** A Markdown report for pull-request comments: coverage table, uncovered scenarios, dangling references. */
export function renderTraceMarkdown(report: TraceReport): string {
  const o = report.coverage.overall;
  const gate =
    report.minCoverage === null
      ? ''
      : report.meetsMinimum
        ? ` (minimum ${report.minCoverage}% met)`
        : ` — **below the minimum of ${report.minCoverage}%**`;
  const out = [
    `## Spec coverage${report.change ? ` of \`${report.change}\`` : ''}: ${o.percent.toFixed(1)}%${gate}`,
    '',
    `${formatCount(o)} have a test that references them; ${report.files.scanned} files scanned.`,
    '',
    '| capability | covered | total | % |',
    '| --- | ---: | ---: | ---: |',
    ...report.coverage.capabilities.map(
      (c) => `| ${cell(c.capability)} | ${c.covered} | ${c.total} | ${c.percent.toFixed(1)} |`,
    ),
  ];
  for (const cap of report.coverage.capabilities) {
    const rows = report.scenarios.filter((r) => r.capability === cap.capability);
    out.push(
      '',
      `<details${cap.covered < cap.total ? ' open' : ''}><summary><b>${cell(cap.capability)}</b> — ${formatCount(cap)}</summary>`,
      '',
      '| | scenario | tasks | tests | code |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((r) => rowLine(r, report.change)),
      '',
      '</details>',
    );
  }
  if (report.dangling.length > 0) {
    out.push('', `### Dangling references (${report.dangling.length})`, '');
    for (const d of report.dangling) {
      const fix = d.fix ? ` → ${code(d.fix)} (run \`specwright trace --fix\`)` : '';
      out.push(`- ${code(`${d.file}:${d.line}`)} ${code(d.ref)}: ${cell(d.problem)}${fix}`);
    }
  }
  return `${out.join('\n')}\n`;
}
