#!/usr/bin/env node
// `npm test`: build, run every test once, then print one plain summary line that CI logs and agents can grep.
// Extra arguments go to vitest (`npm test -- src/io`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(root, '.vitest-report.json');

// First line of the log: proves which Node ran the suite (the machine's default Node 20 is too old).
console.log(`node ${process.version}`);
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Node ${process.version} is too old: Specwright needs Node 22.12 or newer (develop on 24).`);
  console.error('Put node_modules/.bin first on PATH: export PATH="$PWD/node_modules/.bin:$PATH"');
  process.exit(1);
}

function run(args) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

if (run([join(root, 'scripts/build.mjs')]) !== 0) {
  console.error('build failed');
  process.exit(1);
}

rmSync(REPORT, { force: true });
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const status = run([
  vitest,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${REPORT}`,
  ...process.argv.slice(2),
]);

if (!existsSync(REPORT)) {
  console.log('0 passed, 0 failed');
  console.error(`vitest exited with ${status} and wrote no report`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A file that fails to load counts as a failed suite with no failed test: it must still fail the run.
const brokenSuites = report.numFailedTestSuites ?? 0;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
if (brokenSuites > 0 && failed === 0) console.error(`${brokenSuites} test file(s) failed to run`);
if (passed + failed === 0) console.error('no tests ran');
process.exit(failed > 0 || brokenSuites > 0 || passed + failed === 0 || status !== 0 ? 1 : 0);
