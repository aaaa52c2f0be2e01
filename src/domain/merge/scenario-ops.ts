import type { ScannedDoc } from '../markdown/types.ts';
import { foldName } from '../spec/blocks.ts';
import type { Requirement, Scenario } from '../spec/model.ts';

/** A MODIFIED block is partial when any of its level-4 headings carries a scenario operation. */
export function isPartialModify(block: Requirement): boolean {
  return block.scenarios.some((s) => s.op !== undefined);
}

function linesOf(doc: ScannedDoc, start: number, end: number): string[] {
  return doc.lines.slice(start, end);
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

/**
 * Apply scenario-level operations (`#### ADDED|MODIFIED|REMOVED Scenario: X`,
 * `#### RENAMED Scenario: Old -> New`) of a partial MODIFIED block to the current requirement.
 * Returns the new block's lines, or the reasons it cannot be applied.
 */
export function applyScenarioOps(
  mainDoc: ScannedDoc,
  current: Requirement,
  deltaDoc: ScannedDoc,
  block: Requirement,
): { lines: string[] } | { errors: string[] } {
  const errors: string[] = [];
  const pieces: Piece[] = current.scenarios.map((s, k) => {
    const prevEnd = k === 0 ? current.bodyRange.end : (current.scenarios[k - 1] as Scenario).core.end;
    return {
      name: s.name,
      lead: linesOf(mainDoc, prevEnd, s.core.start),
      lines: linesOf(mainDoc, s.core.start, s.core.end),
    };
  });
  const find = (name: string) => pieces.findIndex((p) => p.name === name);
  const near = (name: string) => pieces.find((p) => foldName(p.name) === foldName(name) && p.name !== name);
  const missing = (s: Scenario, verb: string) => {
    const variant = near(s.name);
    errors.push(
      `${verb} scenario "${s.name}" is not in requirement "${current.name}"${variant ? ` (it has "${variant.name}"; names must match exactly)` : ''}.`,
    );
  };
  for (const s of block.scenarios) {
    const own = linesOf(deltaDoc, s.core.start + 1, s.core.end);
    const at = find(s.name);
    if (s.op === undefined) {
      errors.push(
        `"#### ${s.labelled ? 'Scenario: ' : ''}${s.name}" has no operation; in a block of scenario operations every level-4 heading needs ADDED, MODIFIED, REMOVED or RENAMED.`,
      );
    } else if (s.op === 'ADDED') {
      const clash = pieces.find((p) => foldName(p.name) === foldName(s.name));
      if (clash)
        errors.push(
          `ADDED scenario "${s.name}" already exists in requirement "${current.name}" as "${clash.name}".`,
        );
      else
        pieces.push({
          name: s.name,
          lead: [''],
          lines: [`#### Scenario: ${s.name}`, ...trimTrailingBlank(own)],
        });
    } else if (at === -1) {
      missing(s, s.op);
    } else if (s.op === 'MODIFIED') {
      pieces[at] = {
        ...(pieces[at] as Piece),
        lines: [`#### Scenario: ${s.name}`, ...trimTrailingBlank(own)],
      };
    } else if (s.op === 'REMOVED') {
      pieces.splice(at, 1);
    } else {
      const to = s.renameTo ?? '';
      if (to === '')
        errors.push(`RENAMED scenario "${s.name}" needs a new name: "#### RENAMED Scenario: Old -> New".`);
      else if (pieces.some((p) => foldName(p.name) === foldName(to)))
        errors.push(`RENAMED scenario target "${to}" already exists in requirement "${current.name}".`);
      else {
        const piece = pieces[at] as Piece;
        pieces[at] = { ...piece, name: to, lines: [`#### Scenario: ${to}`, ...piece.lines.slice(1)] };
      }
    }
  }
  if (errors.length > 0) return { errors };
  // Untouched parts keep their original lines (blank lines included); only what the delta names changes.
  const lines = [mainDoc.lines[current.line] as string];
  if (bodyLines(block).length > 0) lines.push(...bodyLines(block));
  else lines.push(...linesOf(mainDoc, current.line + 1, current.bodyRange.end));
  for (const p of pieces) lines.push(...p.lead, ...p.lines);
  return { lines };
}

function trimTrailingBlank(lines: string[]): string[] {
  let e = lines.length;
  while (e > 0 && (lines[e - 1] as string).trim() === '') e--;
  return lines.slice(0, e);
}
