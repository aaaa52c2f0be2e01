import { CliError } from '../domain/errors.ts';
import { type Issue, splitLocation } from '../domain/issue.ts';
import { assessVerification, type CodeNow, type RecordRead } from '../domain/verify/assess.ts';
import { VERIFICATION_FILE, VerificationRecordSchema } from '../domain/verify/record.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { codeState, commitsSince } from '../io/git.ts';
import { PROJECT_PATHS } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';

/** Read a change's `verification.json`: missing, unreadable (with why), or the record. */
export function readVerificationRecord(root: string, changeRel: string): RecordRead {
  const file = `${changeRel}/${VERIFICATION_FILE}`;
  let text: string | undefined;
  try {
    text = readTextFileIfExists(root, file);
  } catch (e) {
    if (e instanceof CliError) return { status: 'invalid', error: splitLocation(e.message, file).message };
    throw e;
  }
  if (text === undefined) return { status: 'missing' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { status: 'invalid', error: `not JSON (${(e as Error).message})` };
  }
  const parsed = VerificationRecordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 'invalid',
      error: `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { status: 'ok', record: parsed.data };
}

async function codeNow(root: string, commit: string | null): Promise<CodeNow | undefined> {
  const state = await codeState(root, PROJECT_PATHS.openspec);
  if (!state) return undefined;
  const since = commit === null ? undefined : await commitsSince(root, commit);
  return since === undefined
    ? { fingerprint: state.fingerprint }
    : { fingerprint: state.fingerprint, commitsSince: since };
}

/**
 * What archive warns about a change's last verification: missing (only when the project configures
 * `verify:` steps, or a record exists), failed, partial (`--only`), or older than the code.
 */
export async function verificationWarnings(root: string, name: string, changeRel: string): Promise<Issue[]> {
  const read = readVerificationRecord(root, changeRel);
  if (read.status === 'missing') {
    const { config } = await readProjectConfig(root);
    if ((config.verify ?? []).length === 0) return [];
  }
  const now =
    read.status === 'ok' && read.record.git ? await codeNow(root, read.record.git.commit) : undefined;
  return assessVerification(read, `${changeRel}/${VERIFICATION_FILE}`, name, now);
}
