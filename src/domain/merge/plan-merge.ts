import type { DeltaSpec } from '../change/delta.ts';
import { findSyncRecord, fingerprintMatches } from '../change/sync-record.ts';
import type { SyncRecord } from '../change/sync-record-schema.ts';
import type { Issue } from '../issue.ts';
import { linesOf } from '../markdown/doc-lines.ts';
import { foldName } from '../spec/blocks.ts';
import type { Requirement, SpecDoc } from '../spec/model.ts';
import {
  type BlockContent,
  blockContent,
  contentDroppedIssue,
  droppedContent,
  linesContent,
} from './block-content.ts';
import { applyScenarioOps, isPartialModify } from './scenario-ops.ts';
import { type SpliceUnit, spliceRequirements } from './splice.ts';

export interface MergeCounts {
  added: number;
  modified: number;
  removed: number;
  renamed: number;
}

/** The outcome of merging one delta into its main spec, computed entirely in memory. */
export interface MergePlan {
  capability: string;
  /** Root-relative path of the main spec. */
  target: string;
  /** create: new capability; update: rewritten; unchanged: already in sync; retire: delete the spec. */
  action: 'create' | 'update' | 'unchanged' | 'retire';
  /** The resulting file content (absent for retire). */
  text?: string;
  counts: MergeCounts;
  /** ERRORs mean the merge is refused; WARNINGs and INFOs are reported alongside. */
  issues: Issue[];
}

/** What a run already knows about a main spec: its validation issues, and its parse when kept. */
export interface ParsedMain {
  spec?: SpecDoc;
  issues: Issue[];
}

export interface MergeInput {
  delta: DeltaSpec;
  /** Main spec content, or undefined when the capability does not exist yet. */
  mainText: string | undefined;
  /** The main spec already parsed and validated (a run that validates specs too passes it to avoid re-parsing). */
  main?: ParsedMain;
  target: string;
  changeName: string;
  /** `.openspec.yaml` says `retire_capabilities: true`. */
  retire: boolean;
  /** What earlier syncs of this change applied (`synced:` in its `.openspec.yaml`). */
  synced?: readonly SyncRecord[];
}

interface Unit {
  req?: Requirement;
  core: { start: number; end: number };
  edit: SpliceUnit['edit'];
  name?: string;
}

interface State {
  input: MergeInput;
  main: SpecDoc;
  units: Unit[];
  byName: Map<string, Unit>;
  /** ADDED blocks for the end of the Requirements section, in delta order. */
  appended: { name: string; lines: string[] }[];
  /** Folded names already computed (see `variantOf`). */
  folded: Map<string, string>;
  counts: MergeCounts;
  issues: Issue[];
}

function blockLines(delta: DeltaSpec, r: Requirement): string[] {
  return [`### Requirement: ${r.name}`, ...linesOf(delta.doc, r.core.start + 1, r.core.end)];
}

function sameContent(a: string[], b: string[]): boolean {
  const norm = (lines: string[]) =>
    lines
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
  return norm(a) === norm(b);
}

function mainLines(state: State, unit: Unit): string[] {
  return linesOf(state.main.doc, unit.core.start, unit.core.end);
}

function fail(state: State, line: number | undefined, rule: string, message: string, fix?: string): void {
  const issue: Issue = {
    level: 'ERROR',
    rule,
    message: `${state.input.delta.capability}: ${message}`,
    file: state.input.delta.file,
  };
  if (line !== undefined) issue.line = line + 1;
  if (fix) issue.fix = fix;
  state.issues.push(issue);
}

/** An existing name equal to `name` ignoring case and whitespace, other than `name` itself. */
function variantOf(state: State, name: string, except?: Unit): string | undefined {
  const folded = foldName(name);
  for (const [n, u] of state.byName)
    if (n !== name && u !== except && foldedName(state, n) === folded) return n;
  return undefined;
}

/** `foldName(name)`, computed once per name and merge. */
function foldedName(state: State, name: string): string {
  let folded = state.folded.get(name);
  if (folded === undefined) {
    folded = foldName(name);
    state.folded.set(name, folded);
  }
  return folded;
}

function notFound(state: State, op: string, name: string, line: number): void {
  const variant = variantOf(state, name);
  if (variant) {
    fail(
      state,
      line,
      'merge_target_case_mismatch',
      `${op} "${name}" matches no requirement, but "### Requirement: ${variant}" exists; names must match exactly.`,
      `Write the header as "### Requirement: ${variant}".`,
    );
  } else {
    fail(
      state,
      line,
      'merge_target_not_found',
      `${op} "${name}" matches no requirement in ${state.input.target}.`,
      `Check the name against "specwright show ${state.input.delta.capability} --type spec".`,
    );
  }
}

