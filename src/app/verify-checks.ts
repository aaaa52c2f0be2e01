import { hasErrors, type Issue } from '../domain/issue.ts';
import type { CheckRecord } from '../domain/verify/record.ts';
import { changeTasks } from './archive.ts';
import { runTrace } from './trace.ts';
import { planChangeAt } from './validate.ts';

type Env = Readonly<Record<string, string | undefined>>;

function located(i: Issue): string {
  const where = i.file ? `${i.file}${i.line !== undefined ? `:${i.line}` : ''}: ` : '';
  return `${where}${i.message} [${i.rule}]`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The change validates (the archive dry run reports no ERROR); warnings are listed but do not fail. */
export async function validationCheck(root: string, name: string, changeRel: string): Promise<CheckRecord> {
  const { issues } = await planChangeAt(root, name, changeRel);
  const errors = issues.filter((i) => i.level === 'ERROR');
  const warnings = issues.filter((i) => i.level === 'WARNING');
  const failed = hasErrors(issues);
  const message = failed
    ? `${plural(errors.length, 'validation error')} (run: specwright validate ${name})`
    : warnings.length > 0
      ? `the change validates, with ${plural(warnings.length, 'warning')}`
      : 'the change validates';
  return {
    name: 'validation',
    status: failed ? 'failed' : 'passed',
    message,
    details: (failed ? errors : warnings).map(located),
  };
}

/** Every task of the files the change's schema tracks is checked. */
export async function tasksCheck(
  root: string,
  name: string,
  changeRel: string,
  env: Env,
): Promise<CheckRecord> {
  const { done, total, tasks } = await changeTasks(root, changeRel, name, env);
  const open = tasks.filter((t) => !t.done);
  const message =
    total === 0
      ? 'the change has no tasks'
      : open.length === 0
        ? `all ${plural(total, 'task')} done`
        : `${open.length} of ${plural(total, 'task')} open`;
  return {
    name: 'tasks',
    status: open.length === 0 ? 'passed' : 'failed',
    message: total === 0 ? message : `${message} (${done}/${total})`,
    details: open.map((t) => `${t.file}:${t.line}: ${t.id ? `${t.id} ` : ''}${t.text}`),
  };
}

/** Every scenario of the change's ADDED and MODIFIED requirements has at least one test reference. */
export async function coverageCheck(root: string, name: string): Promise<CheckRecord> {
  const { report } = await runTrace(root, { change: name, changeFiles: false });
  const { covered, total } = report.coverage.overall;
  const message =
    total === 0
      ? 'the change adds or modifies no scenario'
      : `${covered} of ${plural(total, 'scenario')} referenced by a test`;
  return {
    name: 'coverage',
    status: report.uncovered.length === 0 ? 'passed' : 'failed',
    message,
    details: report.uncovered.map((ref) => `no test references ${ref}`),
  };
}
