import { describe, expect, it } from 'vitest';
import { parseFlowchart } from '../../../test/helpers/mermaid.ts';
import { parseTasks } from '../tasks/parse-tasks.ts';
import { planTasks } from './plan-tasks.ts';
import { renderMermaid } from './render-mermaid.ts';

function planOf(lines: string[]) {
  return planTasks(parseTasks(`${lines.join('\n')}\n`), { deltas: [], mainSpec: () => undefined });
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', lt: '<', gt: '>', amp: '&' };

/**
 * Mermaid stores `#name;` / `#35;` label codes in its own escaped form (`ﬂ°name¶ß`, `ﬂ°°35¶ß`) and
 * turns them into HTML entities when it draws; this is the text a reader then sees.
 */
function decode(text = ''): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (m, name: string) => NAMED[name] ?? m);
}

describe('renderMermaid', () => {
  it('is a flowchart Mermaid parses into exactly the plan: waves, labels, arrows, critical path', async () => {
    const plan = planOf([
      '- [x] 1.1 Schema "v2" for #12 <b>now</b> [size: S] [uses: db]',
      '- [ ] 1.2 Seed | pipes; semis {braces} (parens) [a] `tick` 日本 [size: XS] [uses: db]',
      '- [ ] 2.1 API end --> graph [size: L] [after: 1.1]',
      '- [ ] 2.2 Docs [after: 2.1, 1.2]',
    ]);
    const flow = await parseFlowchart(renderMermaid(plan));
    expect(flow.subgraphs.map((s) => [s.id, s.title, [...s.nodes].sort()])).toEqual([
      ['wave1', 'Wave 1 (1/1 done)', ['t1_1']],
      ['wave2', 'Wave 2 (0/2 done)', ['t1_2', 't2_1']],
      ['wave3', 'Wave 3 (0/1 done)', ['t2_2']],
    ]);
    const labels = new Map(flow.vertices.map((v) => [v.id, decode(v.text)]));
    expect(labels.get('t1_1')).toBe('✓ 1.1 Schema "v2" for #12 <b>now</b> (S)');
    expect(labels.get('t1_2')).toBe('1.2 Seed | pipes; semis {braces} (parens) [a] `tick` 日本 (XS)');
    expect(labels.get('t2_1')).toBe('2.1 API end --> graph (L)');
    expect(flow.edges.map((e) => [e.start, e.end, e.stroke])).toEqual([
      ['t1_1', 't2_1', 'normal'],
      ['t2_1', 't2_2', 'normal'],
      ['t1_2', 't2_2', 'normal'],
      ['t1_1', 't1_2', 'dotted'],
    ]);
    expect(decode(flow.edges[3]?.text)).toBe('waits for db');
    expect(plan.criticalPath.tasks).toEqual(['1.1', '2.1', '2.2']);
    const critical = flow.edges.map((e) => (e.style ?? []).some((s) => s.includes('#d33')));
    expect(critical).toEqual([true, true, false, false]);
    const classesOf = new Map(flow.vertices.map((v) => [v.id, [...v.classes].sort()]));
    expect(Object.fromEntries(classesOf)).toEqual({
      t1_1: ['critical', 'done'],
      t1_2: [],
      t2_1: ['critical'],
      t2_2: ['critical'],
    });
    expect(flow.classes.sort()).toEqual(['critical', 'done']);
  });

  it('puts tasks a cycle keeps out in their own subgraph', async () => {
    const plan = planOf(['- [ ] 1.1 a [after: 1.2]', '- [ ] 1.2 b [after: 1.1]', '- [ ] 1.3 c']);
    const flow = await parseFlowchart(renderMermaid(plan));
    expect(flow.subgraphs.map((s) => [s.id, [...s.nodes].sort()])).toEqual([
      ['wave1', ['t1_3']],
      ['unscheduled', ['t1_1', 't1_2']],
    ]);
    expect(flow.edges.map((e) => [e.start, e.end])).toEqual([
      ['t1_2', 't1_1'],
      ['t1_1', 't1_2'],
    ]);
  });

  it('draws an empty plan as a single note', async () => {
    const flow = await parseFlowchart(renderMermaid(planOf(['No tasks yet.'])));
    expect(flow.vertices.map((v) => [v.id, v.text])).toEqual([['empty', 'No planned tasks']]);
  });

  it('is rejected by the same parser when broken, so the checks above can fail', async () => {
    const text = renderMermaid(planOf(['- [ ] 1.1 a [size: S]', '- [ ] 1.2 b [after: 1.1]']));
    await expect(parseFlowchart(text.replace('  end\n', ''))).rejects.toThrow(/Parse error/);
    await expect(parseFlowchart(text.replace('linkStyle 0', 'linkStyle 7'))).rejects.toThrow();
  });
});
