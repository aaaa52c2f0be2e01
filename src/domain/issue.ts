/** Severity of a finding. ERROR makes an item invalid; WARNING does too under `--strict`; INFO never does. */
export type Level = 'ERROR' | 'WARNING' | 'INFO';

/** A located, coded finding about user content. Returned as a value, never thrown. */
export interface Issue {
  level: Level;
  /** Stable snake_case rule id, e.g. `spec_missing_purpose`. */
  rule: string;
  message: string;
  /** Project-root-relative POSIX path of the file concerned. */
  file?: string;
  /** 1-based line number where it applies. */
  line?: number;
  /** A short suggestion of what to do about it. */
  fix?: string;
}

export function hasErrors(issues: readonly Issue[], strict = false): boolean {
  return issues.some((i) => i.level === 'ERROR' || (strict && i.level === 'WARNING'));
}

/**
 * A one-line error such as `openspec/config.yaml:4: Flow sequence …` or `spec.md: too large …` split for
 * an issue that carries `file` (and `line`) itself, so the location is not shown twice. A message without
 * that prefix is kept.
 */
export function splitLocation(message: string, file: string): { line?: number; message: string } {
  const prefix = `${file}:`;
  if (!message.startsWith(prefix)) return { message };
  const m = /^(?:(\d+):)? /.exec(message.slice(prefix.length));
  if (!m) return { message };
  const reason = message.slice(prefix.length + m[0].length);
  return m[1] === undefined ? { message: reason } : { line: Number(m[1]), message: reason };
}
