import { describe, expect, it } from 'vitest';
import { buildOrder, dependentsOf, findCycle, type GraphNode, requiredClosure } from './graph.ts';

const node = (id: string, ...requires: string[]): GraphNode => ({ id, requires });

const SPEC_DRIVEN = [
  node('proposal'),
  node('specs', 'proposal'),
  node('design', 'proposal'),
  node('tasks', 'specs', 'design'),
];

describe('buildOrder', () => {
  it('breaks ties by declaration order (spec-driven reads proposal, specs, design, tasks)', () => {
    expect(buildOrder(SPEC_DRIVEN)).toEqual(['proposal', 'specs', 'design', 'tasks']);
  });

  it('puts an artifact after everything it requires, even when declared first', () => {
    expect(buildOrder([node('tasks', 'design'), node('design', 'proposal'), node('proposal')])).toEqual([
      'proposal',
      'design',
      'tasks',
    ]);
  });

  it('keeps declaration order among independent artifacts', () => {
    expect(buildOrder([node('b'), node('a'), node('c')])).toEqual(['b', 'a', 'c']);
  });

  it('ignores unknown requirements and still lists every id once, cycles last', () => {
    expect(buildOrder([node('a', 'ghost'), node('b', 'c'), node('c', 'b'), node('d')])).toEqual([
      'a',
      'd',
      'b',
      'c',
    ]);
  });
});

describe('findCycle', () => {
  it('finds none in a DAG', () => {
    expect(findCycle(SPEC_DRIVEN)).toBeUndefined();
  });

  it('returns the cycle as a closed path', () => {
    expect(findCycle([node('a', 'b'), node('b', 'c'), node('c', 'a')])).toEqual(['a', 'b', 'c', 'a']);
  });

  it('returns only the cycle, not the path that led to it', () => {
    expect(findCycle([node('start', 'x'), node('x', 'y'), node('y', 'x')])).toEqual(['x', 'y', 'x']);
  });

  it('handles a self-reference and long chains without recursion', () => {
    expect(findCycle([node('a', 'a')])).toEqual(['a', 'a']);
    const chain = Array.from({ length: 5000 }, (_, i) => node(`n${i}`, ...(i > 0 ? [`n${i - 1}`] : [])));
    expect(findCycle(chain)).toBeUndefined();
  });
});

describe('dependentsOf and requiredClosure', () => {
  it('lists what an artifact unlocks', () => {
    expect(dependentsOf(SPEC_DRIVEN, 'proposal')).toEqual(['specs', 'design']);
    expect(dependentsOf(SPEC_DRIVEN, 'tasks')).toEqual([]);
  });

  it('collects transitive requirements in build order', () => {
    expect(requiredClosure(SPEC_DRIVEN, ['tasks'])).toEqual(['proposal', 'specs', 'design', 'tasks']);
    expect(requiredClosure(SPEC_DRIVEN, ['design'])).toEqual(['proposal', 'design']);
  });
});
