import type { DeltaOp, DeltaSpec } from '../change/delta.ts';
import type { Issue } from '../issue.ts';
import { foldName } from '../spec/blocks.ts';

/** One requirement a change's delta touches: all the overlap check keeps of a change. */
export interface Touch {
  change: string;
  capability: string;
  op: DeltaOp;
  name: string;
  file: string;
  /** 0-based line in the delta file. */
  line: number;
}

/** Every requirement `delta` of `change` adds, modifies, removes or renames (by its current name). */
export function touchesOf(change: string, delta: DeltaSpec): Touch[] {
  const t = (op: DeltaOp, name: string, line: number): Touch => ({
    change,
    capability: delta.capability,
    op,
    name,
    file: delta.file,
    line,
  });
  return [
    ...delta.added.map((r) => t('ADDED', r.name, r.line)),
    ...delta.modified.map((r) => t('MODIFIED', r.name, r.line)),
    ...delta.removed.map((r) => t('REMOVED', r.name, r.line)),
    ...delta.renamed.map((r) => t('RENAMED', r.from, r.line)),
  ];
}

/**
 * Requirements that two or more open changes touch. Each change gets a WARNING naming the others,
 * because whichever is archived second was written against a spec that will have changed.
 */
export function findOverlaps(touches: Touch[]): Map<string, Issue[]> {
  const byKey = new Map<string, Touch[]>();
  for (const touch of touches) {
    const key = `${touch.capability}#${foldName(touch.name)}`;
    const list = byKey.get(key) ?? [];
    list.push(touch);
    byKey.set(key, list);
  }
  const out = new Map<string, Issue[]>();
  for (const group of byKey.values()) {
    const names = new Set(group.map((t) => t.change));
    if (names.size < 2) continue;
    for (const t of group) {
      const others = group.filter((o) => o.change !== t.change).map((o) => `${o.change} (${o.op})`);
      const issue: Issue = {
        level: 'WARNING',
        rule: 'change_overlap',
        message: `${t.capability}#${t.name} is ${t.op} here and also changed by ${[...new Set(others)].join(', ')}; archive one, then re-check the other against the updated spec.`,
        file: t.file,
        line: t.line + 1,
      };
      out.set(t.change, [...(out.get(t.change) ?? []), issue]);
    }
  }
  return out;
}
