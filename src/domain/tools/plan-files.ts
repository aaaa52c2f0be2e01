import { renderCommandFile, renderSkillFile } from './render-files.ts';
import { withStamp } from './stamp.ts';
import { findTool, isSharedSkillsDir, TOOLS, type ToolId, type ToolRow } from './tools.ts';
import { fillPlaceholders, type PlaceholderValues, type WorkflowSource } from './workflow-source.ts';
import { type Delivery, skillName, WORKFLOW_IDS, type WorkflowId } from './workflows.ts';

/** The CLI name written into every text (`{{cli}}`). */
const CLI_NAME = 'specwright';

/** Which tools get which workflows, and how. */
export interface Selection {
  tools: readonly ToolId[];
  workflows: readonly WorkflowId[];
  delivery: Delivery;
}

/** The texts files are rendered from: one source per workflow plus the instruction-file block. */
export interface Sources {
  workflows: ReadonlyMap<WorkflowId, WorkflowSource>;
  /** `assets/workflows/fragments/instructions-block.md`, placeholders unfilled. */
  block: string;
}

/** A skill folder's `SKILL.md`, a command file, or the managed block of an instructions file. */
export type ManagedKind = 'skill' | 'command' | 'block';

export interface DesiredFile {
  /** Root-relative POSIX path. */
  path: string;
  kind: ManagedKind;
  /** Tools this file serves (several when they share a skills folder), in table order. */
  tools: ToolId[];
  workflow: WorkflowId | null;
  /** The stamped text: the whole file, or for a block what goes between the markers. */
  content: string;
}

/** Which of a tool's surfaces a delivery gives it: a tool without command files always gets skills. */
export function surfacesOf(tool: ToolRow, delivery: Delivery): { skills: boolean; commands: boolean } {
  const commands = delivery !== 'skills' && tool.commands !== null;
  return { skills: delivery !== 'commands' || tool.commands === null, commands };
}

export function commandPath(tool: ToolRow, workflow: WorkflowId): string | undefined {
  return tool.commands?.path.replace('{id}', workflow);
}

export function skillPath(tool: ToolRow, workflow: WorkflowId): string {
  return `${tool.skills.dir}/${skillName(workflow)}/SKILL.md`;
}

/**
 * What the user types (or asks for) to run `workflow` in `tool`: the command when command files are
 * delivered, else the skill's own invocation, else a request for the skill by name.
 */
export function invocationOf(tool: ToolRow, delivery: Delivery, workflow: WorkflowId): string {
  if (surfacesOf(tool, delivery).commands && tool.commands)
    return tool.commands.invoke.replace('{id}', workflow);
  if (tool.skills.invoke) return tool.skills.invoke.replace('{skill}', skillName(workflow));
  return `the ${skillName(workflow)} skill`;
}

/** `{{invoke:x}}` as Markdown: code for something to type, prose for a skill to ask for. */
function invokeMarkdown(text: string): string {
  return text.startsWith('the ') ? text.replace(/^the (\S+) skill$/, 'the `$1` skill') : `\`${text}\``;
}

function placeholderValues(
  selection: Selection,
  invoke: (w: WorkflowId) => string,
  input: string,
  sources: Sources,
): PlaceholderValues {
  const installed = (w: WorkflowId) => selection.workflows.includes(w);
  const list = selection.workflows
    .map((w) => `- ${invoke(w)}: ${sources.workflows.get(w)?.title ?? w}`)
    .join('\n');
  return {
    cli: CLI_NAME,
    input,
    workflowList: list,
    invoke: (w) => (installed(w) ? invoke(w) : `\`${skillName(w)}\` (not installed)`),
  };
}

function sourceOf(sources: Sources, workflow: WorkflowId): WorkflowSource {
  const source = sources.workflows.get(workflow);
  if (!source) throw new Error(`no source text for workflow ${workflow}`);
  return source;
}

