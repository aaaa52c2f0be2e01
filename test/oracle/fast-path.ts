import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * The property every fast path with an oracle must hold: on each input it either declines (`undefined`:
 * "ask the oracle") or gives what the oracle gives (`agree` asserts that), and it takes at least
 * `minTaken` inputs, so the property checks something.
 */
export function assertFastPathAgrees<T, R>(
  input: fc.Arbitrary<T>,
  fast: (value: T) => R | undefined,
  agree: (result: R, value: T) => void,
  { numRuns, minTaken }: { numRuns: number; minTaken: number },
): void {
  let taken = 0;
  fc.assert(
    fc.property(input, (value) => {
      const result = fast(value);
      if (result === undefined) return;
      taken++;
      agree(result, value);
    }),
    { numRuns },
  );
  expect(taken).toBeGreaterThan(minTaken);
}
