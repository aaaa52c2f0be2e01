import type { Issue } from '../issue.ts';
import { linesOf, textStart } from '../markdown/doc-lines.ts';
import type { ScannedDoc } from '../markdown/types.ts';
import type { Requirement, SpecDoc } from '../spec/model.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { STRUCTURAL_RULES, structuralIssues, validateSpec } from '../validation/spec-rules.ts';
import { type MergeInput, type MergePlan, outlineOf, planUpdate, type SpecOutline } from './plan-merge.ts';
import { describeExtraContent, type ExtraContent, retireExtraContent } from './retire-content.ts';

export type { MergeCounts, MergeInput, MergePlan, ParsedMain } from './plan-merge.ts';

function refuse(input: MergeInput, issues: Issue[]): MergePlan {
  return {
    capability: input.delta.capability,
    target: input.target,
    action: 'unchanged',
    counts: { added: 0, modified: 0, removed: 0, renamed: 0 },
    issues,
  };
}

function error(input: MergeInput, rule: string, message: string, fix?: string, line?: number): Issue {
  const issue: Issue = {
    level: 'ERROR',
    rule,
    message: `${input.delta.capability}: ${message}`,
    file: input.delta.file,
  };
  if (line !== undefined) issue.line = line + 1;
  if (fix) issue.fix = fix;
  return issue;
}

/** Text of a new capability's spec: title, Purpose (the delta's, or a placeholder), ADDED blocks. */
function renderNewSpec(input: MergeInput): string {
  const { delta } = input;
  const purpose =
    delta.purpose && delta.purpose.trim() !== ''
      ? delta.purpose.trim()
      : `TBD - created by archiving change ${input.changeName}. Update Purpose after archive.`;
  const blocks = delta.added.map((r) =>
    [`### Requirement: ${r.name}`, ...linesOf(delta.doc, r.core.start + 1, r.core.end)].join('\n'),
  );
  return `# ${delta.capability} Specification\n\n## Purpose\n\n${purpose}\n\n## Requirements\n\n${blocks.join('\n\n')}\n`;
}

/** A new capability's spec, with the outline `renderNewSpec` gives it. */
function planCreate(input: MergeInput): { plan: MergePlan; outline?: SpecOutline } {
  const { delta } = input;
  const issues: Issue[] = [];
  const cannot = [
    ...delta.modified.map((r) => ['MODIFIED', r.name, r.line] as const),
    ...delta.removed.map((r) => ['REMOVED', r.name, r.line] as const),
    ...delta.renamed.map((r) => ['RENAMED', r.from, r.line] as const),
  ];
  for (const [op, name, line] of cannot) {
    issues.push(
      error(
        input,
        'merge_target_missing',
        `${op} "${name}" targets ${input.target}, which does not exist; a new capability can only have ADDED requirements.`,
        'Check the capability path, or write the requirement under "## ADDED Requirements".',
        line,
      ),
    );
  }
  if (issues.length > 0) return { plan: refuse(input, issues) };
  const counts = { added: delta.added.length, modified: 0, removed: 0, renamed: 0 };
  const plan: MergePlan = {
    capability: delta.capability,
    target: input.target,
    action: 'create',
    text: renderNewSpec(input),
    counts,
    issues,
  };
  const outline = {
    sections: ['Purpose', 'Requirements'],
    requirements: delta.added.map((r) => r.name),
    foreign: [],
  };
  return { plan, outline };
}

function structuralErrors(input: MergeInput, mainIssues: Issue[]): Issue[] {
  const found = mainIssues.filter((i) => i.level === 'ERROR' && STRUCTURAL_RULES.has(i.rule));
  if (found.length === 0) return [];
  const detail = found.map((i) => `line ${i.line}: ${i.message}`).join('; ');
  return [
    error(
      input,
      'merge_target_invalid',
      `${input.target} is structurally invalid and cannot be updated until fixed: ${detail}`,
    ),
  ];
}

/** Any character but whitespace (a BOM counts as whitespace): the first one ends the search. */
const NON_BLANK = /\S/;

/** A main spec that is empty or only whitespace: it has no title, Purpose or Requirements to merge into. */
function emptyTarget(input: MergeInput, text: string): Issue {
  return error(
    input,
    'merge_target_invalid',
    `${input.target} is ${text === '' ? 'empty' : 'blank (whitespace only)'}: it has no title, Purpose or Requirements section to merge into.`,
    `Write the spec ("# <title>", "## Purpose", "## Requirements"), or delete ${input.target} if the change creates the capability.`,
  );
}

/** Retire or refuse when the merge removed the capability's last requirement. */
function emptied(input: MergeInput, plan: MergePlan, main: SpecDoc | undefined): MergePlan {
  const extra = main ? retireExtraContent(main) : [];
  const lost = describeExtraContent(extra);
  if (input.retire && extra.length > 0) {
    return refuse(input, [
      {
        ...error(
          input,
          'merge_retire_extra_content',
          `retiring the capability would delete ${input.target}, which holds more than its title, Purpose and the removed requirements: ${lost}.`,
          'Move that content into another spec (or delete it) first; then the capability can be retired.',
        ),
        file: input.target,
        line: (extra[0] as ExtraContent).line + 1,
      },
    ]);
  }
  if (input.retire) {
    const note: Issue = {
      level: 'WARNING',
      rule: 'merge_capability_retired',
      message: `${input.delta.capability}: last requirement removed; the capability is retired: ${input.target} is deleted, and its folder too when nothing else is in it.`,
      file: input.delta.file,
    };
    const { text: _dropped, ...rest } = plan;
    return { ...rest, action: 'retire', issues: [...plan.issues, note] };
  }
  const retireFix = 'add "retire_capabilities: true" to the change\'s .openspec.yaml';
  return refuse(input, [
    error(
      input,
      'merge_would_empty_capability',
      `removing the last requirement would leave ${input.target} without requirements.`,
      extra.length > 0
        ? `To retire the capability, move or delete what else ${input.target} holds (${lost}) and ${retireFix}.`
        : `To retire the capability, ${retireFix}.`,
    ),
  ]);
}

