import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseFlatYaml } from '../../src/domain/config/flat-yaml.ts';
import { assertFastPathAgrees } from './fast-path.ts';

// Differential test: js-yaml with the YAML 1.2 core schema (what `parseYamlData` falls back to) is the
// oracle. Whatever `parseFlatYaml` accepts it must read exactly as js-yaml does; what it declines
// (undefined) goes to js-yaml, so declining is always safe.

function oracle(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return 'js-yaml refused';
  }
}

const key = fc.oneof(
  fc.constantFrom('schema', 'created', 'created_at', 'skip_specs', 'retire_capabilities', 'base_at', 'x'),
  fc.constantFrom('_hidden', '__proto__', 'constructor', 'Key9', '9key', 'a-b', 'a b', ''),
);
const value = fc.oneof(
  fc.constantFrom('spec-driven', 'research-driven', 'my/schema', 'v1.2', 'a_b', 'x-', 'e1', 'yes', 'no'),
  fc.constantFrom('true', 'false', 'True', 'FALSE', 'null', 'Null', '~', '', '.inf', '.nan', '-.inf'),
  fc.constantFrom('2026-01-01', '2026-13-99', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00.123+02:00'),
  fc.constantFrom('12', '0x1f', '0o17', '1_000', '+1', '-2.5', '1e3', '0b101', '3.'),
  fc.constantFrom("'quoted'", '"dq"', 'a #c', 'a: b', '[1, 2]', '{a: 1}', '&anchor x', '*ref', '|', '>'),
  fc.constantFrom('a\tb', 'Null-ish', 'NaN', 'Infinity', 'on', 'off', '~x', '@at', '`tick`'),
  fc.constantFrom(
    '2d61c904fce7c37913f999238fc54e7d3872a1c0',
    '2e61',
    '0b101',
    '0b',
    '1e5',
    '0e0',
    '1e',
    'e1',
  ),
  fc.constantFrom('deadbeef', '123abc', '1e5a', '0b2', '0x1f', '00ff', '1d', 'ABC123', '0e', 'ee'),
  fc.stringMatching(/^[0-9a-f]{1,10}$/),
  fc.stringMatching(/^[A-Za-z0-9_.:\-/+]{1,12}$/),
);
const sep = fc.constantFrom(': ', ':  ', ':', ' : ', ':\t');
const trailing = fc.constantFrom('', '', ' ', '  ', '\t', ' # note');
// Lines the fast path should take, so that a good share of documents exercises it.
const plainLine = fc
  .tuple(
    fc.constantFrom('schema', 'created', 'created_at', 'skip_specs', 'base_at'),
    fc.constantFrom(': ', ':  '),
    fc.constantFrom(
      'spec-driven',
      'true',
      'false',
      '2026-01-01',
      '2026-01-01T10:00:00Z',
      'v1.2',
      'yes',
      '2d61c904fce7',
    ),
    fc.constantFrom('', ' '),
  )
  .map(([k, s, v, t]) => `${k}${s}${v}${t}`);
const line = fc.oneof(
  { arbitrary: plainLine, weight: 12 },
  { arbitrary: fc.tuple(key, sep, value, trailing).map(([k, s, v, t]) => `${k}${s}${v}${t}`), weight: 4 },
  { arbitrary: fc.constantFrom('', '# comment', '---', '  indented: x', '- item', 'synced:'), weight: 1 },
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n');
const document = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 6 }), eol, fc.boolean(), fc.boolean())
  .map(([lines, nl, final, bom]) => (bom ? '\uFEFF' : '') + lines.join(nl) + (final ? nl : ''));

describe('parseFlatYaml vs js-yaml (core schema)', () => {
  it('reads every document it accepts exactly as js-yaml does', () => {
    // The fast path must be taken for a real share of documents, or this test checks nothing.
    assertFastPathAgrees(document, parseFlatYaml, (flat, text) => expect(flat).toEqual(oracle(text)), {
      numRuns: 5000,
      minTaken: 250,
    });
  });

  it.each([
    ['schema: spec-driven\ncreated: 2026-01-01\n', { schema: 'spec-driven', created: '2026-01-01' }],
    [
      'schema: x\nskip_specs: true\nretire_capabilities: false',
      { schema: 'x', skip_specs: true, retire_capabilities: false },
    ],
    [
      'created_at: 2026-12-07T17:46:03.120Z\n\nschema: s\n',
      { created_at: '2026-12-07T17:46:03.120Z', schema: 's' },
    ],
  ])('takes the fast path for %j', (text, expected) => {
    expect(parseFlatYaml(text)).toEqual(expected);
    expect(oracle(text)).toEqual(expected);
  });

  it.each([
    ['a comment', 'schema: x # why\n'],
    ['a null-like word', 'schema: Null\n'],
    ['a number', 'schema: 12\n'],
    ['a duplicate key', 'schema: a\nschema: b\n'],
    ['a list', 'synced:\n  - op: ADDED\n'],
    ['CRLF', 'schema: x\r\n'],
    ['an empty document', '\n\n'],
    ['a key starting with an underscore', '__proto__: x\n'],
  ])('leaves %s to js-yaml', (_what, text) => {
    expect(parseFlatYaml(text)).toBeUndefined();
  });
});
