#!/usr/bin/env node
// Times `specwright trace --json` on a generated git repository of 10,000 source and test files
// (references in comments and test titles, 600 scenarios), as a fresh process each run: what a CI job
// or a developer actually waits for. Usage: node scripts/build.mjs && node bench/trace.mjs [--runs N]
// `npm run bench` runs it too (bench/run.mjs), unless --only names something else.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
const CORPUS = join(REPO, '.bench', 'trace-10k');
const STAMP = join(REPO, '.bench', 'trace-10k.stamp.json');
const GENERATOR = 1;
const FILES = 10_000;
const CAPABILITIES = 20;
const REQUIREMENTS = 10;
const SCENARIOS = 3;

function git(cwd, ...args) {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function write(root, rel, text) {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function spec(c) {
  const reqs = [];
  for (let r = 0; r < REQUIREMENTS; r++) {
    const scenarios = [];
    for (let s = 0; s < SCENARIOS; s++)
      scenarios.push(
        `#### Scenario: Case ${s}\n- **WHEN** input ${s} arrives\n- **THEN** output ${s} is produced\n`,
      );
    reqs.push(`### Requirement: Rule ${r}\nThe system SHALL apply rule ${r}.\n\n${scenarios.join('\n')}`);
  }
  return `# cap-${c} Specification\n\n## Purpose\nGenerated capability ${c} for the trace benchmark, long enough to be valid.\n\n## Requirements\n\n${reqs.join('\n')}`;
}

/** Roughly 2 KB of code-like text per file; every 10th source file and every test file carries references. */
function sourceFile(i) {
  const ref = `cap-${i % CAPABILITIES}#Rule ${i % REQUIREMENTS}/Case ${i % SCENARIOS}`;
  const body = Array.from(
    { length: 40 },
    (_, k) => `export function f${i}_${k}(x) { return x * ${k} + ${i}; } // plain code`,
  ).join('\n');
  return `${i % 10 === 0 ? `// @spec ${ref}\n` : ''}${body}\n`;
}

function testFile(i) {
  const ref = `cap-${i % CAPABILITIES}#Rule ${(i >> 1) % REQUIREMENTS}/Case ${i % SCENARIOS}`;
  const cases = Array.from(
    { length: 8 },
    (_, k) => `it('${k === 0 ? `${ref}: ` : ''}case ${k}', () => {\n  expect(f(${k})).toBe(${k});\n});`,
  );
  return `import { expect, it } from 'vitest';\n\n${cases.join('\n\n')}\n`;
}

function generate() {
  rmSync(CORPUS, { recursive: true, force: true });
  mkdirSync(CORPUS, { recursive: true });
  for (let c = 0; c < CAPABILITIES; c++) write(CORPUS, `openspec/specs/cap-${c}/spec.md`, spec(c));
  write(CORPUS, 'openspec/config.yaml', 'schema: spec-driven\n');
  const tests = FILES * 0.3;
  for (let i = 0; i < FILES - tests; i++) write(CORPUS, `src/mod-${i % 100}/file-${i}.ts`, sourceFile(i));
  for (let i = 0; i < tests; i++) write(CORPUS, `test/mod-${i % 100}/file-${i}.test.ts`, testFile(i));
  git(CORPUS, 'init', '-q', '-b', 'main');
  git(CORPUS, 'add', '-A');
  writeFileSync(STAMP, JSON.stringify({ generator: GENERATOR, files: FILES }));
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Generate (or reuse) the corpus, time N runs, print and return the figures. */
export function runTraceBench({ runs = 10 } = {}) {
  const cli = join(REPO, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run node scripts/build.mjs first');
  const stamp = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, 'utf8')) : undefined;
  if (stamp?.generator !== GENERATOR) generate();
  const times = [];
  let doc;
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'trace', '--json'], {
      cwd: CORPUS,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`trace exited with ${r.status}: ${r.stderr}`);
    doc = JSON.parse(r.stdout);
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  const result = {
    files: doc.files.scanned,
    references: doc.files.references,
    scenarios: doc.coverage.overall.total,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    runs,
  };
  console.log(
    `trace --json on ${result.files} files (${result.references} references, ${result.scenarios} scenarios): ` +
      `median ${result.median.toFixed(0)} ms (min ${result.min.toFixed(0)}, max ${result.max.toFixed(0)}, ${runs} runs, node ${process.version})`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
  runTraceBench({ runs: Number(values.runs) });
}
