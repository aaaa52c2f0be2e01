import type { Issue } from '../domain/issue.ts';
import { checkRisks, parseRisks, type Risk, sortRisks } from '../domain/research/risks.ts';
import { SCRATCHPAD_DIR } from '../domain/research/scratchpad-kinds.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';

/** Files of a change whose `- [LEVEL] risk → mitigation` bullets form its risk register, in this order. */
const RISK_FILES = ['design.md', `${SCRATCHPAD_DIR}/decomposition.md`] as const;

/** A risk with the root-relative file it is written in. */
export type LocatedRisk = Risk & { file: string };

/**
 * The risk register of a change: the risks of design.md and research/decomposition.md, HIGH first
 * (file order within a level), and a `risk_without_mitigation` WARNING per HIGH risk without one.
 */
export function readRiskRegister(
  root: string,
  changeRel: string,
  read: (rel: string) => string | undefined = (rel) => readTextFileIfExists(root, rel),
): { risks: LocatedRisk[]; issues: Issue[] } {
  const risks: LocatedRisk[] = [];
  const issues: Issue[] = [];
  for (const name of RISK_FILES) {
    const file = `${changeRel}/${name}`;
    const text = read(file);
    if (text === undefined) continue;
    const found = parseRisks(text);
    risks.push(...found.map((r) => ({ ...r, file })));
    issues.push(...checkRisks(found, file));
  }
  return { risks: sortRisks(risks), issues };
}
