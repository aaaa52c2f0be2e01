import type { Issue } from '../issue.ts';
import { lineAt, lineCount } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { LineKind } from '../markdown/types.ts';

const RISK_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** One entry of a risk register: `- [HIGH] <risk> → <mitigation>`. */
export interface Risk {
  level: RiskLevel;
  /** The risk, without the level and the mitigation. */
  text: string;
  /** What contains it (after `→` or `->`), or null when the line gives none. */
  mitigation: string | null;
  /** 1-based line. */
  line: number;
}

/** A bullet whose text starts with `[HIGH]`, `[MEDIUM]` or `[LOW]` (any case). */
const RISK_LINE = /^[ \t]*[-*+][ \t]+\[(high|medium|low)\][ \t]*(.*)$/i;

/** Index of the first `→` or `->` outside backtick code spans, with the arrow's length; -1 when none. */
function arrowAt(text: string): { index: number; length: number } {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '`') inCode = !inCode;
    else if (!inCode && ch === '→') return { index: i, length: 1 };
    else if (!inCode && ch === '-' && text[i + 1] === '>') return { index: i, length: 2 };
  }
  return { index: -1, length: 0 };
}

function readRisk(level: string, rest: string, line: number): Risk {
  const arrow = arrowAt(rest);
  const text = (arrow.index < 0 ? rest : rest.slice(0, arrow.index)).trim();
  const mitigation = arrow.index < 0 ? '' : rest.slice(arrow.index + arrow.length).trim();
  return {
    level: level.toUpperCase() as RiskLevel,
    text,
    mitigation: mitigation === '' ? null : mitigation,
    line,
  };
}

/**
 * The risk register of a Markdown file (design.md, research/decomposition.md): every bullet written
 * `- [HIGH] <risk> → <mitigation>` (also `->`; levels HIGH, MEDIUM, LOW in any case), anywhere in the
 * file except code blocks and HTML comments. Other bullets are not risks. Pure.
 */
export function parseRisks(text: string): Risk[] {
  const doc = scanMarkdown(text);
  const risks: Risk[] = [];
  for (let i = 0; i < lineCount(doc); i++) {
    const kind = doc.kinds[i];
    if (kind !== LineKind.Text && kind !== LineKind.Nested) continue;
    const m = RISK_LINE.exec(lineAt(doc, i));
    if (m) risks.push(readRisk(m[1] as string, m[2] as string, i + 1));
  }
  return risks;
}

/** `risk_without_mitigation`: a HIGH risk that says nothing about how it is contained. */
export function checkRisks(risks: readonly Risk[], file: string): Issue[] {
  return risks
    .filter((r) => r.level === 'HIGH' && r.mitigation === null)
    .map((r) => ({
      level: 'WARNING',
      rule: 'risk_without_mitigation',
      message: `HIGH risk "${r.text}" has no mitigation.`,
      file,
      line: r.line,
      fix: `Say how it is contained: - [HIGH] ${r.text} → <mitigation>`,
    }));
}

/** Risks ordered HIGH, MEDIUM, LOW, keeping file order within a level (the sort is stable). */
export function sortRisks<T extends { level: RiskLevel }>(risks: readonly T[]): T[] {
  return [...risks].sort((a, b) => RISK_LEVELS.indexOf(a.level) - RISK_LEVELS.indexOf(b.level));
}
