import { z } from 'zod';

/** Fields of `openspec/config.yaml` that Specwright reads; each one is checked on its own (see resolveProjectConfig). */
const FIELD_SCHEMAS = {
  schema: z.string().min(1),
  context: z.string(),
} as const;

/** The part of the project config that commands use; absent fields were missing or invalid. */
interface ProjectConfig {
  schema?: string;
  context?: string;
}

/** A resolved config plus the warnings about fields that were dropped. */
export interface ResolvedProjectConfig {
  config: ProjectConfig;
  warnings: string[];
}

const FIELD_WARNINGS: Record<keyof typeof FIELD_SCHEMAS, string> = {
  schema: "Invalid 'schema' field in config (must be non-empty string)",
  context: "Invalid 'context' field in config (must be a string)",
};

/**
 * Validate a parsed config document field by field, as OpenSpec does: one bad field is dropped with a
 * warning and the rest is kept, so a typo in `rules` never stops `new change` from working.
 */
export function resolveProjectConfig(doc: unknown, file: string): ResolvedProjectConfig {
  if (doc === null || doc === undefined) return { config: {}, warnings: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { config: {}, warnings: [`${file} is not a valid YAML object`] };
  }
  const record = doc as Record<string, unknown>;
  const config: ProjectConfig = {};
  const warnings: string[] = [];
  for (const key of Object.keys(FIELD_SCHEMAS) as (keyof typeof FIELD_SCHEMAS)[]) {
    if (!(key in record)) continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(record[key]);
    if (parsed.success) config[key] = parsed.data;
    else warnings.push(FIELD_WARNINGS[key]);
  }
  return { config, warnings };
}
