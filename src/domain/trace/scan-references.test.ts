import { describe, expect, it } from 'vitest';
import { type ScanOptions, scanReferences } from './scan-references.ts';

const code: ScanOptions = { file: 'src/a.ts', isTest: false, isCapability: (c) => c === 'auth' };
const test: ScanOptions = { ...code, file: 'test/a.test.ts', isTest: true };

describe('scanReferences: @spec markers', () => {
  it.each([
    ['// @spec auth#Login/Successful login', 'auth#Login/Successful login'],
    ['# @spec auth#Login', 'auth#Login'],
    ['/* @spec auth#Login/Ok */', 'auth#Login/Ok'],
    ['<!-- @spec auth#Login/Ok -->', 'auth#Login/Ok'],
    [' * @spec   auth#Login/Ok  ', 'auth#Login/Ok'],
    ['-- @spec auth#Login', 'auth#Login'],
    ['{# @spec auth#Login #}', 'auth#Login'],
  ])('%j', (line, text) => {
    const found = scanReferences(`x\n${line}\n`, code);
    expect(found.map((f) => [f.text, f.line, f.kind, f.via])).toEqual([[text, 2, 'code', 'comment']]);
  });

  it('reads several references on one line and keeps offsets exact', () => {
    const text = 'a\r\nb // @spec auth#Login/Ok, billing#Invoices, auth#A, B/C\n';
    const found = scanReferences(text, code);
    expect(found.map((f) => f.text)).toEqual(['auth#Login/Ok', 'billing#Invoices', 'auth#A, B/C']);
    for (const f of found) expect(text.slice(f.offset, f.offset + f.text.length)).toBe(f.text);
    expect(found.every((f) => f.line === 2)).toBe(true);
  });

  it('reports a marker that is not a reference (no ref parsed) and ignores lookalikes', () => {
    const found = scanReferences('// @spec see the docs\nuser@spec.org\nconst x = "@specs";\n', code);
    expect(found.map((f) => [f.text, f.ref])).toEqual([['see the docs', undefined]]);
  });

  it('counts line numbers across many matches', () => {
    const text = Array.from({ length: 5 }, (_, i) => `// @spec auth#R${i}`).join('\n');
    expect(scanReferences(text, code).map((f) => f.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks references in test files as tests', () => {
    expect(scanReferences('// @spec auth#Login', test)[0]?.kind).toBe('test');
  });
});

describe('scanReferences: test titles', () => {
  it.each([
    ["it('auth#Login/Successful login: creates a session', () => {})", 'auth#Login/Successful login'],
    ['test("auth#Login", () => {})', 'auth#Login'],
    ['describe.only(`auth#Login/Ok: x`, () => {})', 'auth#Login/Ok'],
    ["it('[auth#Login/Ok] works')", 'auth#Login/Ok'],
    ['t.Run("auth#Login/Ok: go", func(t *testing.T) {})', 'auth#Login/Ok'],
    ["test.skip('auth#Login/Ok')", 'auth#Login/Ok'],
  ])('%s', (source, ref) => {
    const found = scanReferences(`\n\n${source}\n`, test);
    expect(found.map((f) => [f.text, f.line, f.via])).toEqual([[ref, 3, 'title']]);
    expect(found[0]?.quote).toMatch(/['"`]/);
  });

  it('ignores titles that do not start with a known capability, and template titles with placeholders', () => {
    const source = [
      "it('issue#12 regression')",
      "it('handles auth#Login later in the title')",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a placeholder
      'it(`auth#${name}`)',
      "submit('auth#Login')",
    ].join('\n');
    expect(scanReferences(source, test)).toEqual([]);
  });

  it('does not read titles in code files', () => {
    expect(scanReferences("it('auth#Login')", code)).toEqual([]);
  });

  it('orders markers and titles by position', () => {
    const source = "// @spec auth#A\nit('auth#B: x')\n// @spec auth#C\n";
    expect(scanReferences(source, test).map((f) => f.text)).toEqual(['auth#A', 'auth#B', 'auth#C']);
  });
});
