import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { rewriteBuiltinImports } from '../../scripts/builtin-imports.mjs';

const rewrite = rewriteBuiltinImports as (code: string) => string;

/** Evaluate a rewritten chunk body (no imports left) and return what it exports as `out`. */
function run(code: string): Record<string, unknown> {
  return new Function(`${code}; return out;`)() as Record<string, unknown>;
}

describe('rewriteBuiltinImports', () => {
  it('turns named, renamed, default and namespace imports of node: built-ins into getBuiltinModule', () => {
    const code = [
      'import{basename as a,join}from"node:path";',
      'import b from"node:process";',
      'import*as c from"node:fs";',
      'import d,{sep as e}from"node:path";',
      'const out={a,join,b,c,d,e};',
    ].join('');
    const rewritten = rewrite(code);
    expect(rewritten).not.toMatch(/\bimport\b/);
    const out = run(rewritten);
    const path = process.getBuiltinModule('node:path');
    expect(out).toEqual({
      a: path.basename,
      join: path.join,
      b: process,
      c: process.getBuiltinModule('node:fs'),
      d: path,
      e: path.sep,
    });
  });

  it('works when a chunk binds the name process itself', () => {
    const code = 'import process from"node:process";import{join}from"node:path";const out={process,join};';
    const out = run(rewrite(code));
    expect(out.process).toBe(globalThis.process);
    expect(out.join).toBe(globalThis.process.getBuiltinModule('node:path').join);
  });

  it('reads unminified declarations too', () => {
    const code =
      'import { basename as base } from \'node:path\';\nimport * as os from "node:os";\nconst out = { base, os };\n';
    const out = run(rewrite(code));
    expect(out.base).toBe(process.getBuiltinModule('node:path').basename);
    expect(out.os).toBe(process.getBuiltinModule('node:os'));
  });

  it('leaves other imports, bare imports and everything after the first statement alone', () => {
    const code =
      'import{n as e}from"./cli-json-J8mlWcwg.js";import"node:fs";const s=`import{x}from"node:fs";`;';
    expect(rewrite(code)).toBe(code);
    const later = 'const a=1;import{join}from"node:path";';
    expect(rewrite(later)).toBe(later);
  });
});
