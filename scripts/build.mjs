#!/usr/bin/env node
// Bundle the CLI and the public API with rolldown. Every dependency is inlined, so the published package
// has no runtime dependencies; each command is its own chunk, loaded by `import()` only when it runs.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The version is inlined so `--version` needs neither package.json nor a JSON parse at runtime. */
const transform = {
  target: 'node22',
  define: { __SPECWRIGHT_VERSION__: JSON.stringify(pkg.version) },
};

async function bundle(name, input) {
  const build = await rolldown({
    input: { [name]: join(root, input) },
    platform: 'node',
    transform,
    // Node built-ins stay imports; everything from node_modules is inlined.
    external: [/^node:/],
    logLevel: 'warn',
  });
  const out = await build.write({
    dir: join(root, 'dist'),
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: `chunks/${name}-[name]-[hash].js`,
    minify: true,
  });
  await build.close();
  return out.output.length;
}

const started = performance.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });
const files = (await bundle('cli', 'src/cli/main.ts')) + (await bundle('index', 'src/index.ts'));
console.log(`built dist/ (${files} files) in ${Math.round(performance.now() - started)} ms`);
