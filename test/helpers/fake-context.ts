import type { CliContext } from '../../src/cli/context.ts';

/** A fixed instant, so relative times and `created` dates in tests are deterministic. */
export const FIXED_NOW = new Date('2026-03-04T05:06:07.000Z');

/** A CliContext for in-process command tests: no TTY, no colour, a fixed clock. */
export function fakeContext(cwd: string, overrides: Partial<CliContext> = {}): CliContext {
  return {
    cwd,
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: false,
    color: false,
    now: () => FIXED_NOW,
    ...overrides,
  };
}
