import { CliError } from '../domain/errors.ts';
import type { VerifyStep } from '../domain/verify/config.ts';
import { lastLines, OutputBuffer } from '../domain/verify/output.ts';
import {
  type CheckRecord,
  nextHistory,
  type StepRecord,
  VERIFICATION_FILE,
  type VerificationRecord,
} from '../domain/verify/record.ts';
import { writeFileInRoot } from '../io/atomic-write.ts';
import { codeState } from '../io/git.ts';
import { runShell } from '../io/process.ts';
import { PROJECT_PATHS } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { resolveChangeDir } from './resolve-item.ts';
import { readVerificationRecord } from './verification-status.ts';
import { coverageCheck, tasksCheck, validationCheck } from './verify-checks.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Progress callbacks, so the CLI can show a live display; the use case itself never prints. */
export interface VerifyObserver {
  started?(info: { change: string; steps: readonly VerifyStep[] }): void;
  checkFinished?(check: CheckRecord): void;
  stepStarted?(step: VerifyStep, timeoutSeconds: number | null): void;
  output?(step: VerifyStep, chunk: string): void;
  /** `output` is everything the step printed (bounded), for showing a failure in full. */
  stepFinished?(step: VerifyStep, record: StepRecord, output: string): void;
}

export interface VerifyOptions {
  /** Run only the step with this name. */
  only?: string;
  /** Timeout in seconds for every step, overriding each step's `timeout`. */
  timeoutSeconds?: number;
  /** The environment steps run with. */
  env: Env;
  now: () => Date;
  observer?: VerifyObserver;
}

export interface VerifyResult {
  record: VerificationRecord;
  /** Root-relative path of the written `verification.json`. */
  file: string;
  /** Config warnings (unknown keys, invalid fields other than `verify`). */
  warnings: string[];
}

/** A step with no timeout of its own and no `--timeout` runs for at most 30 minutes. */
const DEFAULT_TIMEOUT_SECONDS = 1800;

async function stepsToRun(root: string, only: string | undefined) {
  const { config, warnings, invalid } = await readProjectConfig(root);
  if (invalid?.verify !== undefined) {
    throw new CliError('verify_config_invalid', invalid.verify, {
      fix: 'Write verify: as a list of { name, run } entries (docs/verification.md).',
    });
  }
  const steps = config.verify ?? [];
  if (only === undefined) return { steps, warnings };
  const step = steps.find((s) => s.name === only);
  if (!step) {
    const names = steps.map((s) => s.name).join(', ') || 'none';
    throw new CliError('unknown_step', `No verify step named '${only}' (steps: ${names}).`, { exitCode: 2 });
  }
  return { steps: [step], warnings };
}

async function runStep(root: string, step: VerifyStep, opts: VerifyOptions): Promise<StepRecord> {
  const timeoutSeconds = opts.timeoutSeconds ?? step.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  opts.observer?.stepStarted?.(step, timeoutSeconds);
  const output = new OutputBuffer();
  const outcome = await runShell({
    command: step.run,
    cwd: root,
    env: opts.env,
    timeoutMs: timeoutSeconds * 1000,
    onOutput: (chunk) => {
      output.append(chunk);
      opts.observer?.output?.(step, chunk);
    },
  });
  const text = outcome.spawnError ? `${output.text()}${outcome.spawnError}\n` : output.text();
  const status = outcome.spawnError
    ? 'error'
    : outcome.timedOut
      ? 'timed_out'
      : outcome.exitCode === 0
        ? 'passed'
        : 'failed';
  const record: StepRecord = {
    name: step.name,
    run: step.run,
    status,
    exitCode: outcome.exitCode,
    signal: outcome.signal,
    durationMs: outcome.durationMs,
    timeoutSeconds,
    tail: lastLines(text),
  };
  opts.observer?.stepFinished?.(step, record, text);
  return record;
}

async function runChecks(root: string, name: string, changeRel: string, opts: VerifyOptions) {
  const checks: CheckRecord[] = [];
  for (const check of [
    () => validationCheck(root, name, changeRel),
    () => tasksCheck(root, name, changeRel, opts.env),
    () => coverageCheck(root, name),
  ]) {
    const result = await check();
    opts.observer?.checkFinished?.(result);
    checks.push(result);
  }
  return checks;
}

/**
 * `specwright verify <change>`: check the change itself (it validates, every task is done, every
 * scenario it adds or modifies has a test reference), then run the `verify:` steps of
 * openspec/config.yaml in the project root, one after another, each to the end even when an earlier
 * one failed. The result is written to the change's `verification.json` for reviewers and `archive`.
 */
export async function runVerification(
  root: string,
  name: string,
  opts: VerifyOptions,
): Promise<VerifyResult> {
  const changeRel = resolveChangeDir(root, name);
  const { steps, warnings } = await stepsToRun(root, opts.only);
  const previous = readVerificationRecord(root, changeRel);
  const startedAt = opts.now();
  const started = performance.now();
  // The code state is taken before the steps: it is the code they checked (a step may write files).
  const state = await codeState(root, PROJECT_PATHS.openspec);
  opts.observer?.started?.({ change: name, steps });
  const checks = await runChecks(root, name, changeRel, opts);
  const records: StepRecord[] = [];
  for (const step of steps) records.push(await runStep(root, step, opts));
  const failed = records.some((s) => s.status !== 'passed') || checks.some((c) => c.status === 'failed');
  const durationMs = Math.round(performance.now() - started);
  const record: VerificationRecord = {
    version: 1,
    change: name,
    status: failed ? 'failed' : 'passed',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs,
    only: opts.only ?? null,
    git: state ?? null,
    steps: records,
    checks,
    history: nextHistory(previous.status === 'ok' ? previous.record : undefined),
  };
  const file = `${changeRel}/${VERIFICATION_FILE}`;
  await writeFileInRoot(root, file, `${JSON.stringify(record, null, 2)}\n`);
  return { record, file, warnings };
}
