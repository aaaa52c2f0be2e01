/**
 * The AI coding assistants Specwright writes skills and commands for: one row of data per tool. A tool
 * needs code only when its command file has a new shape; then it adds a `CommandFormat` (see
 * `render-files.ts`), not a module. `docs/supported-tools.md` is generated from this table.
 *
 * Sources of truth: the paths and invocations follow each tool's documented project-local locations as
 * OpenSpec 1.13 writes them (its `opsx` namespace becomes our `sw`), except where a row's comment says
 * otherwise. Every path is project-relative: nothing is ever written to a home directory.
 */

/**
 * How a command file is laid out:
 * - `md-description`: YAML frontmatter with `description`, then the prompt;
 * - `md-arguments`: frontmatter with `description` and `argument-hint`, then the prompt;
 * - `md-heading`: no frontmatter; a `# Title` heading and the description, then the prompt;
 * - `prompt-invokable`: Continue's `.prompt` file: frontmatter `name`, `description`, `invokable: true`;
 * - `toml-prompt`: TOML with `description` and a multi-line `prompt`.
 */
export const COMMAND_FORMATS = [
  'md-description',
  'md-arguments',
  'md-heading',
  'prompt-invokable',
  'toml-prompt',
] as const;

export type CommandFormat = (typeof COMMAND_FORMATS)[number];

/** Where a tool's slash commands (or workflows, or prompts) go and how they are called. */
interface CommandSurface {
  /** Root-relative POSIX path of the file for workflow `{id}`. */
  readonly path: string;
  readonly format: CommandFormat;
  /** What the user types to run workflow `{id}`. */
  readonly invoke: string;
  /**
   * The tool's placeholder for the text typed after the command (`$ARGUMENTS`), or null: the tool then
   * passes that text along with the prompt itself.
   */
  readonly args: string | null;
}

/** One supported assistant. */
export interface ToolRow {
  /** Stable id used by `--tools`, the user config and `openspec/integrations.yaml`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  readonly skills: {
    /** Root-relative folder holding one `<skill>/SKILL.md` folder per workflow (Agent Skills format). */
    readonly dir: string;
    /** What the user types to run skill `{skill}`, or null when the assistant picks skills by description. */
    readonly invoke: string | null;
  };
  /** The tool's command files, or null for a skills-only tool. */
  readonly commands: CommandSurface | null;
  /** Root-relative paths whose existence means the project already uses the tool (pre-selected by init). */
  readonly detect: readonly string[];
  /** An instructions file that gets a marker-managed Specwright block, or null. */
  readonly instructionsFile: 'AGENTS.md' | 'CLAUDE.md' | null;
  /** An IDE that reads commands at start-up: init tells the user to restart it. */
  readonly restart: boolean;
  /** Retired or alternative ids accepted on input. */
  readonly aliases: readonly string[];
}

