import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../domain/errors.ts';

/** How far up from this module `assets/` may be: src/io/ in development, dist/ or dist/chunks/ when built. */
const MAX_LEVELS = 4;

let cached: string | undefined;

function isDir(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Absolute path of the package's `assets/schemas/` (the built-in workflow schemas). Found by walking up
 * from this module, because the same code runs from `src/io/` under tests and from a bundle chunk in
 * `dist/` once built; `assets/` always sits beside both.
 */
export function builtinSchemasDir(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const candidate = join(dir, 'assets', 'schemas');
    if (isDir(candidate)) {
      cached = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new CliError(
    'assets_missing',
    'The built-in schemas (assets/schemas/) are missing from this install.',
    {
      fix: 'Reinstall specwright.',
    },
  );
}
