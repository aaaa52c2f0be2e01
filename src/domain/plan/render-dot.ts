import { planEdges, planGroups, taskLabel } from './plan-edges.ts';
import type { TaskPlan } from './plan-tasks.ts';

/** A DOT double-quoted string. */
function q(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * A Graphviz digraph of the plan: one `cluster_` subgraph per wave, dependency edges, dashed edges for
 * resource waits, the critical path drawn bold red and done tasks filled grey.
 */
export function renderDot(plan: TaskPlan): string {
  const critical = new Set(plan.criticalPath.tasks);
  const out = [
    'digraph plan {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor=white];',
  ];
  for (const g of planGroups(plan)) {
    out.push(`  subgraph ${q(`cluster_${g.key}`)} {`, `    label=${q(g.title)};`);
    for (const t of g.tasks) {
      const attrs = [`label=${q(taskLabel(t))}`];
      if (t.done) attrs.push('fillcolor="#e8f5e9"');
      if (critical.has(t.id)) attrs.push('color="#d33"', 'penwidth=2');
      out.push(`    ${q(t.id)} [${attrs.join(', ')}];`);
    }
    out.push('  }');
  }
  for (const e of planEdges(plan)) {
    const attrs =
      e.kind === 'resource'
        ? [`style=dashed`, `label=${q(`waits for ${e.resource}`)}`]
        : e.critical
          ? ['color="#d33"', 'penwidth=2']
          : [];
    out.push(`  ${q(e.from)} -> ${q(e.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