export const TOOLS = [
  {
    // Claude Code: skills are slash-invocable; .claude/commands/sw/x.md is /sw:x (subfolder = namespace).
    id: 'claude',
    name: 'Claude Code',
    skills: { dir: '.claude/skills', invoke: '/{skill}' },
    commands: {
      path: '.claude/commands/sw/{id}.md',
      format: 'md-arguments',
      invoke: '/sw:{id}',
      args: '$ARGUMENTS',
    },
    detect: ['.claude', 'CLAUDE.md'],
    instructionsFile: 'CLAUDE.md',
    restart: false,
    aliases: ['claude-code'],
  },
  {
    // Cursor: plain Markdown commands in .cursor/commands, named by file.
    id: 'cursor',
    name: 'Cursor',
    skills: { dir: '.cursor/skills', invoke: null },
    commands: { path: '.cursor/commands/sw-{id}.md', format: 'md-heading', invoke: '/sw-{id}', args: null },
    detect: ['.cursor', '.cursorrules'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // GitHub Copilot (VS Code): prompt files. A bare .github/ is not a sign of Copilot, so it is not detected.
    id: 'github-copilot',
    name: 'GitHub Copilot',
    skills: { dir: '.github/skills', invoke: null },
    commands: {
      path: '.github/prompts/sw-{id}.prompt.md',
      format: 'md-description',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.github/copilot-instructions.md', '.github/prompts', '.github/skills', '.github/instructions'],
    instructionsFile: null,
    restart: true,
    aliases: ['copilot'],
  },
  {
    // Codex: custom prompts were removed; skills in the shared .agents/skills are invoked as $name.
    id: 'codex',
    name: 'Codex',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: `$` is Codex's skill sigil, `{skill}` our placeholder
    skills: { dir: '.agents/skills', invoke: '${skill}' },
    commands: null,
    detect: ['.codex'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    // Gemini CLI: TOML commands; .gemini/commands/sw/x.toml is /sw:x; {{args}} is the typed text.
    id: 'gemini',
    name: 'Gemini CLI',
    skills: { dir: '.gemini/skills', invoke: null },
    commands: {
      path: '.gemini/commands/sw/{id}.toml',
      format: 'toml-prompt',
      invoke: '/sw:{id}',
      args: '{{args}}',
    },
    detect: ['.gemini', 'GEMINI.md'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    // Windsurf: Cascade workflows in .windsurf/workflows, run as /<file name>.
    id: 'windsurf',
    name: 'Windsurf',
    skills: { dir: '.windsurf/skills', invoke: null },
    commands: {
      path: '.windsurf/workflows/sw-{id}.md',
      format: 'md-description',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.windsurf', '.windsurfrules'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // Devin Desktop (Windsurf's successor): the same workflows under .devin/.
    id: 'devin',
    name: 'Devin Desktop',
    skills: { dir: '.devin/skills', invoke: null },
    commands: {
      path: '.devin/workflows/sw-{id}.md',
      format: 'md-description',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.devin'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // OpenCode: .opencode/commands (plural); no `agent:` key, which broke setups without the build agent.
    id: 'opencode',
    name: 'OpenCode',
    skills: { dir: '.opencode/skills', invoke: null },
    commands: {
      path: '.opencode/commands/sw-{id}.md',
      format: 'md-description',
      invoke: '/sw-{id}',
      args: '$ARGUMENTS',
    },
    detect: ['.opencode', 'opencode.json', 'opencode.jsonc'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    id: 'kiro',
    name: 'Kiro',
    skills: { dir: '.kiro/skills', invoke: null },
    commands: {
      path: '.kiro/prompts/sw-{id}.prompt.md',
      format: 'md-description',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.kiro'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // Amazon Q Developer: saved prompts are invoked with @name.
    id: 'amazon-q',
    name: 'Amazon Q Developer',
    skills: { dir: '.amazonq/skills', invoke: null },
    commands: {
      path: '.amazonq/prompts/sw-{id}.md',
      format: 'md-description',
      invoke: '@sw-{id}',
      args: null,
    },
    detect: ['.amazonq'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    // Cline: workflows in .clinerules/workflows are run by file name, extension included.
    id: 'cline',
    name: 'Cline',
    skills: { dir: '.cline/skills', invoke: null },
    commands: {
      path: '.clinerules/workflows/sw-{id}.md',
      format: 'md-heading',
      invoke: '/sw-{id}.md',
      args: null,
    },
    detect: ['.clinerules', '.cline'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    id: 'roocode',
    name: 'Roo Code',
    skills: { dir: '.roo/skills', invoke: null },
    commands: { path: '.roo/commands/sw-{id}.md', format: 'md-arguments', invoke: '/sw-{id}', args: null },
    detect: ['.roo', '.roomodes'],
    instructionsFile: null,
    restart: true,
    aliases: ['roo'],
  },
  {
    // Kilo Code: commands as OpenSpec writes them (.kilo/command, singular); skills in .kilocode/skills.
    id: 'kilocode',
    name: 'Kilo Code',
    skills: { dir: '.kilocode/skills', invoke: null },
    commands: { path: '.kilo/command/sw-{id}.md', format: 'md-description', invoke: '/sw-{id}', args: null },
    detect: ['.kilocode', '.kilo'],
    instructionsFile: null,
    restart: true,
    aliases: ['kilo'],
  },
  {
    // Continue: .prompt files become slash commands named by their `name` when `invokable: true`.
    id: 'continue',
    name: 'Continue',
    skills: { dir: '.continue/skills', invoke: null },
    commands: {
      path: '.continue/prompts/sw-{id}.prompt',
      format: 'prompt-invokable',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.continue'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // Qwen Code moved its commands from TOML to Markdown; a subfolder is a namespace, as in Gemini CLI.
    id: 'qwen',
    name: 'Qwen Code',
    skills: { dir: '.qwen/skills', invoke: null },
    commands: { path: '.qwen/commands/sw/{id}.md', format: 'md-description', invoke: '/sw:{id}', args: null },
    detect: ['.qwen', 'QWEN.md'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    // Crush: project commands appear in the command palette (Ctrl+P) as project:<folder>:<file>.
    id: 'crush',
    name: 'Crush',
    skills: { dir: '.crush/skills', invoke: null },
    commands: {
      path: '.crush/commands/sw/{id}.md',
      format: 'md-heading',
      invoke: 'project:sw:{id}',
      args: null,
    },
    detect: ['.crush', 'crush.json', '.crush.json'],
    instructionsFile: null,
    restart: false,
    aliases: [],
  },
  {
    id: 'factory',
    name: 'Factory Droid',
    skills: { dir: '.factory/skills', invoke: null },
    commands: {
      path: '.factory/commands/sw-{id}.md',
      format: 'md-arguments',
      invoke: '/sw-{id}',
      args: '$ARGUMENTS',
    },
    detect: ['.factory'],
    instructionsFile: null,
    restart: false,
    aliases: ['droid'],
  },
  {
    // Auggie (Augment's CLI): custom commands in .augment/commands.
    id: 'auggie',
    name: 'Auggie',
    skills: { dir: '.augment/skills', invoke: null },
    commands: {
      path: '.augment/commands/sw-{id}.md',
      format: 'md-arguments',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.augment'],
    instructionsFile: null,
    restart: false,
    aliases: ['augment'],
  },
  {
    // Trae: no documented project command files, so skills only (the conservative choice).
    id: 'trae',
    name: 'Trae',
    skills: { dir: '.trae/skills', invoke: null },
    commands: null,
    detect: ['.trae'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // Junie (JetBrains): commands in .junie/commands.
    id: 'junie',
    name: 'Junie',
    skills: { dir: '.junie/skills', invoke: null },
    commands: {
      path: '.junie/commands/sw-{id}.md',
      format: 'md-description',
      invoke: '/sw-{id}',
      args: null,
    },
    detect: ['.junie'],
    instructionsFile: null,
    restart: true,
    aliases: [],
  },
  {
    // Any other assistant: the vendor-neutral .agents/skills plus a managed block in AGENTS.md.
    id: 'agents',
    name: 'Other (AGENTS.md)',
    skills: { dir: '.agents/skills', invoke: null },
    commands: null,
    detect: ['AGENTS.md', '.agents'],
    instructionsFile: 'AGENTS.md',
    restart: false,
    aliases: ['universal'],
  },
] as const satisfies readonly ToolRow[];

export type ToolId = (typeof TOOLS)[number]['id'];

export const TOOL_IDS: readonly ToolId[] = TOOLS.map((t) => t.id);

export function findTool(id: ToolId): ToolRow {
  return TOOLS.find((t) => t.id === id) as ToolRow;
}

/** The tool an id or alias names (case-insensitive), if any. */
export function lookupTool(name: string): ToolId | undefined {
  const key = name.trim().toLowerCase();
  const row = TOOLS.find((t) => t.id === key || (t.aliases as readonly string[]).includes(key));
  return row?.id;
}

/** Whether several tools of the table write skills to the same folder (their skill texts must not differ). */
export function isSharedSkillsDir(dir: string): boolean {
  return TOOLS.filter((t) => t.skills.dir === dir).length > 1;
}
