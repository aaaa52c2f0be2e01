import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelta } from '../change/delta.ts';
import { planMerge } from '../merge/merge.ts';
import { foldName, scenarioBody } from './blocks.ts';
import { countRequirements, parseSpec } from './parse-spec.ts';
import { renderSpec, type SpecModel } from './render-spec.ts';

const word = fc.constantFrom(
  'alpha',
  'Beta',
  'γάμμα',
  '登录',
  'Вход',
  'émoji🚀',
  'C#',
  'x-y',
  'data',
  'rate',
);
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const proseLine = fc
  .array(
    fc.constantFrom('the', 'system', 'SHALL', 'MUST', 'log', 'users', '`code`', '**bold**', '|', 'a|b'),
    { minLength: 2, maxLength: 8 },
  )
  .map((w) => w.join(' '));
const fence = fc.constantFrom(
  '```\n### Requirement: Fake\n#### Scenario: fake\n```',
  '~~~md\n## ADDED Requirements\n~~~',
);
const body = fc
  .tuple(proseLine, fc.option(fence, { nil: undefined }), fc.option(proseLine, { nil: undefined }))
  .map(([a, f, b]) => ['The system SHALL keep this.', a, f, b].filter((x) => x !== undefined).join('\n'));
const steps = fc
  .array(fc.tuple(fc.constantFrom('GIVEN', 'WHEN', 'THEN', 'AND'), proseLine), { minLength: 1, maxLength: 4 })
  .map((s) => s.map(([k, t]) => `- **${k}** ${t}`).join('\n'));

const model: fc.Arbitrary<SpecModel> = fc.record({
  title: name,
  purpose: proseLine.map((p) => `${p} — a purpose long enough to be a real sentence.`),
  requirements: fc.uniqueArray(
    fc.record({
      name,
      text: body,
      scenarios: fc.uniqueArray(fc.record({ name, body: steps }), {
        minLength: 1,
        maxLength: 3,
        selector: (s) => s.name,
      }),
    }),
    { minLength: 1, maxLength: 5, selector: (r) => r.name.toLowerCase() },
  ),
});

function modelOf(text: string): SpecModel {
  const spec = parseSpec(text);
  return {
    title: spec.title?.text ?? '',
    purpose: spec.purpose?.text ?? '',
    requirements: spec.requirements.map((r) => ({
      name: r.name,
      text: r.text,
      scenarios: r.scenarios.map((s) => ({ name: s.name, body: scenarioBody(spec.doc, s) })),
    })),
  };
}

describe('spec round trips', () => {
  it('countRequirements agrees with parseSpec', () => {
    fc.assert(
      fc.property(
        model,
        fc.constantFrom('', '### Notes\nx\n', '## Other\n### Requirement: Outside\n'),
        (m, tail) => {
          const text = renderSpec(m) + tail;
          expect(countRequirements(text)).toBe(parseSpec(text).requirements.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('parse → render → parse is stable (LF and CRLF)', () => {
    fc.assert(
      fc.property(model, fc.boolean(), (m, crlf) => {
        const text = renderSpec(m, crlf ? '\r\n' : '\n');
        const parsed = modelOf(text);
        expect(parsed).toEqual(m);
        expect(modelOf(renderSpec(parsed))).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });

  it('archiving an ADDED requirement, then its REMOVED, restores the spec byte for byte', () => {
    fc.assert(
      fc.property(model, fc.record({ name, text: body, body: steps }), fc.boolean(), (m, extra, crlf) => {
        fc.pre(!m.requirements.some((r) => r.name.toLowerCase() === extra.name.toLowerCase()));
        const original = renderSpec(m, crlf ? '\r\n' : '\n');
        const merge = (main: string, deltaText: string) => {
          const delta = parseDelta(deltaText, 'cap', 'd/spec.md');
          return planMerge({
            delta,
            mainText: main,
            target: 'openspec/specs/cap/spec.md',
            changeName: 'c',
            retire: false,
          });
        };
        const added = merge(
          original,
          `## ADDED Requirements\n### Requirement: ${extra.name}\n${extra.text}\n\n#### Scenario: s\n${extra.body}\n`,
        );
        expect(added.issues.filter((i) => i.level === 'ERROR')).toEqual([]);
        const removed = merge(
          added.text as string,
          `## REMOVED Requirements\n- \`### Requirement: ${extra.name}\`\n**Reason**: r\n**Migration**: m\n`,
        );
        expect(removed.issues.filter((i) => i.level === 'ERROR')).toEqual([]);
        expect(removed.text).toBe(original);
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldName', () => {
  it('equals lower-casing, collapsing every whitespace run and trimming', () => {
    const ws = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u202f', '\u3000', '\n', '');
    const text = fc
      .array(fc.oneof(fc.constantFrom('Aa', 'ÉÈ', 'x', '登录'), ws), { maxLength: 8 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(foldName(s)).toBe(s.toLowerCase().replace(/\s+/g, ' ').trim());
      }),
    );
  });
});
