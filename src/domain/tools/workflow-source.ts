import { parse } from 'yaml';
import { z } from 'zod';
import { isWorkflowId, type WorkflowId } from './workflows.ts';

/** Agent Skills limit on `description`; command descriptions share it. */
const MAX_DESCRIPTION_LENGTH = 1024;

const Frontmatter = z
  .object({
    id: z.string().refine(isWorkflowId, 'not a workflow id'),
    title: z.string().min(1),
    description: z.string().min(1).max(MAX_DESCRIPTION_LENGTH),
    /** Shown by tools that hint at what to type after the command (`argument-hint`). */
    argument: z.string().min(1),
  })
  .strict();

/** One workflow's source text from `assets/workflows/<id>.md`. */
export interface WorkflowSource {
  id: WorkflowId;
  title: string;
  description: string;
  argument: string;
  /** The Markdown body, placeholders unfilled, ending with one newline. */
  body: string;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

/** Split `---` frontmatter from a Markdown text; a text without frontmatter has `data: undefined`. */
export function splitFrontmatter(text: string): { data: unknown; body: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  const match = FRONTMATTER.exec(normalized);
  if (!match) return { data: undefined, body: normalized };
  return { data: parse(match[1] as string), body: normalized.slice(match[0].length) };
}

/** Parse a workflow source file; `file` names it in errors (these files ship with the package). */
export function parseWorkflowSource(text: string, file: string): WorkflowSource {
  const { data, body } = splitFrontmatter(text);
  const parsed = Frontmatter.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `${file}: invalid frontmatter at ${first?.path.join('.') || '(root)'}: ${first?.message}`,
    );
  }
  return { ...parsed.data, id: parsed.data.id as WorkflowId, body: `${body.trim()}\n` };
}

/** What each placeholder becomes for one rendered file. */
export interface PlaceholderValues {
  /** `{{cli}}`: the CLI's command name. */
  cli: string;
  /** `{{invoke:<workflow>}}`: how the user runs that workflow in this tool. */
  invoke: (workflow: WorkflowId) => string;
  /** `{{input}}`: the text the user typed with the command. */
  input: string;
  /** `{{workflow-list}}`: one bullet per installed workflow (instruction-file blocks only). */
  workflowList: string;
}

const PLACEHOLDER = /\{\{([a-z-]+)(?::([a-z-]+))?\}\}/g;

/**
 * Fill `{{cli}}`, `{{invoke:<workflow>}}`, `{{input}}` and `{{workflow-list}}` in one pass (so values
 * that look like placeholders, such as Gemini's `{{args}}`, are left as they are). Anything else in
 * double braces is an error: a typo would otherwise reach every user.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues, file: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
    if (name === 'cli' && arg === undefined) return values.cli;
    if (name === 'input' && arg === undefined) return values.input;
    if (name === 'workflow-list' && arg === undefined) return values.workflowList;
    if (name === 'invoke' && arg !== undefined && isWorkflowId(arg)) return values.invoke(arg);
    throw new Error(`${file}: unknown placeholder ${whole}`);
  });
}
