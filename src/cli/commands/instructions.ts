import {
  type ApplyInstructions,
  type ArtifactInstructions,
  applyInstructions,
  artifactInstructions,
} from '../../app/instructions.ts';
import type { ChangeWorkflow } from '../../app/status.ts';
import { CliError } from '../../domain/errors.ts';
import type { CliContext, CommandResult } from '../context.ts';
import { createStyle, formatWarnings, type Style } from '../render/human.ts';
import { renderJson, rootJson } from '../render/json.ts';

export const jsonNullShape = { change: null, root: null };

/** A Markdown fence longer than any backtick run in `text`, so templates containing fences stay intact. */
function fenced(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}

function section(title: string, body: string | null | undefined): string[] {
  return body ? ['', `## ${title}`, body] : [];
}

function languageNote(language: string | null): string | null {
  return language
    ? `Write in ${language}. Keep structural headings (## ADDED Requirements, ### Requirement:, #### Scenario:), WHEN/THEN and SHALL/MUST in English.`
    : null;
}

/** Scratchpads as `- kind: path` lines, each followed by its text when inlined; null when there are none. */
function scratchpadList(
  pads: readonly { kind: string; path: string; text?: string | null }[],
): string | null {
  if (pads.length === 0) return null;
  return pads
    .map((p) => `- ${p.kind}: ${p.path}${p.text ? `\n${fenced(p.text, 'markdown')}` : ''}`)
    .join('\n');
}

function renderArtifact(i: ArtifactInstructions, style: Style): string {
  const deps = i.dependencies.map((d) => {
    const where = d.files.length > 0 ? d.files.join(', ') : `${d.path} (not written yet)`;
    const body = (d.contents ?? []).map((c) => `\n${c.path}:\n${fenced(c.text, 'markdown')}`).join('');
    return `- ${d.id} [${d.status}]: ${where}${body}`;
  });
  const lines = [
    `# ${style.bold(i.artifact)}: instructions for change '${i.change}' (schema ${i.schema.name})`,
    '',
    `Status: ${i.status}`,
    `Write to: ${i.output.path}${i.output.isGlob ? ' (one or more files matching this pattern)' : ''}`,
    `Description: ${i.description}`,
    ...section(
      'Read first',
      deps.length > 0 ? deps.join('\n') : 'Nothing: this artifact depends on no other.',
    ),
    ...section('Research notes', scratchpadList(i.scratchpads)),
    ...section('Project context', i.context),
    ...section('Rules', i.rules.map((r) => `- ${r}`).join('\n')),
    ...section('Language', languageNote(i.language)),
    ...section('Instruction', i.instruction),
    ...section(`Template (${i.template.path})`, fenced(i.template.content, 'markdown')),
    ...section(
      'Unlocks',
      i.unlocks.length > 0 ? i.unlocks.join(', ') : 'nothing (no artifact requires this one)',
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `schemaFlag`: ` --schema <name>` when the user chose the schema, kept in the suggested commands. */
function renderApply(i: ApplyInstructions, style: Style, schemaFlag: string): string {
  const tasks = i.tasks.map(
    (t) =>
      `- [${t.done ? 'x' : ' '}] ${t.id ? `${t.id} ` : ''}${t.text}  ${style.dim(`(${t.file}:${t.line})`)}`,
  );
  const files = i.contextFiles.map((f) => `- ${f.artifact}: ${f.path}`);
  const missing = i.missingArtifacts.map(
    (id) => `- ${id}: specwright instructions ${id} --change ${i.change}${schemaFlag}`,
  );
  const lines = [
    `# Apply: change '${style.bold(i.change)}' (schema ${i.schema.name})`,
    '',
    `State: ${i.state} - ${i.message}`,
    ...section('Missing artifacts (write them in this order)', missing.join('\n')),
    ...section('Context files', files.length > 0 ? files.join('\n') : 'None written yet.'),
    ...section('Research notes', scratchpadList(i.scratchpads)),
    ...section(`Tasks (${i.progress.done}/${i.progress.total})`, tasks.join('\n')),
    ...section('Instruction', i.instruction),
    ...section('Project context', i.context),
    ...section('Language', languageNote(i.language)),
  ];
  return `${lines.join('\n')}\n`;
}

function warningText(warnings: readonly string[], style: Style): string {
  return formatWarnings(style, warnings);
}

function output(
  ctx: CliContext,
  json: boolean,
  result: { workflow: ChangeWorkflow; instructions: ArtifactInstructions | ApplyInstructions },
  text: (style: Style) => string,
): CommandResult {
  const style = createStyle(ctx.color);
  if (json) {
    const doc = { ...result.instructions, root: rootJson(result.workflow.root) };
    return { exitCode: 0, stdout: renderJson(doc), stderr: '' };
  }
  return { exitCode: 0, stdout: text(style), stderr: warningText(result.instructions.warnings, style) };
}

/** `specwright instructions <artifact|apply> --change <c> [--inline] [--schema s] [--json]`. */
export async function run(
  ctx: CliContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<CommandResult> {
  const artifact = args[0] as string;
  if (typeof opts.change !== 'string') {
    throw new CliError('missing_change', 'instructions needs --change <name>.', {
      fix: `Run: specwright instructions ${artifact} --change <name> (specwright status lists the changes)`,
      exitCode: 2,
    });
  }
  const input = {
    cwd: ctx.cwd,
    env: ctx.env,
    change: opts.change,
    ...(typeof opts.schema === 'string' ? { schema: opts.schema } : {}),
  };
  const json = opts.json === true;
  if (artifact === 'apply') {
    const result = await applyInstructions(input);
    const schemaFlag = input.schema !== undefined ? ` --schema ${input.schema}` : '';
    return output(ctx, json, result, (style) => renderApply(result.instructions, style, schemaFlag));
  }
  const result = await artifactInstructions({ ...input, artifact, inline: opts.inline === true });
  return output(ctx, json, result, (style) => renderArtifact(result.instructions, style));
}
