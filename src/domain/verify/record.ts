import { z } from 'zod';

/** How a step ended: `error` when it could not be started at all. */
const StepStatus = z.enum(['passed', 'failed', 'timed_out', 'error']);

const StepRecordSchema = z.object({
  name: z.string(),
  run: z.string(),
  status: StepStatus,
  /** Exit code, null when a signal (or a failure to start) ended the step. */
  exitCode: z.number().int().nullable(),
  /** The signal that ended the step, if any (SIGTERM/SIGKILL after a timeout). */
  signal: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  /** The timeout the step ran under, in seconds; null for none. */
  timeoutSeconds: z.number().nullable(),
  /** The last lines of its output (stdout and stderr interleaved), colour codes removed. */
  tail: z.string(),
});

export type StepRecord = z.infer<typeof StepRecordSchema>;

const CheckRecordSchema = z.object({
  /** `validation`, `tasks` or `coverage`. */
  name: z.enum(['validation', 'tasks', 'coverage']),
  status: z.enum(['passed', 'failed']),
  message: z.string(),
  /** What failed, one entry per problem (issue, open task, uncovered scenario). */
  details: z.array(z.string()),
});

export type CheckRecord = z.infer<typeof CheckRecordSchema>;

const GitRecordSchema = z.object({
  /** HEAD when the verification ran; null before the first commit. */
  commit: z.string().nullable(),
  /** Whether the working tree (outside `openspec/`) differed from HEAD. */
  dirty: z.boolean(),
  /** SHA-256 of the code state: HEAD, the diff to it and the untracked files (outside `openspec/`). */
  fingerprint: z.string(),
});

/** An earlier run, summarised. */
const PastRunSchema = z.object({
  status: z.enum(['passed', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string(),
  only: z.string().nullable(),
  commit: z.string().nullable(),
  /** Names of the steps and checks that did not pass. */
  failed: z.array(z.string()),
});

export type PastRun = z.infer<typeof PastRunSchema>;

/** How many earlier runs `history` keeps. */
export const HISTORY_LENGTH = 10;

/** `verification.json` in a change folder: the last `specwright verify` of that change. */
export const VerificationRecordSchema = z.object({
  version: z.literal(1),
  change: z.string(),
  status: z.enum(['passed', 'failed']),
  /** ISO timestamps. */
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int().nonnegative(),
  /** Set when `--only` ran a single step: the record then does not vouch for the whole pipeline. */
  only: z.string().nullable(),
  /** Null outside a git repository. */
  git: GitRecordSchema.nullable(),
  steps: z.array(StepRecordSchema),
  checks: z.array(CheckRecordSchema),
  /** Earlier runs, newest first (at most HISTORY_LENGTH). */
  history: z.array(PastRunSchema),
});

export type VerificationRecord = z.infer<typeof VerificationRecordSchema>;

/** The record file's name inside the change folder. */
export const VERIFICATION_FILE = 'verification.json';

/** A record summarised for the `history` of the next one. */
export function summarizeRun(r: VerificationRecord): PastRun {
  const failed = [
    ...r.checks.filter((c) => c.status !== 'passed').map((c) => c.name),
    ...r.steps.filter((st) => st.status !== 'passed').map((st) => st.name),
  ];
  const { status, startedAt, finishedAt, only } = r;
  return { status, startedAt, finishedAt, only, commit: r.git?.commit ?? null, failed };
}

/** The history of a new record: the previous record and its history, newest first, bounded. */
export function nextHistory(previous: VerificationRecord | undefined): PastRun[] {
  return previous ? [summarizeRun(previous), ...previous.history].slice(0, HISTORY_LENGTH) : [];
}
