import type { JsonObject } from '../command.ts';

/** One entry of the `status` array of a failed `--json` run (OpenSpec's envelope shape). */
export interface JsonStatus {
  severity: 'error' | 'warning';
  /** Stable snake_case code, e.g. `no_openspec_root`. */
  code: string;
  message: string;
  fix?: string;
}

/** The project root as every command reports it: the absolute path; other paths are relative to it. */
export interface RootJson {
  path: string;
}

export function rootJson(root: { path: string }): RootJson {
  return { path: root.path };
}

/** Serialize the single JSON document of a `--json` run (two-space indent, trailing newline). */
export function renderJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The document of a failed `--json` run: the command's payload keys with empty values, then `status`.
 * Keeping the payload keys lets consumers read `doc.changes` without first checking for failure.
 */
export function renderJsonFailure(nullShape: JsonObject, status: readonly JsonStatus[]): string {
  return renderJson({ ...nullShape, status });
}
