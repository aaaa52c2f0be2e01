#!/usr/bin/env node
// Deterministic generator of an OpenSpec-shaped project for benchmarks.
// Usage: node bench/corpus.mjs <dir> small|large

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildChanges } from './lib/changes.mjs';
import { createRng, seedFrom } from './lib/random.mjs';
import { buildSpecs, renderSpec, toLineEnding } from './lib/specs.mjs';

/** Bump whenever the generated output changes, so cached corpora under .bench/ are regenerated. */
export const GENERATOR_VERSION = 1;
export const STAMP_FILE = 'corpus.json';

export const SIZES = {
  small: { specs: 10, requirements: 10, scenarios: 3, changes: 5 },
  large: { specs: 2000, requirements: 10, scenarios: 3, changes: 300 },
};

function writeText(path, text, crlf = false) {
  mkdirSync(dirname(path), { recursive: true });
  const data = toLineEnding(text, crlf);
  writeFileSync(path, data);
  return Buffer.byteLength(data);
}

/** Writes the corpus under `dir` and returns its stamp (also written to `<dir>/corpus.json`). */
export function generateCorpus(dir, size) {
  const shape = SIZES[size];
  if (!shape) throw new Error(`unknown corpus size '${size}' (expected ${Object.keys(SIZES).join(' or ')})`);
  const root = join(dir, 'openspec');
  if (existsSync(root)) throw new Error(`${root} already exists; delete it first`);
  const rng = createRng(seedFrom(`specwright-bench-${size}-v${GENERATOR_VERSION}`));
  const names = new Set();
  const specs = buildSpecs(rng, shape, names);
  const changes = buildChanges(rng, shape, specs, names);

  let files = 0;
  let bytes = writeText(join(root, 'config.yaml'), 'schema: spec-driven\n');
  bytes +=
    writeText(join(root, 'specs', '.gitkeep'), '') +
    writeText(join(root, 'changes', 'archive', '.gitkeep'), '');
  for (const spec of specs) {
    bytes += writeText(join(root, 'specs', spec.id, 'spec.md'), renderSpec(spec), spec.crlf);
    files++;
  }
  for (const change of changes) {
    for (const [rel, file] of change.files) {
      bytes += writeText(join(root, 'changes', change.name, rel), file.text, file.crlf);
      files++;
    }
  }
  const stamp = {
    generator: GENERATOR_VERSION,
    size,
    ...shape,
    files: files + 3,
    bytes,
    showSpec: specs.find((spec) => !spec.id.includes('/'))?.id ?? specs[0].id,
    archiveChange: changes.map((change) => change.name).sort()[0],
  };
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}

function main(argv) {
  const [dir, size] = argv;
  if (!dir || !SIZES[size]) {
    console.error('usage: node bench/corpus.mjs <dir> small|large');
    return 2;
  }
  const stamp = generateCorpus(resolve(dir), size);
  console.log(
    `${size} corpus in ${resolve(dir)}: ${stamp.files} files, ${(stamp.bytes / 1e6).toFixed(1)} MB`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`corpus: ${error.message}`);
    process.exitCode = 1;
  }
}
