/**
 * Order strings by Unicode code point, the order OpenSpec uses for ids and names.
 * `a < b` compares UTF-16 code units, which puts U+E000..U+FFFF after astral characters;
 * comparing code points keeps listings identical across tools and platforms.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
