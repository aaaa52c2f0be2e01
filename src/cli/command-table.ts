import type { ItemKind } from '../app/resolve-item.ts';
import { SCRATCHPAD_KINDS } from '../domain/research/scratchpad-kinds.ts';
import type { CommandModule } from './command.ts';

/** A positional argument. */
interface ArgSpec {
  /** Name shown in usage, e.g. `change`. */
  name: string;
  description: string;
  /** Required arguments are written `<name>`, optional ones `[name]`; only trailing ones may be optional. */
  required: boolean;
  /** Long names (camelCase) of options that cannot be given with this argument; doing so is a usage error. */
  conflicts?: readonly string[];
}

/** An option, in commander's flag syntax. */
export interface OptionSpec {
  /** e.g. `-r, --requirement <n>`, `--json`, `--no-scenarios`. */
  flags: string;
  description: string;
  /** Closed set of accepted values; anything else is a usage error (exit 2). */
  choices?: readonly string[];
  /** Value when the option is absent. */
  defaultValue?: string;
  /** Long names (camelCase) this option cannot be combined with; combining them is a usage error. */
  conflicts?: readonly string[];
  /** Long name (camelCase) of the option this one only works with; given alone, it is ignored with a warning. */
  onlyWith?: string;
  /** Name of the positional argument this option only works with; given without it, it is ignored with a warning. */
  onlyWithArg?: string;
  /** The only item kind this option applies to; given for the other kind, it is ignored with a warning. */
  itemKind?: ItemKind;
}

/** One row per command; `src/cli/run.ts` derives commander's parser and help from this table only. */
export interface CommandSpec {
  /** Words after `specwright`; two words make a subcommand of a group (`new change`). */
  name: string;
  description: string;
  args: readonly ArgSpec[];
  options: readonly OptionSpec[];
  /** Imports the module only when the command runs, so `--help` and other commands stay fast. */
  load: () => Promise<CommandModule>;
}

/** Descriptions of command groups (the first word of two-word command names). */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  new: 'Create a new item (change)',
  schema: 'Inspect, check and create workflow schemas',
  config: 'User-level defaults for init: tools, profile, workflows, delivery',
};

