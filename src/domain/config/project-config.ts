import { z } from 'zod';
import {
  resolveTraceField,
  resolveVerifyField,
  type TraceConfig,
  type VerifyStep,
} from '../verify/config.ts';

/** Context beyond this many UTF-8 bytes is ignored, as in OpenSpec: it is pasted into every instruction. */
const MAX_CONTEXT_BYTES = 50 * 1024;

/** Fields of `openspec/config.yaml` that Specwright reads; each one is checked on its own (see resolveProjectConfig). */
const FIELD_SCHEMAS = {
  /** Workflow schema for new changes and for changes whose metadata names none. */
  schema: z.string().min(1),
  /** Project background given with every instruction. */
  context: z.string(),
  /** Extra rules per artifact id, shown only in that artifact's instructions. */
  rules: z.record(z.string(), z.unknown()),
  /** The language artifacts are written in. */
  language: z.string().trim().min(1),
  /** Planning settings: critical-path weights per task size (`plan.weights.M: 5`). */
  plan: z.strictObject({
    weights: z
      .strictObject({
        XS: z.number().positive(),
        S: z.number().positive(),
        M: z.number().positive(),
        L: z.number().positive(),
        XL: z.number().positive(),
        unsized: z.number().positive(),
      })
      .partial(),
  }),
} as const;

/**
 * Keys OpenSpec defines that Specwright does not use. They are accepted silently, so an OpenSpec
 * project's config never produces warnings here.
 */
const OPENSPEC_ONLY_KEYS: readonly string[] = ['operations', 'references', 'store', 'githubCopilot'];

/** The part of the project config that commands use; absent fields were missing or invalid. */
interface ProjectConfig {
  schema?: string;
  context?: string;
  rules?: Record<string, string[]>;
  language?: string;
  /** Critical-path weights per task size that replace the defaults (XS=1, S=2, M=4, L=8, XL=16). */
  plan?: { weights: Partial<Record<'XS' | 'S' | 'M' | 'L' | 'XL' | 'unsized', number>> };
  /** The check pipeline `specwright verify` runs (see src/domain/verify/config.ts). */
  verify?: VerifyStep[];
  /** Which files `trace` scans and which of them are tests. */
  trace?: TraceConfig;
}

/** A resolved config plus the warnings about fields that were dropped or keys that are unknown. */
export interface ResolvedProjectConfig {
  config: ProjectConfig;
  warnings: string[];
  /** Why `verify` or `trace` was dropped, when it was there but invalid (verify refuses to run then). */
  invalid?: { verify?: string; trace?: string };
}

/** Keys read by their own resolvers, after the simple fields. */
const STRUCTURED_KEYS: readonly string[] = ['verify', 'trace'];

type Field = keyof typeof FIELD_SCHEMAS;

const FIELD_WARNINGS: Record<Field, string> = {
  schema: "Invalid 'schema' field in config (must be non-empty string)",
  context: "Invalid 'context' field in config (must be a string)",
  rules: "Invalid 'rules' field in config (must be a map of artifact id to a list of rules)",
  language: "Invalid 'language' field in config (must be a non-empty string)",
  plan: "Invalid 'plan' field in config (must be { weights: { XS|S|M|L|XL|unsized: positive number } })",
};

/** 1-based line of a value in the config document, when known. */
type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function at(file: string, lineOf: LineOf | undefined, path: readonly PropertyKey[]): string {
  const line = lineOf?.(path);
  return line === undefined ? file : `${file}:${line}`;
}

/** Rules per artifact: each value must be a list of non-empty strings; anything else is dropped with a warning. */
function resolveRules(raw: Record<string, unknown>, file: string, lineOf?: LineOf) {
  const rules: Record<string, string[]> = Object.create(null);
  const warnings: string[] = [];
  for (const [id, value] of Object.entries(raw)) {
    if (!Array.isArray(value)) {
      warnings.push(`${at(file, lineOf, ['rules', id])}: rules.${id} must be a list of strings; ignored.`);
      continue;
    }
    const kept = value.filter((r): r is string => typeof r === 'string' && r.trim() !== '');
    if (kept.length < value.length)
      warnings.push(
        `${at(file, lineOf, ['rules', id])}: rules.${id} has empty or non-text entries; they are ignored.`,
      );
    rules[id] = kept;
  }
  return { rules, warnings };
}

function checkContext(context: string, file: string): string | undefined {
  const bytes = new TextEncoder().encode(context).length;
  if (bytes <= MAX_CONTEXT_BYTES) return undefined;
  return `${file}: context is ${Math.ceil(bytes / 1024)} KB, over the 50 KB limit; it is ignored.`;
}

/**
 * Validate a parsed config document field by field, as OpenSpec does: one bad field is dropped with a
 * warning and the rest is kept, so a typo in `rules` never stops `new change` from working. Unknown keys
 * are warnings that name the key and the file (with its line when `lineOf` is given).
 */
export function resolveProjectConfig(doc: unknown, file: string, lineOf?: LineOf): ResolvedProjectConfig {
  if (doc === null || doc === undefined) return { config: {}, warnings: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { config: {}, warnings: [`${file} is not a valid YAML object`] };
  }
  const record = doc as Record<string, unknown>;
  const config: ProjectConfig = {};
  const warnings: string[] = [];
  for (const key of Object.keys(record)) {
    if (key in FIELD_SCHEMAS || STRUCTURED_KEYS.includes(key) || OPENSPEC_ONLY_KEYS.includes(key)) continue;
    const known = [...Object.keys(FIELD_SCHEMAS), ...STRUCTURED_KEYS].join(', ');
    warnings.push(`${at(file, lineOf, [key])}: unknown key '${key}' is ignored (known keys: ${known}).`);
  }
  for (const key of Object.keys(FIELD_SCHEMAS) as Field[]) {
    if (!(key in record)) continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(record[key]);
    if (!parsed.success) warnings.push(FIELD_WARNINGS[key]);
    else if (key === 'rules') {
      const r = resolveRules(parsed.data as Record<string, unknown>, file, lineOf);
      config.rules = r.rules;
      warnings.push(...r.warnings);
    } else if (key === 'context') {
      const tooLarge = checkContext(parsed.data as string, file);
      if (tooLarge) warnings.push(tooLarge);
      else config.context = parsed.data as string;
    } else if (key === 'plan') config.plan = parsed.data as NonNullable<ProjectConfig['plan']>;
    else config[key] = parsed.data as string;
  }
  const invalid = resolveStructured(record, file, lineOf, config);
  warnings.push(...Object.values(invalid));
  return Object.keys(invalid).length > 0 ? { config, warnings, invalid } : { config, warnings };
}

function resolveStructured(
  record: Record<string, unknown>,
  file: string,
  lineOf: LineOf | undefined,
  config: ProjectConfig,
): NonNullable<ResolvedProjectConfig['invalid']> {
  const invalid: NonNullable<ResolvedProjectConfig['invalid']> = {};
  if ('verify' in record) {
    const v = resolveVerifyField(record.verify, file, lineOf);
    if ('steps' in v) config.verify = v.steps;
    else invalid.verify = v.problem;
  }
  if ('trace' in record) {
    const t = resolveTraceField(record.trace, file, lineOf);
    if ('trace' in t) config.trace = t.trace;
    else invalid.trace = t.problem;
  }
  return invalid;
}
