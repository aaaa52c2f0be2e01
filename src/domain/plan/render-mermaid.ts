import { planEdges, planGroups, taskLabel } from './plan-edges.ts';
import type { TaskPlan } from './plan-tasks.ts';

const CRITICAL_STYLE = 'stroke:#d33,stroke-width:3px';

function nodeId(taskId: string): string {
  return `t${taskId.replace(/\./g, '_')}`;
}

/** Text inside a quoted Mermaid label: `#` starts entity codes, so it and the quote are escaped as codes. */
function quoted(text: string): string {
  const escaped = text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
  return `"${escaped}"`;
}

/**
 * A Mermaid flowchart of the plan: one subgraph per wave (plus one for tasks a cycle keeps out),
 * dependency arrows, dotted arrows for resource waits, and the critical path in red (`classDef critical`
 * on its tasks, `linkStyle` on its arrows). Done tasks get `classDef done`.
 */
export function renderMermaid(plan: TaskPlan): string {
  const out = ['flowchart LR'];
  if (plan.tasks.length === 0) out.push(`  empty[${quoted('No planned tasks')}]`);
  for (const g of planGroups(plan)) {
    out.push(`  subgraph ${g.key}[${quoted(g.title)}]`);
    for (const t of g.tasks) out.push(`    ${nodeId(t.id)}[${quoted(taskLabel(t))}]`);
    out.push('  end');
  }
  const critical: number[] = [];
  planEdges(plan).forEach((e, i) => {
    const arrow = e.kind === 'after' ? '-->' : `-.->|${quoted(`waits for ${e.resource}`)}|`;
    out.push(`  ${nodeId(e.from)} ${arrow} ${nodeId(e.to)}`);
    if (e.critical) critical.push(i);
  });
  out.push(`  classDef critical ${CRITICAL_STYLE}`, '  classDef done fill:#e8f5e9,color:#555');
  const done = plan.tasks.filter((t) => t.done).map((t) => nodeId(t.id));
  if (done.length > 0) out.push(`  class ${done.join(',')} done`);
  if (plan.criticalPath.tasks.length > 0)
    out.push(`  class ${plan.criticalPath.tasks.map(nodeId).join(',')} critical`);
  if (critical.length > 0) out.push(`  linkStyle ${critical.join(',')} ${CRITICAL_STYLE}`);
  return `${out.join('\n')}\n`;
}
