import type { DeltaOp, DeltaSpec } from '../change/delta.ts';
import type { Issue } from '../issue.ts';
import { foldName } from '../spec/blocks.ts';

/** What the overlap check reads of a delta: everything but its parsed document. */
export type DeltaTouches = Pick<
  DeltaSpec,
  'capability' | 'file' | 'added' | 'modified' | 'removed' | 'renamed'
>;

interface Touch {
  change: string;
  op: DeltaOp;
  name: string;
  file: string;
  line: number;
}

function touchesOf(change: string, delta: DeltaTouches): Touch[] {
  const t = (op: DeltaOp, name: string, line: number): Touch => ({
    change,
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
export function findOverlaps(changes: { name: string; deltas: DeltaTouches[] }[]): Map<string, Issue[]> {
  const byKey = new Map<string, Touch[]>();
  for (const c of changes) {
    for (const d of c.deltas) {
      for (const touch of touchesOf(c.name, d)) {
        const key = `${d.capability}#${foldName(touch.name)}`;
        const list = byKey.get(key) ?? [];
        list.push(touch);
        byKey.set(key, list);
      }
    }
  }
  const out = new Map<string, Issue[]>();
  for (const [key, touches] of byKey) {
    const names = new Set(touches.map((t) => t.change));
    if (names.size < 2) continue;
    const capability = key.slice(0, key.indexOf('#'));
    for (const t of touches) {
      const others = touches.filter((o) => o.change !== t.change).map((o) => `${o.change} (${o.op})`);
      const issue: Issue = {
        level: 'WARNING',
        rule: 'change_overlap',
        message: `${capability}#${t.name} is ${t.op} here and also changed by ${[...new Set(others)].join(', ')}; archive one, then re-check the other against the updated spec.`,
        file: t.file,
        line: t.line + 1,
      };
      out.set(t.change, [...(out.get(t.change) ?? []), issue]);
    }
  }
  return out;
}
