// Locating the two CLIs. Specwright is copied to .bench/specwright first, so a rebuild of dist/ by someone
// else while the bench runs cannot break or change the code being measured.

import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a built Specwright needs at runtime: the launcher, the bundle, and package.json for "type": "module". */
const SNAPSHOT_ENTRIES = ['package.json', 'bin', 'dist', 'assets'];

function snapshotSpecwright(repo) {
  const target = join(repo, '.bench', 'specwright');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of SNAPSHOT_ENTRIES) {
    const source = join(repo, entry);
    if (existsSync(source)) cpSync(source, join(target, entry), { recursive: true });
  }
  return target;
}

/**
 * { specwrightBin, specwrightMissing, specwrightSource, openspecBin, baselinePath }. `override` times another
 * script as Specwright, in place. specwrightBin is null (and specwrightMissing says why) when not built.
 */
export function locateTools(repo, override) {
  const common = {
    openspecBin: join(repo, 'node_modules', '@fission-ai', 'openspec', 'bin', 'openspec.js'),
    baselinePath: join(repo, 'bench', 'baseline-read.mjs'),
  };
  if (override) {
    const found = existsSync(override);
    const missing = found ? undefined : `${override} does not exist`;
    return {
      ...common,
      specwrightBin: found ? override : null,
      specwrightMissing: missing,
      specwrightSource: override,
    };
  }
  if (!existsSync(join(repo, 'dist', 'cli.js'))) {
    const missing = 'dist/cli.js is missing (build it with node scripts/build.mjs)';
    return { ...common, specwrightBin: null, specwrightMissing: missing, specwrightSource: 'dist/cli.js' };
  }
  const snapshot = snapshotSpecwright(repo);
  const launcher = existsSync(join(snapshot, 'bin', 'specwright.js')) ? 'bin/specwright.js' : 'dist/cli.js';
  return {
    ...common,
    specwrightBin: join(snapshot, launcher),
    specwrightMissing: undefined,
    specwrightSource: `${launcher} (copied with dist/ to ${relative(repo, snapshot)}/)`,
  };
}
