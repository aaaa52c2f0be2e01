// Used by scripts/build.mjs for the CLI bundle; tested in test/build/builtin-imports.test.ts.

/** An import declaration at the top of a chunk: its clause (empty for a bare import) and its source. */
const IMPORT = /\s*import\s*(?:([^;'"`]*?)\s*from\s*)?(["'])([^"']+)\2\s*;?/y;

/** `{a as b, c}` → `{a: b, c}`, for a destructuring declaration. */
function destructuring(named) {
  return named.replace(/([\w$]+)\s+as\s+([\w$]+)/g, '$1: $2');
}

/**
 * Node built-ins imported as ES modules cost ≈ 6 ms per run: Node builds each one's ESM facade by reading
 * every export, which loads what lazy getters stand for (`fs.promises`, streams, readline, workers...).
 * `process.getBuiltinModule` (Node >= 22.3) returns the same exports object without a facade. The
 * declarations rolldown puts at the top of a CLI chunk are rewritten to it; nothing else is touched.
 */
export function rewriteBuiltinImports(code) {
  let out = '';
  let at = 0;
  for (;;) {
    IMPORT.lastIndex = at;
    const m = IMPORT.exec(code);
    if (!m) break;
    const [whole, clause = '', , source] = m;
    at += whole.length;
    if (!source.startsWith('node:') || clause === '') {
      out += whole;
      continue;
    }
    // Through globalThis: a chunk may itself bind the name `process` (`import process from "node:process"`),
    // and `const process=process.getBuiltinModule(…)` would read that binding before it is initialised.
    const mod = `globalThis.process.getBuiltinModule(${JSON.stringify(source)})`;
    const brace = clause.indexOf('{');
    const head = (brace === -1 ? clause : clause.slice(0, brace)).replace(/,\s*$/, '').trim();
    if (head !== '') out += `const ${head.replace(/^\*\s*as\s+/, '')}=${mod};`;
    if (brace !== -1) out += `const${destructuring(clause.slice(brace))}=${mod};`;
  }
  return out + code.slice(at);
}

/** The rolldown plugin: every rendered chunk goes through `rewriteBuiltinImports`. */
export const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  renderChunk: (code) => rewriteBuiltinImports(code),
};
