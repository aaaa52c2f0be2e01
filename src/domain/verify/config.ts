import { z } from 'zod';

/** Step names: what `--only` takes and what `verification.json` records. */
const STEP_NAME = /^[\w.:-]+$/;

/** One `verify:` step of `openspec/config.yaml`. */
const VerifyStepSchema = z.strictObject({
  /** Shown in progress and recorded; letters, digits, `_`, `.`, `:` and `-`. */
  name: z.string().regex(STEP_NAME, 'must be a word such as lint, typecheck or test:unit'),
  /** A shell command line, run with `sh -c` in the project root. */
  run: z.string().trim().min(1, 'must be a command'),
  /** Seconds before the step is killed (with everything it started). */
  timeout: z.number().positive().optional(),
});

export type VerifyStep = z.infer<typeof VerifyStepSchema>;

const VerifySchema = z.array(VerifyStepSchema);

const Globs = z.array(z.string().trim().min(1, 'must be a glob pattern'));

/** `trace:`: which files `trace` and `verify` scan for references, and which of them are tests. */
const TraceSchema = z.strictObject({
  /** Files to scan (default: every file git lists, tracked or untracked and not ignored). */
  include: Globs.optional(),
  /** Files to leave out (default: `**\/*.md`; `openspec/` is always left out). */
  exclude: Globs.optional(),
  /** Files whose references count as tests (default: test-named files and test folders). */
  tests: Globs.optional(),
});

export type TraceConfig = z.infer<typeof TraceSchema>;

/** 1-based line of a value in the config document, when known. */
type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function describe(key: string, error: z.ZodError, file: string, lineOf?: LineOf): string {
  const issue = error.issues[0];
  const path = [key, ...(issue?.path ?? [])];
  let line: number | undefined;
  for (let n = path.length; n > 0 && line === undefined; n--) line = lineOf?.(path.slice(0, n));
  const where = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  return `${line === undefined ? file : `${file}:${line}`}: ${where}: ${issue?.message ?? 'invalid value'}; '${key}' is ignored.`;
}

/** Duplicate step names make `--only` and the record ambiguous. */
function duplicateName(steps: readonly VerifyStep[]): string | undefined {
  const seen = new Set<string>();
  for (const s of steps) {
    if (seen.has(s.name)) return s.name;
    seen.add(s.name);
  }
  return undefined;
}

/**
 * Check `verify:` (a list of `{name, run, timeout?}`). Unlike other fields, an invalid `verify` must not
 * silently become "no steps" (a CI would pass without checking anything): the caller gets the reason.
 */
export function resolveVerifyField(
  value: unknown,
  file: string,
  lineOf?: LineOf,
): { steps: VerifyStep[] } | { problem: string } {
  const parsed = VerifySchema.safeParse(value);
  if (!parsed.success) return { problem: describe('verify', parsed.error, file, lineOf) };
  const dup = duplicateName(parsed.data);
  if (dup !== undefined)
    return { problem: `${file}: verify: the step name '${dup}' is used twice; 'verify' is ignored.` };
  return { steps: parsed.data };
}

/** Check `trace:` (optional `include`, `exclude`, `tests` glob lists). */
export function resolveTraceField(
  value: unknown,
  file: string,
  lineOf?: LineOf,
): { trace: TraceConfig } | { problem: string } {
  const parsed = TraceSchema.safeParse(value ?? {});
  return parsed.success ? { trace: parsed.data } : { problem: describe('trace', parsed.error, file, lineOf) };
}
