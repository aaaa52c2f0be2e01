import type { DeltaSpec } from '../change/delta.ts';
import type { CoverRef } from '../plan/task-meta.ts';
import type { Requirement } from '../spec/model.ts';
import { closestNames } from '../suggest.ts';

/** A requirement and the names of its scenarios, as an index is built from. */
export interface RequirementNames {
  name: string;
  scenarios: readonly string[];
}

/** Every requirement of one capability, in spec order. */
export interface CapabilityNames {
  capability: string;
  requirements: readonly RequirementNames[];
}

/** One scenario with its display names and reference string. */
export interface IndexedScenario {
  /** `capability#Requirement/Scenario`, with the names as the spec writes them. */
  ref: string;
  capability: string;
  requirement: string;
  scenario: string;
}

interface IndexedRequirement {
  name: string;
  /** Scenario display names by key. */
  scenarios: Map<string, string>;
}

/** Requirements (and their scenarios) by key, per capability. */
export type SpecIndex = ReadonlyMap<string, ReadonlyMap<string, IndexedRequirement>>;

/** References compare names ignoring case and surrounding whitespace (as `covers` does). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The reference string of a requirement, or of one of its scenarios. */
export function formatRef(capability: string, requirement: string, scenario?: string): string {
  return scenario === undefined ? `${capability}#${requirement}` : `${capability}#${requirement}/${scenario}`;
}

/** The key a scenario is identified by in matrices: capability, requirement key and scenario key. */
export function scenarioKey(capability: string, requirement: string, scenario: string): string {
  return `${capability}#${nameKey(requirement)}/${nameKey(scenario)}`;
}

/** Build an index; later entries of one capability add to earlier ones (a delta after the main spec). */
export function buildSpecIndex(entries: readonly CapabilityNames[]): SpecIndex {
  const index = new Map<string, Map<string, IndexedRequirement>>();
  for (const entry of entries) {
    const cap = index.get(entry.capability) ?? new Map<string, IndexedRequirement>();
    index.set(entry.capability, cap);
    for (const r of entry.requirements) {
      const req = cap.get(nameKey(r.name)) ?? { name: r.name, scenarios: new Map<string, string>() };
      for (const s of r.scenarios) if (!req.scenarios.has(nameKey(s))) req.scenarios.set(nameKey(s), s);
      cap.set(nameKey(r.name), req);
    }
  }
  return index;
}

/** Requirement names of a parsed spec; a scenario renamed by a delta op is known under both names. */
export function requirementNames(requirements: readonly Requirement[]): RequirementNames[] {
  return requirements.map((r) => ({
    name: r.name,
    scenarios: r.scenarios.flatMap((s) => (s.renameTo ? [s.name, s.renameTo] : [s.name])),
  }));
}

/**
 * What a change's deltas add to the names of its capabilities: ADDED and MODIFIED requirements, and a
 * RENAMED requirement under its new name with the scenarios the old one has in `main`.
 */
export function deltaNames(delta: DeltaSpec, main: readonly RequirementNames[]): CapabilityNames {
  const requirements = requirementNames([...delta.added, ...delta.modified]);
  for (const rn of delta.renamed) {
    const old = main.find((r) => nameKey(r.name) === nameKey(rn.from));
    requirements.push({ name: rn.to, scenarios: old?.scenarios ?? [] });
  }
  return { capability: delta.capability, requirements };
}

/** Every scenario of the index entries given, as matrix rows, in spec order without repeats. */
export function scenariosOf(entries: readonly CapabilityNames[]): IndexedScenario[] {
  const seen = new Set<string>();
  const out: IndexedScenario[] = [];
  for (const e of entries) {
    for (const r of e.requirements) {
      for (const s of r.scenarios) {
        const key = scenarioKey(e.capability, r.name, s);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          ref: formatRef(e.capability, r.name, s),
          capability: e.capability,
          requirement: r.name,
          scenario: s,
        });
      }
    }
  }
  return out;
}

/** A reference that names something: a whole requirement, or one scenario of it (display names). */
export type Resolved =
  | { kind: 'requirement'; capability: string; requirement: string }
  | { kind: 'scenario'; capability: string; requirement: string; scenario: string };

/** Why a reference names nothing, with close names when there are any. */
export interface Unresolved {
  /** What is missing: the capability, the requirement, or a scenario of an existing requirement. */
  missing: 'capability' | 'requirement' | 'scenario';
  problem: string;
  suggestions: string[];
}

function unresolvedScenario(ref: CoverRef, req: IndexedRequirement, scenario: string): Unresolved {
  const near = closestNames(scenario, [...req.scenarios.values()]);
  return {
    missing: 'scenario',
    problem: `requirement "${req.name}" of ${ref.capability} has no scenario "${scenario}"`,
    suggestions: near.map((n) => formatRef(ref.capability, req.name, n)),
  };
}

/**
 * Resolve a reference: the whole target naming a requirement wins; otherwise the target is split at a
 * `/` into requirement and scenario, trying the longest requirement name first (names may hold `/`).
 */
export function resolveRef(index: SpecIndex, ref: CoverRef): { resolved: Resolved } | Unresolved {
  const cap = index.get(ref.capability);
  if (!cap) {
    const near = closestNames(ref.capability, [...index.keys()]);
    return {
      missing: 'capability',
      problem: `there is no capability "${ref.capability}"`,
      suggestions: near,
    };
  }
  const whole = cap.get(nameKey(ref.target));
  if (whole)
    return { resolved: { kind: 'requirement', capability: ref.capability, requirement: whole.name } };
  let partial: { req: IndexedRequirement; scenario: string } | undefined;
  for (let i = ref.target.lastIndexOf('/'); i > 0; i = ref.target.lastIndexOf('/', i - 1)) {
    const req = cap.get(nameKey(ref.target.slice(0, i)));
    if (!req) continue;
    const scenario = ref.target.slice(i + 1).trim();
    const name = req.scenarios.get(nameKey(scenario));
    if (name !== undefined)
      return {
        resolved: { kind: 'scenario', capability: ref.capability, requirement: req.name, scenario: name },
      };
    partial ??= { req, scenario };
  }
  if (partial) return unresolvedScenario(ref, partial.req, partial.scenario);
  // Most likely the requirement is the part before the first `/` (scenario names rarely hold one).
  const slash = ref.target.indexOf('/');
  const guess = slash < 0 ? ref.target : ref.target.slice(0, slash).trim();
  const near = closestNames(
    guess,
    [...cap.values()].map((r) => r.name),
  );
  return {
    missing: 'requirement',
    problem: `${ref.capability} has no requirement "${guess}"`,
    suggestions: near.map((n) => formatRef(ref.capability, n)),
  };
}