function applyRenames(state: State): void {
  for (const r of state.input.delta.renamed) {
    const unit = state.byName.get(r.from);
    if (!unit) {
      if (state.byName.has(r.to) && !variantOf(state, r.from)) continue;
      notFound(state, 'RENAMED', r.from, r.line);
      continue;
    }
    const clash = state.byName.has(r.to) ? r.to : variantOf(state, r.to, unit);
    if (clash) {
      fail(
        state,
        r.toLine,
        'merge_rename_target_exists',
        `RENAMED target "${r.to}" collides with the existing "### Requirement: ${clash}".`,
      );
      continue;
    }
    unit.edit = { kind: 'header', header: `### Requirement: ${r.to}` };
    unit.name = r.to;
    state.byName.delete(r.from);
    state.byName.set(r.to, unit);
    state.counts.renamed++;
  }
}

/** This change's own earlier sync applied `op` to `name` (see `synced:` in its metadata). */
function ownSync(state: State, op: SyncRecord['op'], name: string): SyncRecord | undefined {
  return findSyncRecord(state.input.synced, op, state.input.delta.capability, name);
}

function applyRemovals(state: State): void {
  for (const r of state.input.delta.removed) {
    const unit = state.byName.get(r.name);
    if (!unit) {
      notFound(state, 'REMOVED', r.name, r.line);
      continue;
    }
    unit.edit = { kind: 'remove' };
    state.byName.delete(r.name);
    state.counts.removed++;
    warnDropped(state, unit, { op: 'REMOVED', name: r.name, line: r.line }, () => []);
  }
}

/** Report removing or replacing a block that deletes tables, HTML, code or nested headings (`block-content.ts`). */
function warnDropped(
  state: State,
  unit: Unit,
  op: { op: 'REMOVED' | 'MODIFIED'; name: string; line: number },
  kept: () => BlockContent[],
): void {
  const all = blockContent(state.main.doc, unit.core.start + 1, unit.core.end);
  // A removed requirement takes its own tables and code along on purpose; comments, link lines and
  // headings nested under a bullet are what authors leave in a block while meaning them for outside it.
  const before = op.op === 'REMOVED' ? all.filter((c) => c.kind !== 'table' && c.kind !== 'code') : all;
  if (before.length === 0) return;
  const dropped = droppedContent(before, kept());
  if (dropped.length === 0) return;
  const { delta, target } = state.input;
  const ctx = { ...op, capability: delta.capability, file: delta.file, target };
  // Tables and code a MODIFIED leaves out are the requirement's own, most often dropped on purpose: an
  // INFO names them without failing --strict. Comments, link lines and nested headings warn.
  const own = dropped.filter((c) => c.kind === 'table' || c.kind === 'code');
  const stray = dropped.filter((c) => c.kind !== 'table' && c.kind !== 'code');
  if (stray.length > 0) state.issues.push(contentDroppedIssue(ctx, stray));
  if (own.length > 0) state.issues.push(contentDroppedIssue(ctx, own, 'INFO'));
}

function scenarioLoss(current: Requirement, incoming: Requirement): string[] {
  const left = new Map<string, number>();
  for (const s of incoming.scenarios) left.set(s.name, (left.get(s.name) ?? 0) + 1);
  const lost: string[] = [];
  for (const s of current.scenarios) {
    const n = left.get(s.name) ?? 0;
    if (n > 0) left.set(s.name, n - 1);
    else lost.push(s.name);
  }
  return lost;
}

function modifiedLines(state: State, unit: Unit, block: Requirement): string[] | undefined {
  const current = unit.req as Requirement;
  const { delta } = state.input;
  if (isPartialModify(block)) {
    const resync = ownSync(state, 'MODIFIED', block.name) !== undefined;
    const result = applyScenarioOps(state.main.doc, current, delta.doc, block, resync);
    if ('errors' in result) {
      for (const e of result.errors) fail(state, block.line, 'merge_scenario_op_failed', e);
      return undefined;
    }
    result.lines[0] = `### Requirement: ${block.name}`;
    return result.lines;
  }
  const lost = scenarioLoss(current, block);
  if (lost.length > 0) {
    const names = lost.map((n) => `"${n}"`).join(', ');
    fail(
      state,
      block.line,
      'merge_scenario_loss',
      `MODIFIED "${block.name}" drops scenario(s) the current requirement has: ${names}. The block has ${block.scenarios.length} level-4 heading(s); the current requirement has ${current.scenarios.length}.`,
      'Copy the missing scenarios into the MODIFIED block, or use "#### REMOVED Scenario: <name>" / "#### MODIFIED Scenario: <name>" to change single scenarios.',
    );
    return undefined;
  }
  return blockLines(delta, block);
}

function applyModifications(state: State): void {
  for (const block of state.input.delta.modified) {
    const unit = state.byName.get(block.name);
    if (!unit) {
      notFound(state, 'MODIFIED', block.name, block.line);
      continue;
    }
    const lines = modifiedLines(state, unit, block);
    if (!lines) continue;
    if (sameContent(lines, mainLines(state, unit)) && unit.edit.kind === 'keep') continue;
    unit.edit = { kind: 'replace', lines };
    state.counts.modified++;
    const { doc } = state.input.delta;
    const kept = () =>
      isPartialModify(block) ? linesContent(lines) : blockContent(doc, block.core.start + 1, block.core.end);
    warnDropped(state, unit, { op: 'MODIFIED', name: block.name, line: block.line }, kept);
  }
}

