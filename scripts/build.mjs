#!/usr/bin/env node
// Bundle the CLI and the public API with rolldown. Every dependency is inlined, so the published package
// has no runtime dependencies; each command is its own chunk, loaded by `import()` only when it runs.
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { builtinsWithoutFacades } from './builtin-imports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The version is inlined so `--version` needs neither package.json nor a JSON parse at runtime. */
const transform = {
  target: 'node22',
  define: { __SPECWRIGHT_VERSION__: JSON.stringify(pkg.version) },
};

async function bundle(outDir, name, input) {
  const build = await rolldown({
    input: { [name]: join(root, input) },
    platform: 'node',
    transform,
    plugins: name === 'cli' ? [builtinsWithoutFacades] : [],
    // Node built-ins stay imports; everything from node_modules is inlined.
    external: [/^node:/],
    logLevel: 'warn',
  });
  const out = await build.write({
    dir: outDir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: `chunks/${name}-[name]-[hash].js`,
    minify: true,
  });
  await build.close();
  return out.output.length;
}

const started = performance.now();
// Build beside dist/ and swap it in with renames, so a CLI test running meanwhile (several people and
// test runs share this checkout) sees the old or the new bundle, never a half-deleted one.
const dist = join(root, 'dist');
const staging = join(root, `.dist-build-${process.pid}`);
const retired = join(root, `.dist-old-${process.pid}`);
/** Replace dist/ by `staging`; retried because a concurrent build may swap in its own dist/ in between. */
function swapIn() {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(dist, retired);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    try {
      renameSync(staging, dist);
      return;
    } catch (e) {
      if ((e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') || attempt >= 3) throw e;
      rmSync(retired, { recursive: true, force: true });
    }
  }
}

try {
  const files =
    (await bundle(staging, 'cli', 'src/cli/main.ts')) + (await bundle(staging, 'index', 'src/index.ts'));
  swapIn();
  console.log(`built dist/ (${files} files) in ${Math.round(performance.now() - started)} ms`);
} finally {
  rmSync(staging, { recursive: true, force: true });
  rmSync(retired, { recursive: true, force: true });
}
