import { describe, expect, it } from 'vitest';
import { formatLocalDate } from './local-date.ts';

describe('formatLocalDate', () => {
  it('uses the local calendar day', () => {
    expect(formatLocalDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(formatLocalDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