function applyAdditions(state: State): void {
  const { delta } = state.input;
  for (const block of delta.added) {
    const lines = blockLines(delta, block);
    const existing = state.byName.get(block.name);
    if (existing) {
      if (sameContent(lines, mainLines(state, existing))) continue;
      if (resyncAdded(state, existing, block.name)) {
        // This change's own sync added the block and nobody changed it since: the edited delta wins.
        existing.edit = { kind: 'replace', lines };
        state.counts.modified++;
      } else {
        fail(
          state,
          block.line,
          'merge_added_exists',
          `ADDED "${block.name}" already exists with different content${ownSync(state, 'ADDED', block.name) ? ', changed since this change synced it' : ''}.`,
          'Use MODIFIED to change an existing requirement.',
        );
      }
      continue;
    }
    const variant = variantOf(state, block.name);
    if (variant) {
      fail(
        state,
        block.line,
        'merge_added_case_collision',
        `ADDED "${block.name}" collides with the existing "### Requirement: ${variant}" (names differ only in case or spacing).`,
        `Use MODIFIED "### Requirement: ${variant}" or choose a distinct name.`,
      );
      continue;
    }
    state.appended.push({ name: block.name, lines });
    state.byName.set(block.name, { core: { start: -1, end: -1 }, edit: { kind: 'keep' }, name: block.name });
    state.counts.added++;
  }
}

/** An ADDED block this change synced earlier, still exactly as that sync left it. */
function resyncAdded(state: State, unit: Unit, name: string): boolean {
  const record = ownSync(state, 'ADDED', name);
  return (
    record !== undefined &&
    unit.req !== undefined &&
    unit.edit.kind === 'keep' &&
    fingerprintMatches(record.hash, state.main.doc, unit.core.start, unit.core.end)
  );
}

function initState(input: MergeInput, main: SpecDoc): State {
  const units: Unit[] = [
    ...main.requirements.map((req) => ({
      req,
      core: req.core,
      edit: { kind: 'keep' } as const,
      name: req.name,
    })),
    ...main.foreign.map((f) => ({ core: f.core, edit: { kind: 'keep' } as const })),
  ].sort((a, b) => a.core.start - b.core.start);
  const byName = new Map<string, Unit>();
  for (const u of units) if (u.name !== undefined && !byName.has(u.name)) byName.set(u.name, u);
  const counts = { added: 0, modified: 0, removed: 0, renamed: 0 };
  return { input, main, units, byName, appended: [], folded: new Map(), counts, issues: [] };
}

/**
 * Merge a delta into an existing main spec: RENAMED, then REMOVED, then MODIFIED, then ADDED. An update
 * comes with the outline the merged text must have.
 */
export function planUpdate(input: MergeInput, main: SpecDoc): { plan: MergePlan; outline?: SpecOutline } {
  const state = initState(input, main);
  applyRenames(state);
  applyRemovals(state);
  applyModifications(state);
  applyAdditions(state);
  const base = {
    capability: input.delta.capability,
    target: input.target,
    counts: state.counts,
    issues: state.issues,
  };
  if (state.issues.some((i) => i.level === 'ERROR')) return { plan: { ...base, action: 'unchanged' } };
  const changed = state.units.some((u) => u.edit.kind !== 'keep') || state.appended.length > 0;
  if (!changed) return { plan: { ...base, action: 'unchanged', text: main.doc.source } };
  const text = spliceRequirements(
    state.main,
    state.units,
    state.appended.map((a) => a.lines),
  );
  return { plan: { ...base, action: 'update', text }, outline: plannedOutline(state) };
}

/**
 * What the merged spec must parse back to: the section titles, and the requirement names and foreign
 * `###` blocks of the Requirements section, in order. A block that leaves a code fence or an HTML
 * block open would swallow what follows it; comparing with this outline catches that.
 */
export interface SpecOutline {
  sections: string[];
  requirements: string[];
  foreign: string[];
}

function plannedOutline(state: State): SpecOutline {
  const { main } = state;
  const requirements: string[] = [];
  for (const u of state.units)
    if (u.edit.kind !== 'remove' && u.name !== undefined) requirements.push(u.name);
  for (const a of state.appended) requirements.push(a.name);
  const sections = main.sections.map((s) => s.title);
  if (!main.requirementsSection && state.appended.length > 0) sections.push('Requirements');
  return { sections, requirements, foreign: main.foreign.map((f) => f.title) };
}

/** The outline a spec actually has (see `SpecOutline`). */
export function outlineOf(spec: SpecDoc): SpecOutline {
  return {
    sections: spec.sections.map((s) => s.title),
    requirements: spec.requirements.map((r) => r.name),
    foreign: spec.foreign.map((f) => f.title),
  };
}
