import { CliError } from '../domain/errors.ts';

/** A whole number >= 1 given to `flag`, or undefined when absent; anything else is a usage error (exit 2). */
export function positiveInteger(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CliError(
      'invalid_option',
      `${flag} takes a whole number of 1 or more, not '${String(value)}'.`,
      {
        exitCode: 2,
      },
    );
  }
  return n;
}
