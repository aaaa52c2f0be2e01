import type { DeltaSpec } from '../change/delta.ts';
import type { CoverRef } from '../plan/task-meta.ts';
import { formatRef, nameKey, resolveRef, type SpecIndex } from './spec-index.ts';

/** What an archived change did to a name that references may still use. */
export type NameEvent =
  | { kind: 'requirement-renamed'; change: string; capability: string; from: string; to: string }
  | { kind: 'requirement-removed'; change: string; capability: string; name: string }
  | {
      kind: 'scenario-renamed';
      change: string;
      capability: string;
      /** The requirement's name after the change. */
      requirement: string;
      from: string;
      to: string;
    }
  | { kind: 'scenario-removed'; change: string; capability: string; requirement: string; name: string };

/**
 * The name events of one archived delta, in the order archive applies them: requirement renames and
 * removals, then the scenario-level RENAMED and REMOVED operations of MODIFIED requirements (which use
 * the requirement's new name). Whole-block MODIFIED requirements that drop a scenario are not events:
 * nothing says whether the scenario was renamed or removed.
 */
export function nameEventsOf(change: string, delta: DeltaSpec): NameEvent[] {
  const capability = delta.capability;
  const events: NameEvent[] = [];
  for (const r of delta.renamed)
    events.push({ kind: 'requirement-renamed', change, capability, from: r.from, to: r.to });
  for (const r of delta.removed)
    events.push({ kind: 'requirement-removed', change, capability, name: r.name });
  for (const r of delta.modified) {
    for (const s of r.scenarios) {
      if (s.op === 'RENAMED' && s.renameTo !== undefined) {
        const to = s.renameTo;
        events.push({ kind: 'scenario-renamed', change, capability, requirement: r.name, from: s.name, to });
      } else if (s.op === 'REMOVED') {
        events.push({ kind: 'scenario-removed', change, capability, requirement: r.name, name: s.name });
      }
    }
  }
  return events;
}

/** Where an old reference leads after following every later rename, and which changes took it there. */
export interface FollowedName {
  requirement: string;
  scenario?: string;
  /** Archived changes that renamed the requirement or the scenario, oldest first. */
  renamedBy: string[];
  /** Set when a change removed the requirement or the scenario the reference ends up at. */
  removedBy?: string;
}

function applyEvent(e: NameEvent, at: FollowedName, capability: string): void {
  if (e.capability !== capability || at.removedBy !== undefined) return;
  const req = nameKey(at.requirement);
  switch (e.kind) {
    case 'requirement-renamed':
      if (nameKey(e.from) === req) {
        at.requirement = e.to;
        at.renamedBy.push(e.change);
      }
      return;
    case 'requirement-removed':
      if (nameKey(e.name) === req) at.removedBy = e.change;
      return;
    default: {
      if (at.scenario === undefined || nameKey(e.requirement) !== req) return;
      const scen = nameKey(at.scenario);
      if (e.kind === 'scenario-renamed' && nameKey(e.from) === scen) {
        at.scenario = e.to;
        at.renamedBy.push(e.change);
      } else if (e.kind === 'scenario-removed' && nameKey(e.name) === scen) at.removedBy = e.change;
    }
  }
}

/**
 * Follow a requirement (and optionally scenario) name through the events, oldest first, so a chain of
 * renames (A → B, later B → C) ends at the newest name. Undefined when no event concerns the name.
 */
export function followRenames(
  events: readonly NameEvent[],
  capability: string,
  requirement: string,
  scenario?: string,
): FollowedName | undefined {
  const at: FollowedName = { requirement, renamedBy: [], ...(scenario !== undefined ? { scenario } : {}) };
  for (const e of events) applyEvent(e, at, capability);
  return at.renamedBy.length > 0 || at.removedBy !== undefined ? at : undefined;
}

/** What the history says about a reference that names nothing today. */
export type HistoryVerdict =
  /** `renamedBy`: the archived changes whose renames lead to `ref`, oldest first, each once. */
  { verdict: 'renamed'; ref: string; renamedBy: string[] } | { verdict: 'removed'; removedBy: string };

/**
 * Explain a dangling reference from the archive history: try the whole target as a requirement name,
 * then each split at a `/` (longest requirement first); the first reading whose renames lead to a name
 * that exists today gives the new reference. A reading that ends at a removal says so instead.
 */
export function explainFromHistory(
  index: SpecIndex,
  events: readonly NameEvent[],
  ref: CoverRef,
): HistoryVerdict | undefined {
  const readings: { requirement: string; scenario?: string }[] = [{ requirement: ref.target }];
  for (let i = ref.target.lastIndexOf('/'); i > 0; i = ref.target.lastIndexOf('/', i - 1))
    readings.push({ requirement: ref.target.slice(0, i).trim(), scenario: ref.target.slice(i + 1).trim() });
  let removed: HistoryVerdict | undefined;
  for (const r of readings) {
    const followed = followRenames(events, ref.capability, r.requirement, r.scenario);
    if (!followed) continue;
    if (followed.removedBy !== undefined) {
      removed ??= { verdict: 'removed', removedBy: followed.removedBy };
      continue;
    }
    const candidate = formatRef(ref.capability, followed.requirement, followed.scenario);
    const found = resolveRef(index, {
      ref: candidate,
      capability: ref.capability,
      target: candidate.slice(ref.capability.length + 1),
    });
    if ('resolved' in found) {
      const { capability, requirement } = found.resolved;
      const scenario = found.resolved.kind === 'scenario' ? found.resolved.scenario : undefined;
      return {
        verdict: 'renamed',
        ref: formatRef(capability, requirement, scenario),
        renamedBy: [...new Set(followed.renamedBy)],
      };
    }
  }
  return removed;
}
