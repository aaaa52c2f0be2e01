import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { invocationOf, planFiles, surfacesOf } from '../domain/tools/plan-files.ts';
import { type FileAction, planSync, type SkipReason } from '../domain/tools/plan-sync.ts';
import {
  projectSettingsOf,
  type ResolvedSelection,
  renderProjectSettings,
  type SettingSource,
} from '../domain/tools/settings.ts';
import { findTool, isSharedSkillsDir, type ToolId } from '../domain/tools/tools.ts';
import type { Delivery, Profile, WorkflowId } from '../domain/tools/workflows.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { readTextFileIfExists } from '../io/fs-safe.ts';
import { loadSources, PROJECT_SETTINGS_PATH } from './integrations-project.ts';

declare const __SPECWRIGHT_VERSION__: string;

/** The version written into generated-by stamps (inlined by the build; `0.0.0-dev` under tests). */
const GENERATOR_VERSION = typeof __SPECWRIGHT_VERSION__ === 'string' ? __SPECWRIGHT_VERSION__ : '0.0.0-dev';

/** One managed file (or block) and what happened to it. */
export interface FileEntry {
  path: string;
  kind: 'skill' | 'command' | 'block';
  tools: ToolId[];
  workflow: WorkflowId | null;
  action: FileAction;
  reason?: SkipReason;
}

/** How to run the first installed workflow in one tool, as init prints it. */
export interface Invocation {
  tool: ToolId;
  name: string;
  workflow: WorkflowId;
  invoke: string;
}

export interface IntegrationReport {
  tools: ToolId[];
  profile: Profile;
  workflows: WorkflowId[];
  delivery: Delivery;
  /** Where each setting came from: flag, prompt, project, user, detected or default. */
  sources: { tools: SettingSource; profile: SettingSource; delivery: SettingSource };
  files: FileEntry[];
  summary: { written: number; unchanged: number; skipped: number; removed: number };
  invocations: Invocation[];
  notes: string[];
  /** `openspec/integrations.yaml` and what happened to it; null when the project records nothing. */
  manifest: { path: string; action: 'created' | 'updated' | 'unchanged' } | null;
}

export interface IntegrationOptions {
  /** Overwrite edited files and files without a stamp, and remove edited files no longer selected. */
  force: boolean;
  /** Record the selection in `openspec/integrations.yaml` (even when it selects no tool). */
  record: boolean;
}

/**
 * Folders that hold nothing but removed files once the removals are done (deepest first), so a
 * deselected tool leaves no empty `.claude/skills/sw-x/` behind. Folders with anything else are kept.
 */
function emptiedDirs(root: string, removed: readonly string[]): string[] {
  const gone = new Set(removed);
  const candidates = new Set<string>();
  for (const p of removed) for (let d = dirname(p); d !== '.'; d = dirname(d)) candidates.add(d);
  const deepestFirst = [...candidates].sort(
    (a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1),
  );
  const out: string[] = [];
  for (const dir of deepestFirst) {
    let entries: string[];
    try {
      entries = readdirSync(join(root, dir));
    } catch {
      continue;
    }
    if (entries.every((e) => gone.has(`${dir}/${e}`))) {
      gone.add(dir);
      out.push(dir);
    }
  }
  return out;
}

function notesFor(selection: ResolvedSelection, files: readonly FileEntry[]): string[] {
  const notes: string[] = [];
  const tools = selection.tools.map(findTool);
  if (selection.delivery === 'commands') {
    for (const t of tools.filter((t) => t.commands === null))
      notes.push(`${t.name} has no command files; it gets skills.`);
  }
  const dirs = new Map<string, string[]>();
  for (const t of tools) {
    if (surfacesOf(t, selection.delivery).skills && isSharedSkillsDir(t.skills.dir))
      dirs.set(t.skills.dir, [...(dirs.get(t.skills.dir) ?? []), t.name]);
  }
  for (const [dir, names] of dirs)
    if (names.length > 1) notes.push(`${names.join(' and ')} share ${dir}; one set of skills serves them.`);
  const written = new Set(
    files.filter((f) => f.action === 'created' || f.action === 'updated').flatMap((f) => f.tools),
  );
  const restart = tools.filter((t) => t.restart && written.has(t.id as ToolId)).map((t) => t.name);
  if (restart.length > 0) notes.push(`Restart ${restart.join(', ')} to load the new commands and skills.`);
  return notes;
}

function manifestStep(root: string, selection: ResolvedSelection, options: IntegrationOptions) {
  if (!options.record) return { op: undefined, manifest: null };
  const text = renderProjectSettings(projectSettingsOf(selection));
  const existing = readTextFileIfExists(root, PROJECT_SETTINGS_PATH);
  const action = existing === undefined ? 'created' : existing === text ? 'unchanged' : 'updated';
  const op: FileOp | undefined =
    action === 'unchanged' ? undefined : { kind: 'write', path: PROJECT_SETTINGS_PATH, content: text };
  return { op, manifest: { path: PROJECT_SETTINGS_PATH, action } as const };
}

/**
 * Plan the integration files of `selection` against the project at `root`: the file operations to
 * apply (as one transaction, possibly with others) and the report. Nothing is written here.
 */
export function planIntegrations(
  root: string,
  selection: ResolvedSelection,
  options: IntegrationOptions,
): { ops: FileOp[]; report: IntegrationReport } {
  const desired = planFiles(selection, loadSources(), GENERATOR_VERSION);
  const decisions = planSync(desired, (path) => readTextFileIfExists(root, path), options.force);
  const ops: FileOp[] = [];
  const removed = decisions.filter((d) => d.write === null).map((d) => d.path);
  for (const d of decisions) {
    if (d.write === null) ops.push({ kind: 'delete', path: d.path });
    else if (d.write !== undefined) ops.push({ kind: 'write', path: d.path, content: d.write });
  }
  for (const dir of emptiedDirs(root, removed)) ops.push({ kind: 'delete', path: dir });
  const files: FileEntry[] = decisions.map(({ write: _write, ...entry }) => entry);
  const count = (...actions: FileAction[]) => files.filter((f) => actions.includes(f.action)).length;
  const { op, manifest } = manifestStep(root, selection, options);
  if (op) ops.push(op);
  const firstWorkflow = selection.workflows.includes('propose') ? 'propose' : selection.workflows[0];
  const invocations = firstWorkflow
    ? selection.tools.map((id) => {
        const tool = findTool(id);
        return {
          tool: id,
          name: tool.name,
          workflow: firstWorkflow,
          invoke: invocationOf(tool, selection.delivery, firstWorkflow),
        };
      })
    : [];
  const report: IntegrationReport = {
    tools: selection.tools,
    profile: selection.profile,
    workflows: selection.workflows,
    delivery: selection.delivery,
    sources: selection.sources,
    files,
    summary: {
      written: count('created', 'updated'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      removed: count('removed'),
    },
    invocations,
    notes: notesFor(selection, files),
    manifest,
  };
  return { ops, report };
}

/** Plan and apply in one transaction; every file is restored if any write fails. */
export async function syncIntegrations(
  root: string,
  selection: ResolvedSelection,
  options: IntegrationOptions,
): Promise<IntegrationReport> {
  const { ops, report } = planIntegrations(root, selection, options);
  await applyFileTransaction(root, ops);
  return report;
}
