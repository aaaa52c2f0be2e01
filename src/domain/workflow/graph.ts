/** The part of an artifact the graph cares about. */
export interface GraphNode {
  id: string;
  requires: readonly string[];
}

/**
 * Build order (Kahn's algorithm): an artifact comes after everything it requires, and among artifacts
 * that are free at the same time the one declared first wins, so `spec-driven` reads proposal, specs,
 * design, tasks. Requirements naming unknown ids are ignored here (the schema check reports them);
 * artifacts caught in a cycle are appended in declaration order so every id appears exactly once.
 */
export function buildOrder(nodes: readonly GraphNode[]): string[] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const pending = nodes.map((n) => new Set(n.requires.filter((r) => index.has(r) && r !== n.id)));
  const placed = new Array<boolean>(nodes.length).fill(false);
  const order: string[] = [];
  for (;;) {
    const next = nodes.findIndex((_, i) => !placed[i] && pending[i]?.size === 0);
    if (next === -1) break;
    placed[next] = true;
    const id = (nodes[next] as GraphNode).id;
    order.push(id);
    for (const deps of pending) deps.delete(id);
  }
  nodes.forEach((n, i) => {
    if (!placed[i]) order.push(n.id);
  });
  return order;
}

/**
 * A dependency cycle as a path that starts and ends with the same id (`['a', 'b', 'a']`), or undefined.
 * Iterative depth-first search, so a long chain cannot overflow the stack; unknown ids are skipped.
 */
export function findCycle(nodes: readonly GraphNode[]): string[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'open' | 'closed'>();
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const requires = byId.get(top.id)?.requires ?? [];
      const dep = requires[top.next++];
      if (dep === undefined) {
        state.set(top.id, 'closed');
        stack.pop();
      } else if (state.get(dep) === 'open') {
        const from = stack.findIndex((f) => f.id === dep);
        return [...stack.slice(from).map((f) => f.id), dep];
      } else if (!state.has(dep) && byId.has(dep)) {
        state.set(dep, 'open');
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  return undefined;
}

/** Ids of the artifacts that list `id` in their `requires`, in declaration order. */
export function dependentsOf(nodes: readonly GraphNode[], id: string): string[] {
  return nodes.filter((n) => n.requires.includes(id)).map((n) => n.id);
}

/** `ids` and everything they require, directly or not, in build order. */
export function requiredClosure(nodes: readonly GraphNode[], ids: readonly string[]): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const queue = [...ids];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    queue.push(...(byId.get(id)?.requires ?? []));
  }
  return buildOrder(nodes).filter((id) => seen.has(id));
}
