import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A file tree as an object literal: string = file content, null = empty directory. */
export type TreeSpec = Record<string, string | Uint8Array | null>;

/**
 * A fresh temporary directory holding `spec`, removed when the calling test finishes (call it inside a
 * test; hooks registered at import time would run for one file only, as the config shares modules).
 */
export function makeTree(spec: TreeSpec = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'specwright-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeTree(dir, spec);
  return dir;
}

/** Add `spec` to an existing directory. */
function writeTree(dir: string, spec: TreeSpec): void {
  for (const [rel, content] of Object.entries(spec)) {
    const abs = join(dir, rel);
    if (content === null) {
      mkdirSync(abs, { recursive: true });
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
}

/**
 * Every entry under `dir` with its bytes (files), target (symlinks) or `<dir>` marker, keyed by POSIX path.
 * Comparing two snapshots proves a tree is byte-for-byte unchanged, empty directories included.
 */
export function snapshotTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    const abs = join(dir, rel);
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) out[rel] = `<link ${readlinkSync(abs)}>`;
    else if (st.isDirectory()) {
      out[rel] = '<dir>';
      Object.assign(out, snapshotTree(dir, rel));
    } else out[rel] = `${(st.mode & 0o777).toString(8)} ${readFileSync(abs).toString('base64')}`;
  }
  return out;
}
