// The common `.openspec.yaml` checked without zod, so that `validate --all` over hundreds of changes does
// not load it. ChangeMetadataSchema (change-metadata.ts) stays the definition: this accepts only inputs
// the schema certainly accepts and returns exactly what the schema would return (the same keys, in the
// same order); everything else is `undefined`, "ask the schema". test/oracle/change-metadata-oracle.test.ts
// holds the two together.

import type { ChangeMetadata } from './change-metadata.ts';

/** Keys written first, in this order, so files stay diff-friendly; any other keys follow as found. */
export const CHANGE_METADATA_KEY_ORDER = [
  'schema',
  'created',
  'created_at',
  'skip_specs',
  'retire_capabilities',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The shape `Date.prototype.toISOString` gives for years 0-9999, as `new change` writes `created_at`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant exactly as toISOString writes it: a real date and time, which the schema's datetime takes. */
function isCanonicalInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

/** Whether the value of a present key is one the schema certainly accepts (other instants are left to it). */
function quickValue(key: (typeof CHANGE_METADATA_KEY_ORDER)[number], value: unknown): boolean {
  switch (key) {
    case 'schema':
      return typeof value === 'string' && value.length > 0;
    case 'created':
      return typeof value === 'string' && DATE.test(value);
    case 'created_at':
      return isCanonicalInstant(value);
    default:
      return typeof value === 'boolean';
  }
}

/**
 * Metadata as ChangeMetadataSchema would parse it (schema keys first in their order, then the other keys
 * as found), or `undefined` when the schema has to decide: anything unusual and every invalid input.
 */
export function quickChangeMetadata(data: unknown): ChangeMetadata | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const input = data as Record<string, unknown>;
  if (!Object.hasOwn(input, 'schema')) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of CHANGE_METADATA_KEY_ORDER) {
    if (!Object.hasOwn(input, key)) continue;
    if (!quickValue(key, input[key])) return undefined;
    out[key] = input[key];
  }
  for (const key of Object.keys(input)) {
    // An own `__proto__` key (js-yaml can produce one) would set the prototype here: the schema decides.
    if (key === '__proto__') return undefined;
    if (!Object.hasOwn(out, key)) out[key] = input[key];
  }
  return out as ChangeMetadata;
}
