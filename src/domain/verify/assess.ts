import type { Issue } from '../issue.ts';
import type { VerificationRecord } from './record.ts';

/** The last verification as read from the change folder. */
export type RecordRead =
  | { status: 'missing' }
  | { status: 'invalid'; error: string }
  | { status: 'ok'; record: VerificationRecord };

/** The code as it is now, for comparison with the recorded state. */
export interface CodeNow {
  fingerprint: string;
  /** Commits from the recorded commit to HEAD, when both are known. */
  commitsSince?: number;
}

function failures(r: VerificationRecord): string {
  const steps = r.steps
    .filter((s) => s.status !== 'passed')
    .map(
      (s) =>
        `step ${s.name} (${s.status === 'timed_out' ? 'timed out' : s.exitCode === null ? s.status : `exit ${s.exitCode}`})`,
    );
  const checks = r.checks.filter((c) => c.status === 'failed').map((c) => `check ${c.name}`);
  return [...steps, ...checks].join(', ');
}

/**
 * What archive should warn about before archiving a change: no verification, a failed or partial one,
 * or one older than the code (the fingerprint of the working tree outside `openspec/` differs). Outside
 * git, or for a record made outside git, staleness cannot be told and is not reported.
 */
export function assessVerification(
  read: RecordRead,
  file: string,
  change: string,
  now: CodeNow | undefined,
): Issue[] {
  const fix = `Run: specwright verify ${change}`;
  const warn = (rule: string, message: string): Issue => ({ level: 'WARNING', rule, message, file, fix });
  if (read.status === 'missing')
    return [
      {
        level: 'WARNING',
        rule: 'archive_unverified',
        message: `Change '${change}' was never verified (no ${file}).`,
        fix,
      },
    ];
  if (read.status === 'invalid')
    return [
      warn('archive_verification_unreadable', `${file}: not a usable verification record (${read.error}).`),
    ];
  const r = read.record;
  const issues: Issue[] = [];
  if (r.status === 'failed')
    issues.push(
      warn('archive_verification_failed', `The last verification (${r.finishedAt}) failed: ${failures(r)}.`),
    );
  if (r.only !== null)
    issues.push(
      warn(
        'archive_verification_partial',
        `The last verification (${r.finishedAt}) ran only step '${r.only}'.`,
      ),
    );
  if (r.git && now && r.git.fingerprint !== now.fingerprint) {
    const n = now.commitsSince ?? 0;
    const how = n > 0 ? `${n} commit${n === 1 ? '' : 's'} since` : 'uncommitted edits';
    issues.push(
      warn(
        'archive_verification_stale',
        `The code changed after the last verification (${r.finishedAt}): ${how}.`,
      ),
    );
  }
  return issues;
}
