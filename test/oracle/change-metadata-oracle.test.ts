import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeMetadataSchema } from '../../src/domain/config/change-metadata.ts';
import {
  CHANGE_METADATA_KEY_ORDER,
  quickChangeMetadata,
} from '../../src/domain/config/change-metadata-quick.ts';
import { assertFastPathAgrees } from './fast-path.ts';

// Differential test: ChangeMetadataSchema (zod) is the oracle. Whatever quickChangeMetadata accepts the
// schema must accept too, with the same output, key order included; what it declines goes to the schema.

const key = fc.oneof(
  { arbitrary: fc.constantFrom(...CHANGE_METADATA_KEY_ORDER), weight: 6 },
  {
    arbitrary: fc.constantFrom('base_at', 'synced', 'goal', 'x', 'constructor', 'toString', '__proto__'),
    weight: 2,
  },
);
const value = fc.oneof(
  fc.constantFrom('spec-driven', 'research-driven', '', ' ', 'x'),
  fc.constantFrom(
    '2026-01-01',
    '2026-13-99',
    '26-01-01',
    '2026-01-01 ',
    '2026-01-01T10:00:00Z',
    '２０２６-01-01',
  ),
  fc.constantFrom('2026-01-01T10:00:00+02:00', '2026-01-01T10:00:00', 'yesterday'),
  fc.constantFrom('2026-12-07T19:55:34.420Z', '2024-02-29T00:00:00.000Z', '2025-02-29T00:00:00.000Z'),
  fc.constantFrom(
    '2026-13-07T19:55:34.420Z',
    '2026-12-07T24:00:00.000Z',
    '2026-12-07T19:55:34.42Z',
    '0000-01-01T00:00:00.000Z',
  ),
  fc
    .date({ min: new Date(-62_000_000_000_000), max: new Date(300_000_000_000_000), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(true, false, 0, 1, Number.NaN, null, undefined),
  fc.constantFrom([], ['a'], {}, { nested: true }),
  fc.string({ maxLength: 12 }),
);
const record = fc.array(fc.tuple(key, value), { maxLength: 7 }).map((pairs) => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of pairs)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
});
// Documents the quick path should take, so that a good share of runs exercises it.
const common = fc
  .record(
    {
      schema: fc.constantFrom('spec-driven', 'research-driven'),
      created: fc.constantFrom('2026-01-01', '2025-12-31'),
      created_at: fc
        .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      base_commit: fc.constantFrom('2d61c904fce7c37913f999238fc54e7d3872a1c0'),
      skip_specs: fc.boolean(),
      retire_capabilities: fc.boolean(),
      goal: fc.constantFrom('faster', 'x'),
    },
    { requiredKeys: ['schema'] },
  )
  .chain((r) => fc.shuffledSubarray(Object.entries(r), { minLength: Object.keys(r).length }))
  .map((entries) => Object.fromEntries(entries));
const input = fc.oneof(
  { arbitrary: common, weight: 3 },
  { arbitrary: record, weight: 4 },
  {
    arbitrary: fc.constantFrom(null, undefined, 'schema: x', 42, ['schema'], Object.create(null)),
    weight: 1,
  },
);

describe('quickChangeMetadata vs ChangeMetadataSchema', () => {
  it('returns exactly what the schema returns for every input it accepts', () => {
    assertFastPathAgrees(
      input,
      quickChangeMetadata,
      (quick, data) => {
        const checked = ChangeMetadataSchema.safeParse(data);
        expect(checked.success).toBe(true);
        expect(Object.entries(quick)).toEqual(Object.entries(checked.data ?? {}));
        expect(Object.getPrototypeOf(quick)).toBe(Object.prototype);
      },
      { numRuns: 4000, minTaken: 1000 },
    );
  });

  it('accepts the metadata `new change` writes and declines what only the schema can judge', () => {
    const written = { schema: 'spec-driven', created: '2026-01-02' };
    expect(quickChangeMetadata(written)).toEqual(written);
    expect(
      quickChangeMetadata({ schema: 'spec-driven', created_at: '2026-01-02T10:00:00Z' }),
    ).toBeUndefined();
    const made = {
      schema: 'spec-driven',
      created: '2026-12-07',
      created_at: '2026-12-07T19:55:34.420Z',
      base_commit: 'abc',
    };
    expect(quickChangeMetadata(made)).toEqual(made);
    expect(quickChangeMetadata({ ...made, created_at: '2025-02-29T00:00:00.000Z' })).toBeUndefined();
    expect(quickChangeMetadata({ schema: '' })).toBeUndefined();
    expect(quickChangeMetadata({ created: '2026-01-02' })).toBeUndefined();
    expect(quickChangeMetadata({ schema: 'x', skip_specs: 'yes' })).toBeUndefined();
    // An own `__proto__` key must not become the prototype of the result.
    const polluted = JSON.parse('{"schema":"x","__proto__":{"polluted":true}}');
    const quick = quickChangeMetadata(polluted);
    if (quick !== undefined) expect((quick as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists the schema keys in the schema order', () => {
    expect(Object.keys(ChangeMetadataSchema.shape)).toEqual([...CHANGE_METADATA_KEY_ORDER]);
  });
});
