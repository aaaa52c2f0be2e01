import type { TraceReport } from '../../app/trace.ts';
import type { FileLink, MatrixRow } from '../../domain/trace/matrix.ts';
import { formatCount, formatTasks } from './trace-text.ts';

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.meta{color:#59636e;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d1d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:3px}
.ok{color:#1a7f37}.bad{color:#d1242f}.none{color:#8c959f}
.bar{display:inline-block;width:8rem;height:.6rem;background:#ffebe9;border-radius:3px;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%;background:#2da44e}
summary{cursor:pointer;font-weight:600;margin:.5rem 0}
`;

function bar(percent: number): string {
  return `<span class="bar"><span style="width:${Math.max(0, Math.min(100, percent))}%"></span></span>`;
}

function links(list: readonly FileLink[]): string {
  if (list.length === 0) return '<span class="none">—</span>';
  return list.map((l) => `<code>${escapeHtml(`${l.file}:${l.line}`)}</code>`).join('<br>');
}

function row(r: MatrixRow, change: string | null): string {
  const mark = r.covered ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>';
  const tasks = formatTasks(r.tasks, change);
  return `<tr><td>${mark}</td><td>${escapeHtml(r.requirement)}</td><td>${escapeHtml(r.scenario)}</td><td>${tasks === '' ? '<span class="none">—</span>' : escapeHtml(tasks)}</td><td>${links(r.tests)}</td><td>${links(r.code)}</td></tr>`;
}

function summaryTable(report: TraceReport): string {
  const rows = report.coverage.capabilities.map(
    (c) =>
      `<tr><td>${escapeHtml(c.capability)}</td><td class="num">${c.covered}</td><td class="num">${c.total}</td><td class="num">${c.percent.toFixed(1)}%</td><td>${bar(c.percent)}</td></tr>`,
  );
  return `<table><thead><tr><th>capability</th><th>covered</th><th>total</th><th>%</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function danglingList(report: TraceReport): string {
  if (report.dangling.length === 0) return '';
  const items = report.dangling.map((d) => {
    const fix = d.fix ? ` → <code>${escapeHtml(d.fix)}</code> (<code>specwright trace --fix</code>)` : '';
    return `<li><code>${escapeHtml(`${d.file}:${d.line}`)}</code> <code>${escapeHtml(d.ref)}</code>: ${escapeHtml(d.problem)}${fix}</li>`;
  });
  return `<h2 class="bad">Dangling references (${report.dangling.length})</h2><ul>${items.join('')}</ul>`;
}

/** One self-contained HTML page (inline CSS, no scripts, every name escaped). */
export function renderTraceHtml(report: TraceReport): string {
  const title = `Spec coverage${report.change ? ` of ${report.change}` : ''}`;
  const o = report.coverage.overall;
  const gate =
    report.minCoverage === null
      ? ''
      : report.meetsMinimum
        ? ` — minimum ${report.minCoverage}% met`
        : ` — <b class="bad">below the minimum of ${report.minCoverage}%</b>`;
  const sections = report.coverage.capabilities.map((c) => {
    const rows = report.scenarios
      .filter((r) => r.capability === c.capability)
      .map((r) => row(r, report.change));
    return `<details${c.covered < c.total ? ' open' : ''}><summary>${escapeHtml(c.capability)} — ${escapeHtml(formatCount(c))}</summary><table><thead><tr><th></th><th>requirement</th><th>scenario</th><th>tasks</th><th>tests</th><th>code</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}: ${o.percent.toFixed(1)}% ${bar(o.percent)}</h1>
<p class="meta">${escapeHtml(formatCount(o))} referenced by a test${gate}; ${report.files.scanned} files scanned, ${report.files.withReferences} with references.</p>
${summaryTable(report)}
${danglingList(report)}
${sections.join('\n')}
</body>
</html>
`;
}
