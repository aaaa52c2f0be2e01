import pc from 'picocolors';
import type { ValidateReport } from '../../app/validate.ts';
import type { Issue } from '../../domain/issue.ts';

type Colors = ReturnType<typeof pc.createColors>;

const MARK = { ERROR: '✗', WARNING: '⚠', INFO: 'ℹ' } as const;

function levelColor(c: Colors, level: Issue['level']): (s: string) => string {
  return level === 'ERROR' ? c.red : level === 'WARNING' ? c.yellow : c.cyan;
}

/** Issues grouped by file, each as `  ✗ line 12  message  [rule]`, with the fix indented below. */
export function renderIssues(issues: readonly Issue[], color: boolean, indent = '  '): string {
  const c = pc.createColors(color);
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) {
    const key = i.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), i]);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    if (file !== '') out.push(`${indent}${c.bold(file)}`);
    for (const i of list) {
      const where = i.line !== undefined ? c.dim(`line ${i.line}  `) : '';
      const paint = levelColor(c, i.level);
      out.push(
        `${indent}  ${paint(`${MARK[i.level]} ${i.level}`)} ${where}${i.message} ${c.dim(`[${i.rule}]`)}`,
      );
      if (i.fix) out.push(`${indent}      ${c.dim(`fix: ${i.fix}`)}`);
    }
  }
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Human report: one line per item (✓/✗), its issues grouped by file, then a summary line. */
export function renderValidateReport(report: ValidateReport, color: boolean): string {
  const c = pc.createColors(color);
  if (report.items.length === 0) return 'No items found to validate.\n';
  const lines: string[] = [];
  for (const item of report.items) {
    const head = item.valid ? c.green(`✓ ${item.type} ${item.id}`) : c.red(`✗ ${item.type} ${item.id}`);
    lines.push(head);
    if (item.issues.length > 0) lines.push(renderIssues(item.issues, color));
  }
  const { totals, issues } = report.summary;
  const counts = `${plural(issues.errors, 'error')}, ${plural(issues.warnings, 'warning')}, ${issues.info} info`;
  const mode = report.strict ? ' (strict: warnings fail)' : '';
  lines.push(
    '',
    `Totals: ${totals.passed} passed, ${totals.failed} failed (${plural(totals.items, 'item')}); ${counts}${mode}`,
  );
  return `${lines.join('\n')}\n`;
}
