#!/usr/bin/env node
// Times Specwright against OpenSpec on generated corpora and refreshes docs/benchmarks.md.
// Usage: node bench/run.mjs --help

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generateCorpus, SIZES, STAMP_FILE } from './corpus.mjs';
import { buildCases } from './lib/cases.mjs';
import { machineFacts, renderDoc } from './lib/docs.mjs';
import { canMeasureRss, createBenchEnv } from './lib/measure.mjs';
import {
  noteLines,
  REFERENCE_HEADERS,
  RESULT_HEADERS,
  referenceRows,
  resultRows,
  textTable,
} from './lib/report.mjs';
import { measureCase } from './lib/runner.mjs';
import { locateTools } from './lib/tools.mjs';
import { runTraceBench } from './trace.mjs';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
const OPENSPEC_PKG = join(REPO, 'node_modules', '@fission-ai', 'openspec');

const USAGE = `usage: node bench/run.mjs [options]
  --runs N          timed runs per command (default 15)
  --slow-runs N     timed runs for validate --all on large and for archive (default 9)
  --corpus NAME     only this corpus: small or large (default both)
  --only TEXT       only commands whose name contains TEXT (e.g. --only validate)
  --regen           regenerate the corpora under .bench/ even if their stamp matches
  --specwright PATH time this script as Specwright (default bin/specwright.js, once dist/cli.js is built)
  --write-docs      write docs/benchmarks.md (default for a full run)
  --no-write-docs   do not write docs/benchmarks.md`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '15' },
      'slow-runs': { type: 'string', default: '9' },
      corpus: { type: 'string' },
      only: { type: 'string' },
      regen: { type: 'boolean', default: false },
      specwright: { type: 'string' },
      'write-docs': { type: 'boolean' },
      'no-write-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (text, flag) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got '${text}'`);
    return n;
  };
  if (values.corpus && !SIZES[values.corpus]) throw new Error(`--corpus must be small or large`);
  const partial = Boolean(values.corpus || values.only || values.specwright);
  return {
    help: values.help,
    runs: count(values.runs, '--runs'),
    slowRuns: count(values['slow-runs'], '--slow-runs'),
    sizes: values.corpus ? [values.corpus] : Object.keys(SIZES),
    only: values.only,
    regen: values.regen,
    specwright: values.specwright ? resolve(values.specwright) : undefined,
    writeDocs: !values['no-write-docs'] && (values['write-docs'] ?? !partial),
  };
}

/** Reuses `.bench/<size>` when its stamp matches this generator, otherwise (re)generates it. */
function ensureCorpus(size, regen) {
  const dir = join(REPO, '.bench', size);
  const stampPath = join(dir, STAMP_FILE);
  if (!regen && existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.generator === GENERATOR_VERSION && stamp.size === size) return { size, dir, stamp };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const stamp = generateCorpus(dir, size);
  console.error(
    `generated ${size} corpus (${stamp.files} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { size, dir, stamp };
}

function progressLine(c) {
  const part = (r) => (r.status === 'ok' ? `${r.stats.median.toFixed(1)} ms` : r.status);
  const ref = c.results.reference ? `, ${c.results.reference.label} ${part(c.results.reference)}` : '';
  return `  ${c.corpus.padEnd(5)} ${c.command.padEnd(30)} Specwright ${part(c.results.specwright)}, OpenSpec ${part(c.results.openspec)}${ref}`;
}

function printReport(cases) {
  console.log(`\n${textTable(RESULT_HEADERS, resultRows(cases))}`);
  const refs = referenceRows(cases);
  if (refs.length) console.log(`\n${textTable(REFERENCE_HEADERS, refs)}`);
  const notes = noteLines(cases);
  if (notes.length)
    console.log(`\nNotes:\n${notes.map((n) => `- ${n.replaceAll('\n', '\n    ')}`).join('\n')}`);
}

function runAll(options) {
  const started = performance.now();
  const facts = machineFacts(REPO, join(OPENSPEC_PKG, 'package.json'));
  const corpora = options.sizes.map((size) => ensureCorpus(size, options.regen));
  const { env, dispose } = createBenchEnv();
  const workDir = join(REPO, '.bench', 'work');
  const setup = { repo: REPO, env, workDir, rss: canMeasureRss(), ...locateTools(REPO, options.specwright) };
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  console.error(
    `Node ${process.version}, ${facts.nproc} CPUs; Specwright: ${setup.specwrightMissing ?? setup.specwrightSource}`,
  );
  try {
    const cases = buildCases(corpora, options, setup).filter(
      (c) => !options.only || c.command.includes(options.only),
    );
    const measured = cases.map((c) => {
      const result = measureCase(c, setup);
      console.error(progressLine(result));
      return result;
    });
    return { facts, corpora, cases: measured, setup, seconds: (performance.now() - started) / 1000 };
  } finally {
    dispose();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function main(argv) {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (Number(process.versions.node.split('.')[0]) < 22)
    console.error(`warning: Node ${process.version} is too old`);
  const run = runAll(options);
  printReport(run.cases);
  // Scanning 10,000 files with `trace` (bench/trace.mjs); its figure is quoted in docs/verification.md.
  if (!options.only || 'trace --json'.includes(options.only)) runTraceBench();
  console.log(`\nTotal time ${run.seconds.toFixed(0)} s.`);
  if (options.writeDocs) {
    const path = join(REPO, 'docs', 'benchmarks.md');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, renderDoc({ ...run, options }));
    console.log(`Wrote ${relative(process.cwd(), path) || path}.`);
  }
  const failed = run.cases.some((c) => Object.values(c.results).some((r) => r.status === 'failed'));
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
