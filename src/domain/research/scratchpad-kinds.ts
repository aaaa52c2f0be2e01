/** One kind of scratchpad: a research note with its own template (`assets/scratchpads/<kind>.md`). */
interface ScratchpadKindInfo {
  /** File stem under the change's `research/` folder and the CLI argument. */
  kind: string;
  /** What the note collects, for help text and the command's output. */
  description: string;
}

/**
 * The scratchpad kinds `specwright scratchpad` can create, in the order research usually happens:
 * understand the problem, learn the constraints, look at the code, shape the solution, cut it into
 * work, schedule the work, decide how to check it.
 */
export const SCRATCHPAD_KINDS = [
  {
    kind: 'business-analysis',
    description: 'actors, entities, constraints and open ambiguities of the problem',
  },
  {
    kind: 'technical-research',
    description: 'facts about APIs, services and limits that drive design decisions',
  },
  { kind: 'code-explorer', description: 'patterns, modules and helpers in the repository worth reusing' },
  { kind: 'architecture', description: 'solution strategy: components, boundaries, data flow, lifecycle' },
  { kind: 'decomposition', description: 'phases, task sizes, dependencies and the risk register' },
  { kind: 'parallelization', description: 'waves of parallel work and the critical path' },
  { kind: 'qa', description: 'how the change is verified: test levels, cases and checks' },
] as const satisfies readonly ScratchpadKindInfo[];

export type ScratchpadKind = (typeof SCRATCHPAD_KINDS)[number]['kind'];

/** Folder of a change that holds its scratchpads (`research/<kind>.md`). */
export const SCRATCHPAD_DIR = 'research';

export function isScratchpadKind(value: string): value is ScratchpadKind {
  return SCRATCHPAD_KINDS.some((k) => k.kind === value);
}

export function describeScratchpadKind(kind: ScratchpadKind): string {
  return SCRATCHPAD_KINDS.find((k) => k.kind === kind)?.description ?? '';
}

/**
 * The kind of a scratchpad file: its name without `.md` (`research/qa.md` → `qa`). Files with other
 * names are scratchpads too (`research/pricing.md` → `pricing`); only `specwright scratchpad` is limited
 * to the built-in kinds.
 */
export function scratchpadKindOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}
