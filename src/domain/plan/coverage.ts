import type { DeltaSpec } from '../change/delta.ts';
import type { Issue } from '../issue.ts';
import type { Requirement } from '../spec/model.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { closestNames } from '../suggest.ts';
import type { CoverRef } from './task-meta.ts';

/** Where `covers` references are looked up: the change's deltas, then the main specs. */
export interface SpecSource {
  deltas: readonly DeltaSpec[];
  /** Main spec text of a capability, or undefined when it has none. Only called with well-formed ids. */
  mainSpec: (capability: string) => string | undefined;
}

/** Names compare ignoring case and surrounding whitespace. */
function key(name: string): string {
  return name.trim().toLowerCase();
}

/** A requirement's name and its scenario names, by key. */
interface IndexedRequirement {
  name: string;
  scenarios: Map<string, string>;
}

type CapabilityIndex = Map<string, IndexedRequirement>;

function addRequirement(cap: CapabilityIndex, name: string, scenarios: readonly string[]): void {
  const entry = cap.get(key(name)) ?? { name, scenarios: new Map<string, string>() };
  for (const s of scenarios) entry.scenarios.set(key(s), s);
  cap.set(key(name), entry);
}

function scenarioNames(r: Requirement): string[] {
  return r.scenarios.flatMap((s) => (s.renameTo ? [s.name, s.renameTo] : [s.name]));
}

/** Every requirement and scenario name a reference to `capability` may use, or undefined if none exist. */
function indexCapability(source: SpecSource, capability: string): CapabilityIndex | undefined {
  const main = source.mainSpec(capability);
  const deltas = source.deltas.filter((d) => d.capability === capability);
  if (main === undefined && deltas.length === 0) return undefined;
  const cap: CapabilityIndex = new Map();
  const mainReqs = main === undefined ? [] : parseSpec(main).requirements;
  for (const r of mainReqs) addRequirement(cap, r.name, scenarioNames(r));
  for (const d of deltas) {
    for (const r of [...d.added, ...d.modified]) addRequirement(cap, r.name, scenarioNames(r));
    for (const rn of d.renamed)
      addRequirement(cap, rn.to, [...(cap.get(key(rn.from))?.scenarios.values() ?? [])]);
  }
  return cap;
}

/** A covered requirement (every scenario) or one scenario of it, by keys. */
export interface Coverage {
  capability: string;
  requirement: string;
  scenario?: string;
}

/** Resolves references against a lazily built index, so each capability is parsed once per plan. */
export function createCoverageResolver(source: SpecSource) {
  const cache = new Map<string, CapabilityIndex | undefined>();
  const capability = (id: string) => {
    if (!cache.has(id)) cache.set(id, indexCapability(source, id));
    return cache.get(id);
  };
  /** The coverage a reference names, or an explanation of why it names nothing. */
  return (ref: CoverRef): { coverage: Coverage } | { problem: string; fix?: string } => {
    const cap = capability(ref.capability);
    if (!cap)
      return { problem: `capability "${ref.capability}" has no spec, in openspec/specs or in the change` };
    const whole = cap.get(key(ref.target));
    if (whole) return { coverage: { capability: ref.capability, requirement: key(whole.name) } };
    let partial: { req: IndexedRequirement; scenario: string } | undefined;
    for (let i = ref.target.indexOf('/'); i >= 0; i = ref.target.indexOf('/', i + 1)) {
      const req = cap.get(key(ref.target.slice(0, i)));
      if (!req) continue;
      const scenario = key(ref.target.slice(i + 1));
      partial = { req, scenario };
      if (req.scenarios.has(scenario))
        return { coverage: { capability: ref.capability, requirement: key(req.name), scenario } };
    }
    if (partial) {
      const { req, scenario } = partial;
      const near = closestNames(scenario, [...req.scenarios.values()]);
      return {
        problem: `requirement "${req.name}" of ${ref.capability} has no such scenario`,
        ...(near.length > 0
          ? { fix: `Did you mean: ${near.map((n) => `${req.name}/${n}`).join(', ')}?` }
          : {}),
      };
    }
    const near = closestNames(
      ref.target,
      [...cap.values()].map((r) => r.name),
    );
    return {
      problem: `${ref.capability} has no requirement of that name`,
      ...(near.length > 0 ? { fix: `Did you mean: ${near.join(', ')}?` } : {}),
    };
  };
}

/**
 * Scenarios the change adds or rewrites that no task covers: every scenario of an ADDED requirement,
 * and of a MODIFIED one those it restates, adds or modifies (scenario-level REMOVED and RENAMED change
 * no behaviour to build). Located in the delta file.
 */
export function findUncovered(deltas: readonly DeltaSpec[], covered: readonly Coverage[]): Issue[] {
  const issues: Issue[] = [];
  const has = (cap: string, req: string, scen: string) =>
    covered.some(
      (c) =>
        c.capability === cap &&
        c.requirement === key(req) &&
        (c.scenario === undefined || c.scenario === key(scen)),
    );
  for (const d of deltas) {
    const reqs = [
      ...d.added.map((r) => ({ r, op: 'ADDED' })),
      ...d.modified.map((r) => ({ r, op: 'MODIFIED' })),
    ];
    for (const { r, op } of reqs) {
      for (const s of r.scenarios) {
        if (s.op === 'REMOVED' || s.op === 'RENAMED' || has(d.capability, r.name, s.name)) continue;
        issues.push({
          level: 'WARNING',
          rule: 'plan_uncovered_scenario',
          message: `Scenario "${s.name}" of ${op} requirement "${r.name}" (${d.capability}) is covered by no task.`,
          file: d.file,
          line: s.line + 1,
          fix: `Add [covers: ${d.capability}#${r.name}/${s.name}] to the task that implements it.`,
        });
      }
    }
  }
  return issues;
}
