#!/usr/bin/env node
// Cold-start timing of the built CLI against a bare `node -e 0`, median of N fresh processes each.
// Usage: node scripts/build.mjs && node bench/startup.mjs [runs=20]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 20);
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

// A small project so `list --json` does real work: 10 changes with tasks, 10 specs.
const project = mkdtempSync(join(tmpdir(), 'specwright-startup-'));
for (let i = 0; i < 10; i++) {
  mkdirSync(join(project, `openspec/changes/change-${i}`), { recursive: true });
  writeFileSync(
    join(project, `openspec/changes/change-${i}/tasks.md`),
    '## 1. A\n- [x] 1.1 a\n- [ ] 1.2 b\n',
  );
  mkdirSync(join(project, `openspec/specs/cap-${i}`), { recursive: true });
  writeFileSync(join(project, `openspec/specs/cap-${i}/spec.md`), '## Requirements\n### Requirement: A\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}`);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

const cases = [
  ['node -e 0', ['-e', '0']],
  ['specwright --version', [cli, '--version']],
  ['specwright --help', [cli, '--help']],
  ['specwright list --json', [cli, 'list', '--json']],
  ['specwright list --specs --json', [cli, 'list', '--specs', '--json']],
];
try {
  const base = time(cases[0][1]);
  console.log(`node ${process.version}, ${runs} runs each, median (min) ms, +delta vs node -e 0`);
  for (const [name, args] of cases) {
    const t = name === 'node -e 0' ? base : time(args);
    const delta = t.median - base.median;
    console.log(
      `${name.padEnd(32)} ${t.median.toFixed(1).padStart(6)} (${t.min.toFixed(1)})  ${delta >= 0 ? '+' : ''}${delta.toFixed(1)}`,
    );
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
