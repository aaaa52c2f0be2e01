import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTaskIds, criticalPath, findCycles, type GraphNode, scheduleWaves } from './graph.ts';

function node(id: string, after: string[] = [], weight = 1, uses: string[] = []): GraphNode {
  return { id, after, weight, uses };
}

/** Is `to` directly after `from`? */
function isEdge(nodes: readonly GraphNode[], from: string, to: string): boolean {
  return nodes.find((n) => n.id === to)?.after.includes(from) ?? false;
}

describe('compareTaskIds', () => {
  it('orders dotted ids numerically', () => {
    expect(['2.10', '10.1', '2.9', '2', '2.1.1', '2.1'].sort(compareTaskIds)).toEqual([
      '2',
      '2.1',
      '2.1.1',
      '2.9',
      '2.10',
      '10.1',
    ]);
  });
});

describe('scheduleWaves', () => {
  it('places each task right after its latest dependency', () => {
    const nodes = [node('1.1'), node('1.2', ['1.1']), node('2.1'), node('2.2', ['1.2', '2.1'])];
    expect(scheduleWaves(nodes)).toEqual({
      waves: [['1.1', '2.1'], ['1.2'], ['2.2']],
      waits: [],
      unscheduled: [],
    });
  });

  it('keeps tasks sharing a resource out of the same wave, earlier id first, and says who waited', () => {
    const nodes = [node('3.1', [], 1, ['db']), node('1.1', [], 1, ['db', 'ui']), node('2.1', [], 1, ['ui'])];
    const s = scheduleWaves(nodes);
    expect(s.waves).toEqual([['1.1'], ['2.1', '3.1']]);
    expect(s.waits).toEqual([
      { task: '2.1', resource: 'ui', behind: '1.1', wave: 1 },
      { task: '3.1', resource: 'db', behind: '1.1', wave: 1 },
    ]);
  });

  it('leaves tasks on and after a cycle unscheduled', () => {
    const nodes = [node('1.1'), node('1.2', ['1.3']), node('1.3', ['1.2']), node('1.4', ['1.3'])];
    expect(scheduleWaves(nodes)).toMatchObject({ waves: [['1.1']], unscheduled: ['1.2', '1.3', '1.4'] });
  });

  it('ignores dependencies on unknown ids', () => {
    expect(scheduleWaves([node('1.1', ['9.9'])]).waves).toEqual([['1.1']]);
  });
});

describe('findCycles', () => {
  it('returns each cycle from its smallest id, in execution order', () => {
    const nodes = [node('1.1', ['1.3']), node('1.2', ['1.1']), node('1.3', ['1.2']), node('2.1', ['2.1'])];
    expect(findCycles(nodes)).toEqual([['1.1', '1.2', '1.3'], ['2.1']]);
  });

  it('finds the shortest cycle through the start when several overlap', () => {
    const nodes = [node('1', ['3', '2']), node('2', ['1']), node('3', ['2'])];
    expect(findCycles(nodes)).toEqual([['1', '2']]);
  });

  it('is empty for a DAG', () => {
    expect(findCycles([node('1'), node('2', ['1']), node('3', ['1', '2'])])).toEqual([]);
  });
});

describe('criticalPath', () => {
  it('maximises the summed weight, not the number of tasks', () => {
    const nodes = [
      node('1', [], 1),
      node('2', ['1'], 1),
      node('3', ['2'], 1),
      node('4', [], 16),
      node('5', ['4'], 1),
    ];
    expect(criticalPath(nodes)).toEqual({ tasks: ['4', '5'], length: 17 });
  });

  it('breaks ties towards smaller ids and is empty for an empty graph', () => {
    expect(criticalPath([node('2', [], 4), node('1', [], 4)])).toEqual({ tasks: ['1'], length: 4 });
    expect(criticalPath([])).toEqual({ tasks: [], length: 0 });
  });

  it('ignores resource waits', () => {
    const nodes = [node('1', [], 4, ['db']), node('2', [], 4, ['db'])];
    expect(criticalPath(nodes)).toEqual({ tasks: ['1'], length: 4 });
  });
});

const RESOURCES = ['db', 'deploy', 'ui'];

/** A random DAG: `n` nodes with shuffled ids, edges only from lower to higher index, weights and resources. */
const dag = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc
    .record({
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
      weights: fc.array(fc.constantFrom(1, 2, 4, 8, 16), { minLength: n, maxLength: n }),
      uses: fc.array(fc.subarray(RESOURCES, { maxLength: 2 }), { minLength: n, maxLength: n }),
      ids: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `${Math.floor(i / 6) + 1}.${(i % 6) + 1}`),
        { minLength: n, maxLength: n },
      ),
    })
    .map(({ edges, weights, uses, ids }) =>
      ids.map((id, i) => ({
        id,
        after: [...new Set(edges.filter(([a, b]) => b === i && a < i).map(([a]) => ids[a] as string))],
        weight: weights[i] as number,
        uses: uses[i] as string[],
      })),
    ),
);