/**
 * Plan the merge of one delta into its main spec, entirely in memory. The same function serves
 * `validate` (a dry run) and `archive`/`sync` (which write `text` only when no ERROR is present).
 */
export function planMerge(input: MergeInput): MergePlan {
  if (input.mainText === undefined) {
    const { plan, outline } = planCreate(input);
    return checkResult(input, plan, outline && { outline, mainIssues: () => [] });
  }
  if (!NON_BLANK.test(input.mainText)) return refuse(input, [emptyTarget(input, input.mainText)]);
  const main = input.main?.spec ?? parseSpec(input.mainText);
  const broken = structuralErrors(input, input.main?.issues ?? structuralIssues(main, input.target));
  if (broken.length > 0) return refuse(input, broken);
  const { plan, outline } = planUpdate(input, main);
  const mainIssues = () => input.main?.issues ?? validateSpec(main, input.target);
  return checkResult(input, plan, outline && { outline, main, mainIssues });
}

/** Differences between the planned and the actual outline of a merged spec, in words; '' when none. */
function outlineDrift(planned: SpecOutline, actual: SpecOutline): string {
  const parts: string[] = [];
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  const compare = (what: string, want: string[], got: string[]) => {
    if (want.length === got.length && want.every((n, i) => n === got[i])) return;
    const missing = want.filter((n) => !got.includes(n));
    const extra = got.filter((n) => !want.includes(n));
    if (missing.length > 0) parts.push(`${what} ${list(missing)} would disappear`);
    if (extra.length > 0) parts.push(`${what} ${list(extra)} would appear`);
    if (missing.length === 0 && extra.length === 0) parts.push(`the order of the ${what}s would change`);
  };
  compare('requirement', planned.requirements, actual.requirements);
  compare('section', planned.sections, actual.sections);
  compare('block', planned.foreign, actual.foreign);
  return parts.join('; ');
}

/** Whether requirement `b` of `docB` is byte for byte, with the same line kinds, requirement `a` of `docA`. */
function sameBlock(docA: ScannedDoc, a: Requirement, docB: ScannedDoc, b: Requirement): boolean {
  const n = a.core.end - a.core.start;
  if (n !== b.core.end - b.core.start || a.scenarios.length !== b.scenarios.length) return false;
  for (let i = 0; i < n; i++) if (docA.kinds[a.core.start + i] !== docB.kinds[b.core.start + i]) return false;
  // The bytes of the whole block, line endings included: stricter than line by line, and one comparison.
  return blockBytes(docA, a) === blockBytes(docB, b);
}

function blockBytes(doc: ScannedDoc, r: Requirement): string {
  return doc.source.slice(textStart(doc, r.core.start), doc.lineEnds[r.core.end - 1]);
}

/** Requirements of `result` copied unchanged from `main`: their content issues are those `main` has. */
function copiedFrom(main: SpecDoc, result: SpecDoc): (r: Requirement) => boolean {
  const byName = new Map<string, Requirement>();
  for (const r of main.requirements) if (!byName.has(r.name)) byName.set(r.name, r);
  return (r) => {
    const before = byName.get(r.name);
    return before !== undefined && sameBlock(main.doc, before, result.doc, r);
  };
}

interface ResultCheck {
  /** What the merged text must parse back to. */
  outline: SpecOutline;
  /** The main spec merged into (absent for a new capability). */
  main?: SpecDoc;
  /** The main spec's own issues, computed only when the result has errors (to tell new from old). */
  mainIssues: () => Issue[];
}

/**
 * Parse the merged spec back: it must have the planned outline (nothing swallowed by a block left open),
 * and an ERROR the merge introduced refuses it (errors the spec already had do not).
 */
function checkResult(input: MergeInput, plan: MergePlan, check: ResultCheck | undefined): MergePlan {
  if (plan.issues.some((i) => i.level === 'ERROR') || plan.text === undefined || plan.action === 'unchanged')
    return plan;
  const result = parseSpec(plan.text);
  if (result.requirements.length === 0 && input.mainText !== undefined)
    return emptied(input, plan, check?.main);
  const drift = check ? outlineDrift(check.outline, outlineOf(result)) : '';
  if (drift !== '') {
    return refuse(input, [
      ...plan.issues,
      error(
        input,
        'merge_result_invalid',
        `the merged ${input.target} would not read back as planned: ${drift}.`,
        'A requirement block in the delta probably leaves a code fence (```) or an HTML block open: close it.',
      ),
    ]);
  }
  const skip = check?.main ? copiedFrom(check.main, result) : undefined;
  const resultErrors = validateSpec(result, input.target, skip).filter((i) => i.level === 'ERROR');
  if (resultErrors.length === 0) return plan;
  const before = new Set((check?.mainIssues() ?? []).map((i) => `${i.rule}|${i.message}`));
  const errors = resultErrors.filter((i) => !before.has(`${i.rule}|${i.message}`));
  if (errors.length === 0) return plan;
  const detail = errors.map((i) => i.message).join('; ');
  return refuse(input, [
    ...plan.issues,
    error(input, 'merge_result_invalid', `the merged ${input.target} would be invalid: ${detail}`),
  ]);
}
