import type { DeltaSpec } from '../domain/change/delta.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import {
  buildMatrix,
  type CoverageCount,
  computeCoverage,
  type DanglingReference,
  explainDangling,
  type MatrixRow,
  meetsMinimum,
  type TraceTask,
} from '../domain/trace/matrix.ts';
import { type FoundReference, scanReferences } from '../domain/trace/scan-references.ts';
import { type IndexedScenario, scenariosOf } from '../domain/trace/spec-index.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { listActiveChanges } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { listSourceFiles, readScannable } from '../io/source-files.ts';
import { resolveChangeDir } from './resolve-item.ts';
import { type ChangeFilesReport, readChangeFiles } from './trace-change-files.ts';
import {
  changeScenarios,
  indexFor,
  readActiveDeltas,
  readMainNames,
  readNameEvents,
  readTasksOf,
  tracedTasks,
} from './trace-specs.ts';
import { planChangeAt } from './validate.ts';

/** The traceability matrix and what it says: coverage, uncovered scenarios, dangling references. */
export interface TraceReport {
  /** The traced change, or null for the whole project. */
  change: string | null;
  scenarios: MatrixRow[];
  /** References of the scenarios no test covers, in matrix order. */
  uncovered: string[];
  dangling: DanglingReference[];
  coverage: { overall: CoverageCount; capabilities: (CoverageCount & { capability: string })[] };
  /** The `--min-coverage` gate, or null. */
  minCoverage: number | null;
  /** Whether overall coverage meets the gate (true without one). */
  meetsMinimum: boolean;
  /** False when coverage is below the gate or a reference dangles. */
  passed: boolean;
  files: { scanned: number; withReferences: number; references: number; listedBy: 'git' | 'walk' };
  /** With a change: the files it touched since its base commit; null for a project trace. */
  changeFiles: ChangeFilesReport | null;
}

/** A trace plus what `--fix` needs: each dangling reference that archived renames can repair. */
export interface TraceRun {
  report: TraceReport;
  fixable: { found: FoundReference; fix: string }[];
  /** Warnings about openspec/config.yaml (an invalid `trace` section, unknown keys), one line each. */
  warnings: string[];
}

export interface TraceOptions {
  change?: string;
  minCoverage?: number;
  /** With a change: list the files it touched (default true; verify does not need them). */
  changeFiles?: boolean;
}

/** Scan the source files for references (see docs/verification.md for the syntax). */
async function scanProject(root: string, isCapability: (c: string) => boolean) {
  const { config, warnings } = await readProjectConfig(root);
  const source = await listSourceFiles(root, config.trace);
  const refs: FoundReference[] = [];
  let withReferences = 0;
  for (const file of source.files) {
    const isTest = source.isTest(file);
    const text = readScannable(root, file, isTest);
    if (text === undefined) continue;
    const found = scanReferences(text, { file, isTest, isCapability });
    if (found.length > 0) withReferences++;
    refs.push(...found);
  }
  const files = {
    scanned: source.files.length,
    withReferences,
    references: refs.length,
    listedBy: source.listedBy,
  };
  return { refs, files, warnings };
}

interface TraceInput {
  /** Deltas whose names references may use: the traced change's and every other active change's. */
  deltas: DeltaSpec[];
  rows: IndexedScenario[];
  tasks: TraceTask[];
  changeRel?: string;
}

async function inputFor(
  root: string,
  change: string | undefined,
  main: ReturnType<typeof readMainNames>,
): Promise<TraceInput> {
  if (change === undefined) {
    const tasks = readTasksOf(root, listActiveChanges(root));
    return { deltas: readActiveDeltas(root), rows: scenariosOf(main), tasks };
  }
  const changeRel = resolveChangeDir(root, change);
  const { plan } = await planChangeAt(root, change, changeRel);
  const text = readTextFileIfExists(root, `${changeRel}/tasks.md`);
  const tasks = text === undefined ? [] : tracedTasks(change, parseTasks(text));
  const deltas = [...plan.deltas, ...readActiveDeltas(root, change)];
  return { deltas, rows: changeScenarios(plan.deltas), tasks, changeRel };
}

/**
 * Build the matrix scenario → tasks → tests and code: for a change, its ADDED and MODIFIED scenarios
 * (references resolve against the main specs plus its deltas) and the files it touched; for the project,
 * every main-spec scenario and the tasks of every active change.
 */
export async function runTrace(root: string, opts: TraceOptions = {}): Promise<TraceRun> {
  const main = readMainNames(root);
  const input = await inputFor(root, opts.change, main);
  const index = indexFor(main, input.deltas);
  const { refs, files, warnings } = await scanProject(root, (c) => index.has(c));
  const { rows, unresolved } = buildMatrix(input.rows, index, refs, input.tasks);
  const events = unresolved.length > 0 ? await readNameEvents(root) : [];
  const dangling = explainDangling(unresolved, index, events);
  const coverage = computeCoverage(rows);
  const minCoverage = opts.minCoverage ?? null;
  const meets = minCoverage === null || meetsMinimum(coverage.overall, minCoverage);
  const passed = dangling.length === 0 && meets;
  const changeFiles =
    opts.change !== undefined && input.changeRel !== undefined && opts.changeFiles !== false
      ? await readChangeFiles(root, opts.change, input.changeRel, rows)
      : null;
  const report: TraceReport = {
    change: opts.change ?? null,
    scenarios: rows,
    uncovered: rows.filter((r) => !r.covered).map((r) => r.ref),
    dangling,
    coverage,
    minCoverage,
    meetsMinimum: meets,
    passed,
    files,
    changeFiles,
  };
  const fixable = unresolved.flatMap((u, i) => {
    const fix = dangling[i]?.fix;
    return fix ? [{ found: u.found, fix }] : [];
  });
  return { report, fixable, warnings };
}
