#!/usr/bin/env node
// Bare-Node reference for `validate --all`: read every file under openspec/specs and openspec/changes
// synchronously, split it into lines, print the line count. Nothing else.
// Usage: node bench/baseline-read.mjs <root>

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function countLines(dir) {
  let lines = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) lines += countLines(path);
    else if (entry.isFile()) lines += readFileSync(path, 'utf8').split('\n').length;
  }
  return lines;
}

const root = process.argv[2] ?? '.';
const total = countLines(join(root, 'openspec', 'specs')) + countLines(join(root, 'openspec', 'changes'));
console.log(total);
