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
