import type { CommandFormat } from './tools.ts';

/** The parts of one rendered workflow that every file format arranges in its own way. */
export interface RenderedWorkflow {
  /** Skill or command name: `sw-propose`. */
  name: string;
  title: string;
  description: string;
  /** What to type after the command, e.g. `<change-name or idea>`. */
  argument: string;
  /** Prompt text with placeholders filled, ending with one newline. */
  body: string;
}

/** Shown in every SKILL.md: skills are useless without the CLI they drive. */
const COMPATIBILITY = 'Needs the specwright CLI on PATH (npm install -g specwright, or npx specwright).';

/** A YAML scalar as a double-quoted string (JSON strings are valid YAML), so `:` or `#` never break it. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function frontmatter(fields: readonly (readonly [string, string])[], body: string): string {
  const lines = fields.map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** `SKILL.md` in the Agent Skills format: `name` (the folder name), `description`, `compatibility`. */
export function renderSkillFile(w: RenderedWorkflow): string {
  return frontmatter(
    [
      ['name', w.name],
      ['description', yamlString(w.description)],
      ['compatibility', yamlString(COMPATIBILITY)],
    ],
    w.body,
  );
}

/** Characters a TOML multi-line basic string cannot hold raw (everything but tab and newline). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape
const TOML_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** `text` as a TOML basic string on one line. */
function tomlString(text: string): string {
  return `"${tomlEscape(text).replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function tomlEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(TOML_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` as a TOML multi-line basic string: backslashes and runs of three quotes escaped. */
function tomlMultiline(text: string): string {
  return `"""\n${tomlEscape(text).replace(/"""/g, '""\\"')}"""`;
}

/** A command file in `format`. Pure: the same input always gives the same bytes. */
export function renderCommandFile(format: CommandFormat, w: RenderedWorkflow): string {
  switch (format) {
    case 'md-description':
      return frontmatter([['description', yamlString(w.description)]], w.body);
    case 'md-arguments':
      return frontmatter(
        [
          ['description', yamlString(w.description)],
          ['argument-hint', yamlString(w.argument)],
        ],
        w.body,
      );
    case 'md-heading':
      return `# ${w.title}\n\n${w.description}\n\n${w.body}`;
    case 'prompt-invokable':
      return frontmatter(
        [
          ['name', w.name],
          ['description', yamlString(w.description)],
          ['invokable', 'true'],
        ],
        w.body,
      );
    case 'toml-prompt':
      return `description = ${tomlString(w.description)}\nprompt = ${tomlMultiline(w.body)}\n`;
  }
}
