import pc from 'picocolors';
import type { MergeCounts } from '../../domain/merge/merge.ts';

const VERB = {
  create: 'created',
  update: 'updated',
  unchanged: 'already in sync',
  retire: 'retired',
} as const;

/** One line per spec (`path: updated  +1 ~0 -0 →1`) and a totals line; shared by archive and sync. */
export function renderMergeSummary(
  specs: readonly { target: string; action: keyof typeof VERB; counts: MergeCounts }[],
  totals: MergeCounts,
  color: boolean,
): string[] {
  const c = pc.createColors(color);
  const lines = specs.map((s) => {
    const n = s.counts;
    const counts = `${c.green(`+${n.added}`)} ${c.yellow(`~${n.modified}`)} ${c.red(`-${n.removed}`)} ${c.cyan(`→${n.renamed}`)}`;
    return `  ${c.bold(s.target)}: ${VERB[s.action]}  ${counts}`;
  });
  if (specs.length > 0)
    lines.push(`Totals: +${totals.added} ~${totals.modified} -${totals.removed} →${totals.renamed}`);
  return lines;
}