const JSON_OPTION: OptionSpec = { flags: '--json', description: 'print one JSON document on stdout' };
const NO_INTERACTIVE: OptionSpec = {
  flags: '--no-interactive',
  description: 'never prompt (the default when stdin is not a terminal)',
};
const TYPE_OPTION: OptionSpec = {
  flags: '--type <type>',
  description: 'treat the item as a change or a spec when the name is ambiguous',
  choices: ['change', 'spec'],
  onlyWithArg: 'item',
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    description: 'Create the openspec/ skeleton and assistant skills and commands (idempotent)',
    args: [{ name: 'path', description: 'project directory (default: current directory)', required: false }],
    options: [
      {
        flags: '--tools <ids>',
        description: 'assistants: all, none, or comma-separated ids (see docs/supported-tools.md)',
      },
      { flags: '--profile <profile>', description: 'workflow set', choices: ['core', 'custom'] },
      { flags: '--workflows <ids>', description: 'workflows of the custom profile, comma-separated' },
      {
        flags: '--delivery <mode>',
        description: 'what to generate',
        choices: ['skills', 'commands', 'both'],
      },
      JSON_OPTION,
      NO_INTERACTIVE,
    ],
    load: () => import('./commands/init.ts'),
  },
  {
    name: 'new change',
    description: 'Create a change folder with its metadata',
    args: [{ name: 'name', description: 'kebab-case change name, e.g. add-user-auth', required: true }],
    options: [
      { flags: '--description <text>', description: 'write README.md with this description' },
      { flags: '--schema <name>', description: 'workflow schema (default: config schema or spec-driven)' },
      JSON_OPTION,
    ],
    load: () => import('./commands/new.ts'),
  },
  {
    name: 'list',
    description: 'List active changes with task progress, or specs with requirement counts',
    args: [],
    options: [
      { flags: '--specs', description: 'list specs instead of changes', conflicts: ['changes'] },
      { flags: '--changes', description: 'list changes (the default)' },
      {
        flags: '--sort <order>',
        description: 'order changes',
        choices: ['recent', 'name'],
        defaultValue: 'recent',
      },
      JSON_OPTION,
    ],
    load: () => import('./commands/list.ts'),
  },
  {
    name: 'show',
    description: 'Show a change or a spec',
    args: [{ name: 'item', description: 'change name or spec id', required: true }],
    options: [
      TYPE_OPTION,
      JSON_OPTION,
      { flags: '--deltas-only', description: 'for a change, show only its deltas', itemKind: 'change' },
      {
        flags: '--requirements',
        description: 'for a spec, show requirements without scenarios',
        itemKind: 'spec',
        // OpenSpec refuses the pair too: one asks for every requirement, the other for one.
        conflicts: ['requirement'],
      },
      { flags: '--no-scenarios', description: 'for a spec, leave out scenarios', itemKind: 'spec' },
      {
        flags: '-r, --requirement <n>',
        description: 'for a spec, show only requirement number n (1-based)',
        itemKind: 'spec',
      },
      NO_INTERACTIVE,
    ],
    load: () => import('./commands/show.ts'),
  },
  {
    name: 'validate',
    description: 'Validate changes and specs',
    args: [
      {
        name: 'item',
        description: 'change name or spec id',
        required: false,
        conflicts: ['all', 'changes', 'specs', 'archived'],
      },
    ],
    options: [
      { flags: '--all', description: 'validate every change and spec' },
      { flags: '--changes', description: 'validate every active change' },
      { flags: '--specs', description: 'validate every spec' },
      { flags: '--archived', description: 'validate archived changes' },
      TYPE_OPTION,
      { flags: '--strict', description: 'treat warnings as errors' },
      JSON_OPTION,
      { flags: '--concurrency <n>', description: 'items validated in parallel' },
      NO_INTERACTIVE,
    ],
    load: () => import('./commands/validate.ts'),
  },
  {
    name: 'archive',
    description: 'Merge a change into the specs and move it to the archive',
    args: [{ name: 'change', description: 'change name', required: true }],
    options: [
      { flags: '-y, --yes', description: 'do not ask for confirmation' },
      { flags: '--skip-specs', description: 'archive without merging spec deltas' },
      { flags: '--no-validate', description: 'skip validation before archiving' },
      JSON_OPTION,
      NO_INTERACTIVE,
    ],
    load: () => import('./commands/archive.ts'),
  },
  {
    name: 'sync',
    description: 'Apply a change to the main specs without archiving it (repeatable)',
    args: [{ name: 'change', description: 'change name', required: true }],
    options: [JSON_OPTION, NO_INTERACTIVE],
    load: () => import('./commands/sync.ts'),
  },
  {
    name: 'status',
    description: 'Show which artifacts of a change are done, ready or blocked, and what comes next',
    args: [],
    options: [
      { flags: '--change <name>', description: 'the change (default: a summary of every active change)' },
      { flags: '--schema <name>', description: "use this schema instead of the change's" },
      JSON_OPTION,
    ],
    load: () => import('./commands/status.ts'),
  },
  {
    name: 'instructions',
    description: 'Everything needed to write an artifact of a change, or to apply it',
    args: [{ name: 'artifact', description: 'artifact id (e.g. proposal), or apply', required: true }],
    options: [
      { flags: '--change <name>', description: 'the change (required)' },
      { flags: '--inline', description: 'include the contents of the dependency artifacts' },
      { flags: '--schema <name>', description: "use this schema instead of the change's" },
      JSON_OPTION,
    ],
    load: () => import('./commands/instructions.ts'),
  },
  {
    name: 'templates',
    description: 'Show the template file of each artifact of a schema',
    args: [],
    options: [
      { flags: '--schema <name>', description: 'schema (default: the project config schema or spec-driven)' },
      { flags: '--change <name>', description: 'the schema of this change' },
      JSON_OPTION,
    ],
    load: () => import('./commands/templates.ts'),
  },
  {
    name: 'schemas',
    description: 'List the available workflow schemas and where each comes from',
    args: [],
    options: [JSON_OPTION],
    load: () => import('./commands/schemas.ts'),
  },
  {
    name: 'schema which',
    description: 'Show which schema applies (to a change or the project), why, and where it was found',
    args: [{ name: 'name', description: 'look up this schema name instead', required: false }],
    options: [{ flags: '--change <name>', description: 'the schema of this change' }, JSON_OPTION],
    load: async () => (await import('./commands/schema.ts')).which,
  },
  {
    name: 'schema validate',
    description: 'Check schema.yaml files: shape, ids, requires, cycles, templates, globs',
    args: [
      { name: 'name', description: 'schema to check (default: every available schema)', required: false },
    ],
    options: [JSON_OPTION],
    load: async () => (await import('./commands/schema.ts')).validate,
  },
  {
    name: 'schema init',
    description: 'Create a project schema from some or all of the built-in artifacts',
    args: [{ name: 'name', description: 'kebab-case schema name', required: true }],
    options: [
      { flags: '--description <text>', description: 'description written into schema.yaml' },
      { flags: '--artifacts <ids>', description: 'comma-separated artifacts to include (default: all)' },
      { flags: '--force', description: 'replace an existing openspec/schemas/<name>/' },
      JSON_OPTION,
    ],
    load: async () => (await import('./commands/schema.ts')).init,
  },
  {
    name: 'schema fork',
    description: 'Copy a schema into openspec/schemas/ to customise it',
    args: [
      { name: 'source', description: 'schema to copy', required: true },
      { name: 'name', description: 'name of the copy (default: <source>-custom)', required: false },
    ],
    options: [{ flags: '--force', description: 'replace an existing openspec/schemas/<name>/' }, JSON_OPTION],
    load: async () => (await import('./commands/schema.ts')).fork,
  },
  {
    name: 'plan',
    description: 'Lay out a change’s tasks in parallel waves with the critical path (from task tags)',
    args: [{ name: 'change', description: 'change name', required: true }],
    options: [
      {
        flags: '--format <format>',
        description: 'output format',
        choices: ['text', 'mermaid', 'dot'],
        defaultValue: 'text',
      },
      JSON_OPTION,
    ],
    load: () => import('./commands/plan.ts'),
  },
  {
    name: 'scratchpad',
    description: 'Start a research note (research/<kind>.md) in a change from its template',
    args: [
      { name: 'change', description: 'change name', required: true },
      {
        name: 'kind',
        description: `one of ${SCRATCHPAD_KINDS.map((k) => k.kind).join(', ')}`,
        required: true,
      },
    ],
    options: [{ flags: '--force', description: 'replace an existing research/<kind>.md' }, JSON_OPTION],
    load: () => import('./commands/scratchpad.ts'),
  },
  {
    name: 'update',
    description: 'Regenerate the assistant skills and commands init wrote; edited files are kept',
    args: [{ name: 'path', description: 'project directory (default: current directory)', required: false }],
    options: [
      { flags: '--force', description: 'also overwrite files edited since they were generated' },
      JSON_OPTION,
    ],
    load: () => import('./commands/update.ts'),
  },
  {
    name: 'config list',
    description: 'Show the user-level defaults and the values in force',
    args: [],
    options: [JSON_OPTION],
    load: async () => (await import('./commands/config.ts')).list,
  },
  {
    name: 'config get',
    description: 'Print one setting (tools, profile, workflows, delivery)',
    args: [{ name: 'key', description: 'tools, profile, workflows or delivery', required: true }],
    options: [JSON_OPTION],
    load: async () => (await import('./commands/config.ts')).get,
  },
  {
    name: 'config set',
    description: 'Store one setting in the user config',
    args: [
      { name: 'key', description: 'tools, profile, workflows or delivery', required: true },
      { name: 'value', description: 'e.g. claude,cursor or custom or skills', required: true },
    ],
    options: [JSON_OPTION],
    load: async () => (await import('./commands/config.ts')).set,
  },
  {
    name: 'config unset',
    description: 'Remove one setting so its default applies',
    args: [{ name: 'key', description: 'tools, profile, workflows or delivery', required: true }],
    options: [JSON_OPTION],
    load: async () => (await import('./commands/config.ts')).unset,
  },
  {
    name: 'config path',
    description: 'Print the path of the user config file',
    args: [],
    options: [JSON_OPTION],
    load: async () => (await import('./commands/config.ts')).path,
  },
  {
    name: 'config profile',
    description: 'Choose the default workflow profile (asks on a terminal when no profile is given)',
    args: [{ name: 'profile', description: 'core or custom', required: false }],
    options: [
      { flags: '--workflows <ids>', description: 'workflows of the custom profile, comma-separated' },
      JSON_OPTION,
      NO_INTERACTIVE,
    ],
    load: async () => (await import('./commands/config.ts')).profile,
  },
  {
    name: 'verify',
    description:
      'Run the verify: steps of openspec/config.yaml and check the change; record verification.json',
    args: [{ name: 'change', description: 'change name', required: true }],
    options: [
      { flags: '--only <name>', description: 'run only this verify step' },
      {
        flags: '--timeout <seconds>',
        description: 'kill any step running longer (default: its timeout, else 1800)',
      },
      JSON_OPTION,
    ],
    load: () => import('./commands/verify.ts'),
  },
  {
    name: 'trace',
    description:
      'Trace scenarios to tasks, tests and code: coverage, uncovered scenarios, dangling references',
    args: [{ name: 'change', description: 'trace this change (default: every spec)', required: false }],
    options: [
      {
        flags: '--format <format>',
        description: 'output format',
        choices: ['text', 'md', 'html'],
        defaultValue: 'text',
      },
      { flags: '--min-coverage <percent>', description: 'exit 1 when fewer scenarios have a test (0-100)' },
      {
        flags: '--fix',
        description: 'rewrite references to renamed requirements and scenarios (shows a diff)',
        // The fix prints a diff, not the report these options shape, filter or gate.
        conflicts: ['output', 'format', 'minCoverage'],
      },
      { flags: '-y, --yes', description: 'with --fix, write without asking', onlyWith: 'fix' },
      { flags: '-o, --output <file>', description: 'write the report to this file instead of stdout' },
      JSON_OPTION,
      NO_INTERACTIVE,
    ],
    load: () => import('./commands/trace.ts'),
  },
];
