import { invocationOf } from './plan-files.ts';
import { TOOLS, type ToolRow } from './tools.ts';
import { CORE_WORKFLOWS, WORKFLOW_IDS } from './workflows.ts';

const FORMATS: readonly (readonly [string, string])[] = [
  ['skill', '`SKILL.md` (Agent Skills): frontmatter `name` (= folder), `description`, `compatibility`'],
  ['md-description', 'Markdown, frontmatter `description`'],
  ['md-arguments', 'Markdown, frontmatter `description` and `argument-hint`'],
  ['md-heading', 'Markdown without frontmatter: `# Title`, the description, the prompt'],
  ['prompt-invokable', 'Continue `.prompt`: frontmatter `name`, `description`, `invokable: true`'],
  ['toml-prompt', 'TOML: `description` and a multi-line `prompt`'],
];

function code(values: readonly string[]): string {
  return values.length === 0 ? '—' : values.map((v) => `\`${v}\``).join(', ');
}

function row(t: ToolRow): string {
  const skills = `\`${t.skills.dir}/sw-<workflow>/SKILL.md\``;
  const commands = t.commands
    ? `\`${t.commands.path.replace('{id}', '<workflow>')}\` (${t.commands.format})`
    : '—';
  const both = invocationOf(t, 'both', 'propose');
  const skillsOnly = invocationOf(t, 'skills', 'propose');
  const run =
    both === skillsOnly
      ? `\`${both}\``
      : `\`${both}\`; skills only: ${skillsOnly.startsWith('the ') ? `ask for ${skillsOnly}` : `\`${skillsOnly}\``}`;
  const extras = [
    t.instructionsFile ? `block in \`${t.instructionsFile}\`` : '',
    t.restart ? 'restart the IDE after init' : '',
    t.aliases.length > 0 ? `aliases ${code(t.aliases)}` : '',
  ].filter((s) => s !== '');
  const cells = [
    `\`${t.id}\``,
    t.name,
    skills,
    commands,
    run.replace(/^`the (.*)`$/, '$1'),
    code(t.detect),
    extras.join('; ') || '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

/** `docs/supported-tools.md`, generated from the tool table (a test keeps the file in sync). */
export function renderSupportedToolsDoc(): string {
  const lines = [
    '# Supported assistants',
    '',
    '<!-- Generated from src/domain/tools/tools.ts; do not edit. Regenerate with',
    '     npx vitest run -u src/domain/tools/supported-tools-doc.test.ts -->',
    '',
    '`specwright init --tools <ids>` writes, per assistant, one skill per workflow and (unless',
    '`--delivery skills`) one command file per workflow. Paths are relative to the project root;',
    'nothing is written elsewhere. See [integrations.md](integrations.md) for how files are kept up to date.',
    '',
    '| id | assistant | skills | commands (format) | run `propose` | detected by | notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...TOOLS.map((t) => row(t as ToolRow)),
    '',
    'Tools sharing `.agents/skills` (Codex and `agents`) share one set of skills, which refer to other',
    'workflows by skill name. With `--delivery commands`, tools without command files still get skills.',
    '',
    '## Workflows',
    '',
    `Profile \`core\`: ${code(CORE_WORKFLOWS)}. Profile \`custom\`: any of ${code(WORKFLOW_IDS)}.`,
    '',
    '## File formats',
    '',
    '| format | layout |',
    '| --- | --- |',
    ...FORMATS.map(([id, text]) => `| \`${id}\` | ${text} |`),
    '',
    'Every generated file ends with a stamp line, `<!-- generated-by: specwright <version> sha256:<hash> -->`',
    '(`# generated-by: …` in TOML).',
    '',
  ];
  return lines.join('\n');
}
