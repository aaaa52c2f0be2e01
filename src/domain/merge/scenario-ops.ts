import { lineAt, linesOf } from '../markdown/doc-lines.ts';
import type { ScannedDoc } from '../markdown/types.ts';
import { foldName } from '../spec/blocks.ts';
import type { Requirement, Scenario } from '../spec/model.ts';

/** A MODIFIED block is partial when any of its level-4 headings carries a scenario operation. */
export function isPartialModify(block: Requirement): boolean {
  return block.scenarios.some((s) => s.op !== undefined);
}

function bodyLines(r: Requirement): string[] {
  return r.text === '' ? [] : r.text.split('\n');
}

interface Piece {
  name: string;
  /** Blank lines that separate this scenario from what precedes it (kept from the original). */
  lead: string[];
  lines: string[];
}

interface OpsState {
  pieces: Piece[];
  errors: string[];
  current: Requirement;
  resync: boolean;
}

function headed(name: string, body: string[]): string[] {
  return [`#### Scenario: ${name}`, ...trimTrailingBlank(body)];
}

function missing(st: OpsState, s: Scenario, verb: string): void {
  const variant = st.pieces.find((p) => foldName(p.name) === foldName(s.name) && p.name !== s.name);
  st.errors.push(
    `${verb} scenario "${s.name}" is not in requirement "${st.current.name}"${variant ? ` (it has "${variant.name}"; names must match exactly)` : ''}.`,
  );
}

function addScenario(st: OpsState, s: Scenario, own: string[]): void {
  const clash = st.pieces.findIndex((p) => foldName(p.name) === foldName(s.name));
  const piece = st.pieces[clash];
  if (!piece) st.pieces.push({ name: s.name, lead: [''], lines: headed(s.name, own) });
  // Re-applying this change's own synced block: the scenario is there already; the delta's text wins.
  else if (st.resync && piece.name === s.name) st.pieces[clash] = { ...piece, lines: headed(s.name, own) };
  else
    st.errors.push(
      `ADDED scenario "${s.name}" already exists in requirement "${st.current.name}" as "${piece.name}".`,
    );
}

function renameScenario(st: OpsState, s: Scenario, at: number): void {
  const to = s.renameTo ?? '';
  if (to === '') {
    st.errors.push(`RENAMED scenario "${s.name}" needs a new name: "#### RENAMED Scenario: Old -> New".`);
  } else if (st.pieces.some((p) => foldName(p.name) === foldName(to))) {
    st.errors.push(`RENAMED scenario target "${to}" already exists in requirement "${st.current.name}".`);
  } else {
    const piece = st.pieces[at] as Piece;
    st.pieces[at] = { ...piece, name: to, lines: [`#### Scenario: ${to}`, ...piece.lines.slice(1)] };
  }
}

/** Over this change's own synced block, a REMOVED already gone or a RENAMED already done is a no-op. */
function alreadyApplied(st: OpsState, s: Scenario): boolean {
  if (!st.resync) return false;
  if (s.op === 'REMOVED') return true;
  return s.op === 'RENAMED' && st.pieces.some((p) => p.name === s.renameTo);
}

function applyOne(st: OpsState, s: Scenario, own: string[]): void {
  const at = st.pieces.findIndex((p) => p.name === s.name);
  if (s.op === undefined) {
    st.errors.push(
      `"#### ${s.labelled ? 'Scenario: ' : ''}${s.name}" has no operation; in a block of scenario operations every level-4 heading needs ADDED, MODIFIED, REMOVED or RENAMED.`,
    );
  } else if (s.op === 'ADDED') {
    addScenario(st, s, own);
  } else if (at === -1) {
    if (!alreadyApplied(st, s)) missing(st, s, s.op);
  } else if (s.op === 'MODIFIED') {
    st.pieces[at] = { ...(st.pieces[at] as Piece), lines: headed(s.name, own) };
  } else if (s.op === 'REMOVED') {
    st.pieces.splice(at, 1);
  } else {
    renameScenario(st, s, at);
  }
}

/**
 * Apply scenario-level operations (`#### ADDED|MODIFIED|REMOVED Scenario: X`,
 * `#### RENAMED Scenario: Old -> New`) of a partial MODIFIED block to the current requirement.
 * With `resync` (this change's own sync already applied the block) operations that are already in
 * place are no-ops, so a sync can be repeated and followed by archive.
 * Returns the new block's lines, or the reasons it cannot be applied.
 */
export function applyScenarioOps(
  mainDoc: ScannedDoc,
  current: Requirement,
  deltaDoc: ScannedDoc,
  block: Requirement,
  resync = false,
): { lines: string[] } | { errors: string[] } {
  const pieces: Piece[] = current.scenarios.map((s, k) => {
    const prevEnd = k === 0 ? current.bodyRange.end : (current.scenarios[k - 1] as Scenario).core.end;
    return {
      name: s.name,
      lead: linesOf(mainDoc, prevEnd, s.core.start),
      lines: linesOf(mainDoc, s.core.start, s.core.end),
    };
  });
  const st: OpsState = { pieces, errors: [], current, resync };
  for (const s of block.scenarios) applyOne(st, s, linesOf(deltaDoc, s.core.start + 1, s.core.end));
  if (st.errors.length > 0) return { errors: st.errors };
  // Untouched parts keep their original lines (blank lines included); only what the delta names changes.
  const lines = [lineAt(mainDoc, current.line)];
  if (bodyLines(block).length > 0) lines.push(...bodyLines(block));
  else lines.push(...linesOf(mainDoc, current.line + 1, current.bodyRange.end));
  for (const p of st.pieces) lines.push(...p.lead, ...p.lines);
  return { lines };
}

function trimTrailingBlank(lines: string[]): string[] {
  let e = lines.length;
  while (e > 0 && (lines[e - 1] as string).trim() === '') e--;
  return lines.slice(0, e);
}
