import { describe, expect, it } from 'vitest';
import { parseTasks } from '../tasks/parse-tasks.ts';
import { planTasks } from './plan-tasks.ts';
import { renderDot } from './render-dot.ts';

/** DOT tokens: quoted strings (unescaped), `->`, punctuation, bare identifiers. Throws on anything else. */
function tokenize(text: string): { kind: 'str' | 'id' | 'op'; value: string }[] {
  const tokens: { kind: 'str' | 'id' | 'op'; value: string }[] = [];
  const re = /\s+|"((?:[^"\\]|\\.)*)"|(->)|([{}[\];=,])|([A-Za-z_][\w.]*|-?\d+(?:\.\d+)?)|(.)/gsy;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    if (m[5] !== undefined) throw new Error(`unexpected ${JSON.stringify(m[5])} at ${m.index}`);
    if (m[1] !== undefined) tokens.push({ kind: 'str', value: m[1].replace(/\\(.)/g, '$1') });
    else if (m[2] ?? m[3]) tokens.push({ kind: 'op', value: (m[2] ?? m[3]) as string });
    else if (m[4] !== undefined) tokens.push({ kind: 'id', value: m[4] });
  }
  return tokens;
}

interface DotGraph {
  clusters: { name: string; label: string; nodes: string[] }[];
  nodes: Map<string, Record<string, string>>;
  edges: { from: string; to: string; attrs: Record<string, string> }[];
}

/** A strict parser for the DOT subset the renderer emits (Graphviz's grammar, minus ports and `strict`). */
function parseDot(text: string): DotGraph {
  const t = tokenize(text);
  let i = 0;
  const take = (value?: string) => {
    const tok = t[i++];
    if (!tok || (value !== undefined && tok.value !== value))
      throw new Error(`expected ${value} at token ${i - 1}`);
    return tok.value;
  };
  const attrs = () => {
    const out: Record<string, string> = {};
    if (t[i]?.value !== '[') return out;
    take('[');
    while (t[i]?.value !== ']') {
      const k = take();
      take('=');
      out[k] = take();
      if (t[i]?.value === ',' || t[i]?.value === ';') i++;
    }
    take(']');
    return out;
  };
  const g: DotGraph = { clusters: [], nodes: new Map(), edges: [] };
  const stmts = (cluster?: DotGraph['clusters'][number]) => {
    take('{');
    while (t[i]?.value !== '}') {
      if (t[i]?.value === 'subgraph') {
        take('subgraph');
        const c = { name: take(), label: '', nodes: [] as string[] };
        g.clusters.push(c);
        stmts(c);
      } else if (['node', 'edge', 'graph'].includes(t[i]?.value ?? '')) {
        take();
        attrs();
      } else {
        const id = take();
        if (t[i]?.value === '=') {
          take('=');
          if (cluster && id === 'label') cluster.label = take();
          else take();
        } else if (t[i]?.value === '->') {
          take('->');
          g.edges.push({ from: id, to: take(), attrs: attrs() });
        } else {
          if (g.nodes.has(id)) throw new Error(`node ${id} declared twice`);
          g.nodes.set(id, attrs());
          cluster?.nodes.push(id);
        }
      }
      if (t[i]?.value === ';') i++;
    }
    take('}');
  };
  take('digraph');
  take();
  stmts();
  if (i !== t.length) throw new Error('text after the graph');
  return g;
}

describe('renderDot', () => {
  it('is a digraph with one cluster per wave, escaped labels and the critical path in red', () => {
    const plan = planTasks(
      parseTasks(
        [
          '- [x] 1.1 Schema "v2" in C:\\data [size: S] [uses: db]',
          '- [ ] 1.2 Seed {a; b} -> c [uses: db]',
          '- [ ] 2.1 API [size: L] [after: 1.1]',
        ].join('\n'),
      ),
      { deltas: [], mainSpec: () => undefined },
    );
    const g = parseDot(renderDot(plan));
    expect(g.clusters.map((c) => [c.name, c.label, c.nodes])).toEqual([
      ['cluster_wave1', 'Wave 1 (1/1 done)', ['1.1']],
      ['cluster_wave2', 'Wave 2 (0/2 done)', ['1.2', '2.1']],
    ]);
    expect(g.nodes.get('1.1')).toEqual({
      label: '✓ 1.1 Schema "v2" in C:\\data (S)',
      fillcolor: '#e8f5e9',
      color: '#d33',
      penwidth: '2',
    });
    expect(g.nodes.get('1.2')?.label).toBe('1.2 Seed {a; b} -> c');
    expect(g.edges).toEqual([
      { from: '1.1', to: '2.1', attrs: { color: '#d33', penwidth: '2' } },
      { from: '1.1', to: '1.2', attrs: { style: 'dashed', label: 'waits for db' } },
    ]);
  });

  it('parses an empty plan, and the parser rejects broken text', () => {
    const empty = renderDot(planTasks(parseTasks(''), { deltas: [], mainSpec: () => undefined }));
    expect(parseDot(empty)).toEqual({ clusters: [], nodes: new Map(), edges: [] });
    expect(() => parseDot(empty.replace('}', ''))).toThrow();
    expect(() => parseDot('digraph plan { "a" [label="x]; }')).toThrow();
  });
});
