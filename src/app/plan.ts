import { CliError } from '../domain/errors.ts';
import { hasErrors } from '../domain/issue.ts';
import { planTasks, type SizeWeights, type TaskPlan } from '../domain/plan/plan-tasks.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { type ManifestReport, readManifestReport } from './research.ts';
import { resolveChangeDir } from './resolve-item.ts';
import { type LocatedRisk, readRiskRegister } from './risk-register.ts';
import { planChangeAt } from './validate.ts';

export interface ChangeTaskPlan extends TaskPlan {
  change: string;
  /** Root-relative path of the change's tasks.md. */
  file: string;
  /** False when the plan has an ERROR (a cycle, an unknown dependency, a malformed tag, …). */
  valid: boolean;
  /** The risk register of design.md and research/decomposition.md, HIGH first. */
  risks: LocatedRisk[];
  /** The tasks checked against analysis.md; null when the change has none. */
  manifest: Omit<ManifestReport, 'issues'> | null;
  /** Warnings about openspec/config.yaml (an invalid `plan` field, unknown keys), one line each. */
  warnings: string[];
}

/**
 * Plan the tasks of an active change: read its tasks.md and its deltas (the same way `validate` does),
 * then lay the tasks out in waves. Also reports the risk register and how the tasks match the
 * implementation manifest (analysis.md). Issues carry their file. Fails with `no_tasks` when the
 * change has no tasks.md.
 */
export async function planChangeTasks(
  root: string,
  name: string,
  weights?: Partial<SizeWeights>,
): Promise<ChangeTaskPlan> {
  const changeRel = resolveChangeDir(root, name);
  const file = `${changeRel}/tasks.md`;
  const text = readTextFileIfExists(root, file);
  if (text === undefined) {
    throw new CliError('no_tasks', `Change '${name}' has no tasks.md.`, {
      fix: `Write ${file} with tasks such as "- [ ] 1.1 Do something [size: S]".`,
    });
  }
  const { specs } = await planChangeAt(root, name, changeRel);
  const parsed = parseTasks(text);
  // Weights: the caller's, else `plan.weights` from openspec/config.yaml, else the defaults. The config
  // is read either way, so a broken file fails here as in every other command.
  const { config, warnings } = await readProjectConfig(root);
  const configured = weights ?? config.plan?.weights ?? {};
  const plan = planTasks(parsed, specs, configured);
  const register = readRiskRegister(root, changeRel);
  const report = readManifestReport(root, changeRel, { parsed, file });
  const issues = [...plan.issues.map((i) => ({ file, ...i })), ...(report?.issues ?? []), ...register.issues];
  const manifest = report ? { file: report.file, entries: report.entries, unlisted: report.unlisted } : null;
  return {
    change: name,
    file,
    ...plan,
    issues,
    valid: !hasErrors(issues),
    risks: register.risks,
    manifest,
    warnings,
  };
}
