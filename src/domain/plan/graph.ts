/**
 * Graph algorithms for task plans, on plain nodes so they can be property-tested without Markdown.
 * Edges point from a dependency to the task that comes after it.
 */

/** One task of the graph. */
export interface GraphNode {
  id: string;
  /** Ids this task comes after. Ids that name no node are ignored (validation reports them). */
  after: readonly string[];
  /** Estimated effort; the critical path maximises the sum of weights. */
  weight: number;
  /** Exclusive resources: two tasks that use the same one never share a wave. */
  uses: readonly string[];
}

/** A task that could have run in `wave` but was moved later because `behind` holds `resource` there. */
interface ResourceWait {
  task: string;
  resource: string;
  behind: string;
  /** 1-based wave the task was kept out of. */
  wave: number;
}

export interface Schedule {
  /** Waves in order; each lists task ids in id order. */
  waves: string[][];
  waits: ResourceWait[];
  /** Tasks that never become ready: on a cycle or after one. Sorted by id. */
  unscheduled: string[];
}

/** Order dotted task ids numerically (`2.9` before `2.10`, `2` before `2.1`); other text by code unit. */
export function compareTaskIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const nx = Number(x);
    const ny = Number(y);
    const d = Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** Dependencies of each node restricted to ids that exist, and each node's successors, both in id order. */
function adjacency(nodes: readonly GraphNode[]) {
  const ids = new Set(nodes.map((n) => n.id));
  const deps = new Map<string, string[]>();
  const next = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const n of nodes) {
    const own = [...new Set(n.after)].filter((d) => ids.has(d)).sort(compareTaskIds);
    deps.set(n.id, own);
    for (const d of own) next.get(d)?.push(n.id);
  }
  for (const list of next.values()) list.sort(compareTaskIds);
  return { deps, next };
}

/**
 * Place every task in the earliest wave after all its dependencies' waves (as soon as possible).
 * Within a wave, ready tasks are taken in id order; a task whose resource is already held in that
 * wave waits for the next one, and the wait is recorded. Deterministic for a given set of nodes.
 */
export function scheduleWaves(nodes: readonly GraphNode[]): Schedule {
  const { deps } = adjacency(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const waveOf = new Map<string, number>();
  let pending = [...byId.keys()].sort(compareTaskIds);
  const waves: string[][] = [];
  const waits: ResourceWait[] = [];
  for (let wave = 1; pending.length > 0; wave++) {
    const ready = pending.filter((id) => (deps.get(id) ?? []).every((d) => (waveOf.get(d) ?? wave) < wave));
    if (ready.length === 0) break;
    const held = new Map<string, string>();
    const placed: string[] = [];
    for (const id of ready) {
      const uses = byId.get(id)?.uses ?? [];
      const busy = uses.find((r) => held.has(r));
      if (busy !== undefined) {
        waits.push({ task: id, resource: busy, behind: held.get(busy) as string, wave });
        continue;
      }
      for (const r of uses) held.set(r, id);
      waveOf.set(id, wave);
      placed.push(id);
    }
    waves.push(placed);
    pending = pending.filter((id) => !waveOf.has(id));
  }
  return { waves, waits, unscheduled: pending };
}

/** Strongly connected components (Tarjan, iterative so deep chains cannot overflow the stack). */
function components(ids: readonly string[], next: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; edge: number };
      const succ = next.get(frame.id) ?? [];
      if (frame.edge < succ.length) {
        const w = succ[frame.edge++] as string;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, edge: 0 });
        } else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(w) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const comp: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(w);
      } while (w !== frame.id);
      out.push(comp);
    }
  }
  return out;
}

/** The shortest cycle through `start` inside `members` (breadth-first), in execution order. */
function cycleThrough(start: string, members: ReadonlySet<string>, next: ReadonlyMap<string, string[]>) {
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const w of next.get(id) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(from.get(path[0] as string) as string);
        return path;
      }
      if (!from.has(w)) {
        from.set(w, id);
        queue.push(w);
      }
    }
  }
  return [start];
}

/**
 * One cycle per group of tasks that depend on each other in a circle, each as the task ids in
 * execution order starting at the smallest id: `[a, b, c]` means b is after a, c after b, a after c.
 * A task after itself is the cycle `[a]`. Empty when the graph is acyclic.
 */
export function findCycles(nodes: readonly GraphNode[]): string[][] {
  const { next } = adjacency(nodes);
  const ids = nodes.map((n) => n.id).sort(compareTaskIds);
  const cycles: string[][] = [];
  for (const comp of components(ids, next)) {
    const start = [...comp].sort(compareTaskIds)[0] as string;
    const selfLoop = (next.get(start) ?? []).includes(start);
    if (comp.length === 1 && !selfLoop) continue;
    cycles.push(cycleThrough(start, new Set(comp), next));
  }
  return cycles.sort((a, b) => compareTaskIds(a[0] as string, b[0] as string));
}

/**
 * The heaviest chain of dependencies (sum of weights), ties broken towards smaller ids. Tasks on or
 * after a cycle are left out. Resource waits are not dependencies and do not lengthen it.
 */
export function criticalPath(nodes: readonly GraphNode[]): { tasks: string[]; length: number } {
  const { deps } = adjacency(nodes);
  const weight = new Map(nodes.map((n) => [n.id, n.weight]));
  const dist = new Map<string, number>();
  const prev = new Map<string, string>();
  for (const wave of scheduleWaves(nodes.map((n) => ({ ...n, uses: [] }))).waves) {
    for (const id of wave) {
      let best: string | undefined;
      for (const d of deps.get(id) ?? []) {
        if (best === undefined || (dist.get(d) ?? 0) > (dist.get(best) ?? 0)) best = d;
      }
      dist.set(id, (weight.get(id) ?? 0) + (best === undefined ? 0 : (dist.get(best) ?? 0)));
      if (best !== undefined) prev.set(id, best);
    }
  }
  let end: string | undefined;
  for (const [id, d] of dist) {
    if (end === undefined || d > (dist.get(end) ?? 0) || (d === dist.get(end) && compareTaskIds(id, end) < 0))
      end = id;
  }
  if (end === undefined) return { tasks: [], length: 0 };
  const tasks = [end];
  for (let p = prev.get(end); p !== undefined; p = prev.get(p)) tasks.unshift(p);
  return { tasks, length: dist.get(end) ?? 0 };
}
