import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare-code-points.ts';

describe('compareCodePoints', () => {
  it('orders astral characters after the BMP, unlike UTF-16 comparison', () => {
    const ids = ['\u{1F600}', '\uFF21', 'b', 'B', 'a/b', 'a'];
    expect([...ids].sort(compareCodePoints)).toEqual(['B', 'a', 'a/b', 'b', '\uFF21', '\u{1F600}']);
  });
});
