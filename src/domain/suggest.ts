/** Edit distance between two strings (insert, delete, substitute), on code units. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * The names closest to `input`, best first: substring matches, then small edit distances
 * (at most a third of the longer name, minimum 2). At most `limit` names.
 */
export function closestNames(input: string, names: readonly string[], limit = 5): string[] {
  const needle = input.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const hay = name.toLowerCase();
    const d = editDistance(needle, hay);
    const contains = needle.length >= 3 && (hay.includes(needle) || needle.includes(hay));
    const bound = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (contains) scored.push({ name, score: d / 10 });
    else if (d <= bound) scored.push({ name, score: d });
  }
  scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.name);
}