/** The heaviest path by brute force: every path from every node. */
function heaviestPathWeight(nodes: readonly GraphNode[]): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const heaviestTo = (id: string): number => {
    const n = byId.get(id) as GraphNode;
    return n.weight + Math.max(0, ...n.after.map(heaviestTo));
  };
  return Math.max(0, ...nodes.map((n) => heaviestTo(n.id)));
}

describe('graph properties', () => {
  it('puts every task of a DAG in exactly one wave, after all its dependencies', () => {
    fc.assert(
      fc.property(dag, (nodes) => {
        const s = scheduleWaves(nodes);
        const placed = s.waves.flat();
        expect(placed.length).toBe(nodes.length);
        expect(new Set(placed)).toEqual(new Set(nodes.map((n) => n.id)));
        expect(s.unscheduled).toEqual([]);
        const waveOf = new Map(s.waves.flatMap((w, i) => w.map((id) => [id, i] as const)));
        for (const n of nodes)
          for (const d of n.after) expect(waveOf.get(d)).toBeLessThan(waveOf.get(n.id) ?? -1);
      }),
    );
  });

  it('never puts two tasks that use the same resource in one wave; every wait names a holder there', () => {
    fc.assert(
      fc.property(dag, (nodes) => {
        const s = scheduleWaves(nodes);
        const usesOf = new Map(nodes.map((n) => [n.id, n.uses]));
        for (const wave of s.waves) {
          const all = wave.flatMap((id) => usesOf.get(id) ?? []);
          expect(new Set(all).size).toBe(all.length);
        }
        for (const w of s.waits) {
          expect(s.waves[w.wave - 1]).toContain(w.behind);
          expect(usesOf.get(w.behind)).toContain(w.resource);
          expect(usesOf.get(w.task)).toContain(w.resource);
          expect(s.waves.findIndex((ids) => ids.includes(w.task))).toBeGreaterThan(w.wave - 1);
        }
      }),
    );
  });

  it('without resources, places each task exactly one wave after its latest dependency', () => {
    fc.assert(
      fc.property(dag, (nodes) => {
        const free = nodes.map((n) => ({ ...n, uses: [] }));
        const s = scheduleWaves(free);
        const waveOf = new Map(s.waves.flatMap((w, i) => w.map((id) => [id, i + 1] as const)));
        for (const n of free) {
          expect(waveOf.get(n.id)).toBe(1 + Math.max(0, ...n.after.map((d) => waveOf.get(d) ?? 0)));
        }
      }),
    );
  });

  it('schedules the same whatever order the tasks are listed in', () => {
    fc.assert(
      fc.property(dag, fc.infiniteStream(fc.double({ noNaN: true })), (nodes, noise) => {
        const shuffled = nodes
          .map((n) => ({ n, k: noise.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.n);
        expect(scheduleWaves(shuffled)).toEqual(scheduleWaves(nodes));
        expect(criticalPath(shuffled)).toEqual(criticalPath(nodes));
      }),
    );
  });

  it('returns a real dependency chain whose length is at least that of any dependency path', () => {
    fc.assert(
      fc.property(dag, (nodes) => {
        const cp = criticalPath(nodes);
        const weightOf = new Map(nodes.map((n) => [n.id, n.weight]));
        expect(cp.length).toBe(cp.tasks.reduce((sum, id) => sum + (weightOf.get(id) ?? 0), 0));
        for (let i = 1; i < cp.tasks.length; i++) {
          expect(isEdge(nodes, cp.tasks[i - 1] as string, cp.tasks[i] as string)).toBe(true);
        }
        expect(cp.length).toBe(heaviestPathWeight(nodes));
      }),
    );
  });

  it('finds no cycle in a DAG', () => {
    fc.assert(
      fc.property(dag, (nodes) => {
        expect(findCycles(nodes)).toEqual([]);
      }),
    );
  });

  it('always detects a cycle closed by a back edge, and reports a real one', () => {
    const withBackEdge = dag.chain((nodes) =>
      fc.record({
        nodes: fc.constant(nodes),
        start: fc.nat(nodes.length - 1),
        steps: fc.array(fc.nat(), { maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(withBackEdge, ({ nodes, start, steps }) => {
        // Walk forward along dependency edges, then make the first task come after the last one.
        const path = [nodes[start]?.id as string];
        for (const pick of steps) {
          const next = nodes.filter((n) => n.after.includes(path.at(-1) as string));
          if (next.length === 0) break;
          path.push((next[pick % next.length] as GraphNode).id);
        }
        const closed = nodes.map((n) =>
          n.id === path[0] ? { ...n, after: [...n.after, path.at(-1) as string] } : n,
        );
        const cycles = findCycles(closed);
        expect(cycles.length).toBeGreaterThan(0);
        for (const cycle of cycles) {
          cycle.forEach((id, i) => {
            const nextId = cycle[(i + 1) % cycle.length] as string;
            expect(isEdge(closed, id, nextId)).toBe(true);
          });
        }
        expect(scheduleWaves(closed).unscheduled).toEqual(expect.arrayContaining(path));
      }),
    );
  });
});
