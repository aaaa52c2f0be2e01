import type { DeltaOp, DeltaSpec } from '../domain/change/delta.ts';
import { CliError } from '../domain/errors.ts';
import { scanMarkdown } from '../domain/markdown/scan.ts';
import type { ScannedDoc } from '../domain/markdown/types.ts';
import { scenarioBody, scenarioSteps, textOf } from '../domain/spec/blocks.ts';
import type { Requirement } from '../domain/spec/model.ts';
import { parseSpec, sectionsOf } from '../domain/spec/parse-spec.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { formatRef } from '../domain/trace/spec-index.ts';
import { readTextFile, readTextFileIfExists } from '../io/fs-safe.ts';
import { mainSpecPath } from '../io/project.ts';
import { planChangeAt } from './validate.ts';

interface ShownScenario {
  name: string;
  /** `capability#Requirement/Scenario`: how tests, code and tasks refer to the scenario. */
  ref: string;
  line: number;
  rawText: string;
  steps: { keyword: string; text: string }[];
}

interface ShownRequirement {
  name: string;
  /** `capability#Requirement`: how tests, code and tasks refer to the requirement. */
  ref: string;
  line: number;
  text: string;
  scenarios: ShownScenario[];
}

export interface ShownSpec {
  id: string;
  title: string;
  file: string;
  overview: string;
  requirementCount: number;
  requirements: ShownRequirement[];
  metadata: { version: string; format: 'openspec' };
}

export interface SpecShowOptions {
  /** 1-based index of the only requirement to include. */
  requirement?: number;
  /** Drop scenarios (`--requirements` / `--no-scenarios`). */
  noScenarios?: boolean;
}

function shownRequirement(
  capability: string,
  doc: ScannedDoc,
  r: Requirement,
  withScenarios: boolean,
): ShownRequirement {
  return {
    name: r.name,
    ref: formatRef(capability, r.name),
    line: r.line + 1,
    text: r.text,
    scenarios: withScenarios
      ? r.scenarios.map((s) => ({
          name: s.name,
          ref: formatRef(capability, r.name, s.name),
          line: s.line + 1,
          rawText: scenarioBody(doc, s),
          steps: scenarioSteps(doc, s).map((st) => ({ keyword: st.keyword, text: st.text })),
        }))
      : [],
  };
}

/** A main spec as a stable JSON-ready object. */
export function showSpec(root: string, id: string, opts: SpecShowOptions = {}): ShownSpec {
  const file = mainSpecPath(id);
  const spec = parseSpec(readTextFile(root, file));
  let reqs = spec.requirements;
  if (opts.requirement !== undefined) {
    const picked = reqs[opts.requirement - 1];
    if (!Number.isInteger(opts.requirement) || opts.requirement < 1 || !picked) {
      throw new CliError(
        'requirement_not_found',
        `Requirement ${opts.requirement} not found in '${id}' (it has ${reqs.length}).`,
      );
    }
    reqs = [picked];
  }
  return {
    id,
    title: spec.title?.text ?? id,
    file,
    overview: spec.purpose?.text ?? '',
    requirementCount: reqs.length,
    requirements: reqs.map((r) => shownRequirement(id, spec.doc, r, !opts.noScenarios)),
    metadata: { version: '1.0.0', format: 'openspec' },
  };
}

interface ShownDelta {
  spec: string;
  operation: DeltaOp;
  description: string;
  file: string;
  line: number;
  requirement?: ShownRequirement;
  rename?: { from: string; to: string };
}

export interface ShownChange {
  id: string;
  title: string;
  dir: string;
  proposal: { file: string; sections: { title: string; text: string }[] } | null;
  tasks: { done: number; total: number };
  deltaCount: number;
  deltas: ShownDelta[];
}

function deltasOf(d: DeltaSpec): ShownDelta[] {
  const base = (operation: DeltaOp, line: number) => ({
    spec: d.capability,
    operation,
    file: d.file,
    line: line + 1,
  });
  const verb = { ADDED: 'Add', MODIFIED: 'Modify' } as const;
  return [
    ...(['ADDED', 'MODIFIED'] as const).flatMap((op) =>
      (op === 'ADDED' ? d.added : d.modified).map((r) => ({
        ...base(op, r.line),
        description: `${verb[op]} requirement "${r.name}"`,
        requirement: shownRequirement(d.capability, d.doc, r, true),
      })),
    ),
    ...d.removed.map((r) => ({ ...base('REMOVED', r.line), description: `Remove requirement "${r.name}"` })),
    ...d.renamed.map((r) => ({
      ...base('RENAMED', r.line),
      description: `Rename requirement "${r.from}" to "${r.to}"`,
      rename: { from: r.from, to: r.to },
    })),
  ];
}

function proposalOf(
  root: string,
  dir: string,
): (NonNullable<ShownChange['proposal']> & { title?: string }) | null {
  const file = `${dir}/proposal.md`;
  const text = readTextFileIfExists(root, file);
  if (text === undefined) return null;
  const doc = scanMarkdown(text);
  const h1 = doc.headings.find((h) => h.level === 1)?.text.replace(/^Change:\s*/i, '');
  const sections = sectionsOf(doc).map((s) => ({
    title: s.title,
    text: textOf(doc, { start: s.line + 1, end: s.range.end }),
  }));
  return h1 && !/^proposal$/i.test(h1) ? { file, sections, title: h1 } : { file, sections };
}

/** A change as a stable JSON-ready object: proposal sections, task progress, parsed deltas. */
export async function showChange(root: string, name: string): Promise<ShownChange> {
  const dir = `openspec/changes/${name}`;
  const { plan } = await planChangeAt(root, name, dir);
  const deltas = plan.deltas.flatMap(deltasOf);
  const proposal = proposalOf(root, dir);
  const tasksText = readTextFileIfExists(root, `${dir}/tasks.md`);
  const tasks = tasksText === undefined ? { done: 0, total: 0 } : parseTasks(tasksText);
  const title = proposal?.title ?? name;
  const shownProposal = proposal ? { file: proposal.file, sections: proposal.sections } : null;
  return {
    id: name,
    title,
    dir,
    proposal: shownProposal,
    tasks: { done: tasks.done, total: tasks.total },
    deltaCount: deltas.length,
    deltas,
  };
}