function skillFile(
  tool: ToolRow,
  selection: Selection,
  sources: Sources,
  workflow: WorkflowId,
  version: string,
) {
  const shared = isSharedSkillsDir(tool.skills.dir);
  const invoke = (w: WorkflowId) =>
    shared ? `the \`${skillName(w)}\` skill` : invokeMarkdown(invocationOf(tool, selection.delivery, w));
  const source = sourceOf(sources, workflow);
  const values = placeholderValues(selection, invoke, "the user's request", sources);
  const body = fillPlaceholders(source.body, values, `${workflow}.md`);
  const name = skillName(workflow);
  return withStamp(renderSkillFile({ ...source, name, body }), 'html', version);
}

function commandFile(
  tool: ToolRow,
  selection: Selection,
  sources: Sources,
  workflow: WorkflowId,
  version: string,
) {
  const surface = tool.commands as NonNullable<ToolRow['commands']>;
  const invoke = (w: WorkflowId) => invokeMarkdown(invocationOf(tool, selection.delivery, w));
  const input = surface.args ?? 'the text the user typed after the command';
  const source = sourceOf(sources, workflow);
  const body = fillPlaceholders(
    source.body,
    placeholderValues(selection, invoke, input, sources),
    `${workflow}.md`,
  );
  const text = renderCommandFile(surface.format, { ...source, name: skillName(workflow), body });
  return withStamp(text, surface.format === 'toml-prompt' ? 'hash' : 'html', version);
}

function blockContent(tool: ToolRow, selection: Selection, sources: Sources, version: string): string {
  const invoke = (w: WorkflowId) => invokeMarkdown(invocationOf(tool, selection.delivery, w));
  const values = placeholderValues(selection, invoke, "the user's request", sources);
  return withStamp(fillPlaceholders(sources.block, values, 'instructions-block.md'), 'html', version);
}

function add(files: Map<string, DesiredFile>, file: DesiredFile): void {
  const seen = files.get(file.path);
  if (!seen) files.set(file.path, file);
  else if (seen.content === file.content) seen.tools.push(...file.tools);
  else throw new Error(`${file.path}: tools ${seen.tools.join(', ')} and ${file.tools.join(', ')} disagree`);
}

/**
 * Every file the selection asks for, rendered and stamped, sorted by path. Tools that share a skills
 * folder (Codex and the generic agents target) share its files, which therefore name skills neutrally.
 */
export function planFiles(selection: Selection, sources: Sources, version: string): DesiredFile[] {
  const files = new Map<string, DesiredFile>();
  for (const id of selection.tools) {
    const tool = findTool(id);
    const surfaces = surfacesOf(tool, selection.delivery);
    for (const workflow of selection.workflows) {
      if (surfaces.skills) {
        const content = skillFile(tool, selection, sources, workflow, version);
        add(files, { path: skillPath(tool, workflow), kind: 'skill', tools: [id], workflow, content });
      }
      const path = commandPath(tool, workflow);
      if (surfaces.commands && path) {
        const content = commandFile(tool, selection, sources, workflow, version);
        add(files, { path, kind: 'command', tools: [id], workflow, content });
      }
    }
    if (tool.instructionsFile) {
      const content = blockContent(tool, selection, sources, version);
      add(files, { path: tool.instructionsFile, kind: 'block', tools: [id], workflow: null, content });
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every path any tool and workflow could generate: what `update` may remove once it is deselected. */
export function allManagedPaths(): {
  path: string;
  kind: ManagedKind;
  tool: ToolId;
  workflow: WorkflowId | null;
}[] {
  const out: { path: string; kind: ManagedKind; tool: ToolId; workflow: WorkflowId | null }[] = [];
  for (const tool of TOOLS as readonly ToolRow[]) {
    const id = tool.id as ToolId;
    for (const workflow of WORKFLOW_IDS) {
      out.push({ path: skillPath(tool, workflow), kind: 'skill', tool: id, workflow });
      const path = commandPath(tool, workflow);
      if (path) out.push({ path, kind: 'command', tool: id, workflow });
    }
    if (tool.instructionsFile)
      out.push({ path: tool.instructionsFile, kind: 'block', tool: id, workflow: null });
  }
  return out;
}
