import { Command, CommanderError, Option } from 'commander';
import { CliError } from '../domain/errors.ts';
import { type CommandModule, type JsonObject, nullShapeFor } from './command.ts';
import { COMMAND_GROUPS, COMMANDS, type CommandSpec, type OptionSpec } from './command-table.ts';
import type { CliContext, CommandResult } from './context.ts';
import { argumentConflict, unpairedOptionWarnings } from './option-rules.ts';
import { createStyle, formatError, formatWarnings } from './render/human.ts';
import { type JsonStatus, renderJsonFailure } from './render/json.ts';

const HELP_FOOTER = `
Exit codes:
  0    success
  1    the operation failed, or validation found errors
  2    usage error (unknown command or option, invalid value)
  130  cancelled by the user

Environment:
  NO_COLOR=1           disable colours (same as --no-color)
  SPECWRIGHT_DEBUG=1   print stack traces of internal errors
`;

export interface RunOptions {
  /** Printed by `--version` when it is not answered by main's fast path (e.g. `--no-color -V`). */
  version: string;
  /** The command table; tests may pass their own. */
  commands?: readonly CommandSpec[];
}

/**
 * Whether human output may be coloured before flags are known: `NO_COLOR` (any non-empty value, per
 * no-color.org) wins, then `FORCE_COLOR` (non-`0`), else only when stdout is a terminal.
 */
export function detectColor(env: CliContext['env'], stdoutIsTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stdoutIsTTY;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.conflicts) option.conflicts([...spec.conflicts]);
  return option;
}

/** What the action handler found out, read back after commander returns or throws. */
interface Invocation {
  module?: CommandModule;
  opts?: Record<string, unknown>;
  result?: CommandResult;
}

type Action = (spec: CommandSpec, command: Command, args: unknown[]) => Promise<void>;

function addCommand(parent: Command, spec: CommandSpec, action: Action): void {
  const command = parent.command(spec.name.split(' ').at(-1) as string).description(spec.description);
  for (const arg of spec.args)
    command.argument(arg.required ? `<${arg.name}>` : `[${arg.name}]`, arg.description);
  for (const option of spec.options) command.addOption(toOption(option));
  command.action((...actionArgs: unknown[]) => action(spec, command, actionArgs.slice(0, spec.args.length)));
}

function buildProgram(
  version: string,
  commands: readonly CommandSpec[],
  io: { out: string[]; err: string[] },
  action: Action,
): Command {
  const program = new Command('specwright');
  // Settings made before .command() are inherited by subcommands, so these apply everywhere.
  program
    .description('Spec-driven development: specs, changes, deltas and archives in OpenSpec layout.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out.push(s),
      writeErr: (s) => io.err.push(s),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showHelpAfterError('(add --help for usage)')
    .version(version, '-V, --version', 'print the version')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .addHelpText('after', HELP_FOOTER);
  const groups = new Map<string, Command>();
  for (const spec of commands) {
    const words = spec.name.split(' ');
    let parent = program;
    if (words.length === 2) {
      const group = words[0] as string;
      parent = groups.get(group) ?? program.command(group).description(COMMAND_GROUPS[group] ?? '');
      groups.set(group, parent);
    }
    addCommand(parent, spec, action);
  }
  return program;
}

/**
 * The rows commander is given for `argv`: those of the command or group its first word names, so a run
 * does not build every other command; all of them for help, an unknown word or none (help lists them all
 * and an unknown command is matched against all for a suggestion).
 */
function rowsFor(argv: readonly string[], commands: readonly CommandSpec[]): readonly CommandSpec[] {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = commands.filter((c) => c.name.split(' ')[0] === first);
  return named.length > 0 ? named : commands;
}

/** The table row named by the leading words of argv (options skipped), for usage errors in `--json` mode. */
function specFromArgv(argv: readonly string[], commands: readonly CommandSpec[]): CommandSpec | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return commands.find((c) => c.name.split(' ').every((w, i) => words[i] === w));
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

interface Failure {
  status: JsonStatus;
  exitCode: number;
  /** Human-mode stderr text. */
  text: string;
}

function describeFailure(error: unknown, ctx: CliContext): Failure {
  const style = createStyle(ctx.color);
  if (error instanceof CliError) {
    const status: JsonStatus = { severity: 'error', code: error.code, message: error.message };
    if (error.fix) status.fix = error.fix;
    return { status, exitCode: error.exitCode, text: formatError(style, error.message, error.fix) };
  }
  const message = error instanceof Error ? error.message : String(error);
  const debug =
    ctx.env.SPECWRIGHT_DEBUG === '1' && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  const text = `${formatError(style, `Internal error: ${message}`)}This is a bug in specwright; please report it with the command you ran${debug ? '' : ' (SPECWRIGHT_DEBUG=1 shows the stack trace)'}.\n${debug}`;
  return { status: { severity: 'error', code: 'internal_error', message }, exitCode: 1, text };
}

/**
 * Parse `argv` (without `node` and the script), run the command and return what to print and the exit
 * code. Nothing here writes to process streams, so every path (help, usage errors, failures) is testable
 * in-process; `main.ts` alone writes and exits.
 */
export async function runCli(
  argv: readonly string[],
  ctx: CliContext,
  options: RunOptions,
): Promise<CommandResult> {
  const commands = options.commands ?? COMMANDS;
  const io = { out: [] as string[], err: [] as string[] };
  const invocation: Invocation = {};
  let runCtx = ctx;
  const action: Action = async (spec, command, args) => {
    const opts = command.optsWithGlobals() as Record<string, unknown>;
    const positional = args.filter((a): a is string => typeof a === 'string');
    const conflict = argumentConflict(spec, positional, opts);
    if (conflict) command.error(conflict, { exitCode: 2, code: 'specwright.conflictingArgument' });
    runCtx = { ...ctx, color: ctx.color && opts.color !== false && opts.json !== true };
    io.err.push(formatWarnings(createStyle(runCtx.color), unpairedOptionWarnings(spec, positional, opts)));
    invocation.opts = opts;
    invocation.module = await spec.load();
    invocation.result = await invocation.module.run(runCtx, positional, opts);
  };
  const program = buildProgram(options.version, rowsFor(argv, commands), io, action);
  const printed = () => ({ stdout: io.out.join(''), stderr: io.err.join('') });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return await usageOutcome(error, argv, commands, printed());
    const failure = describeFailure(error, runCtx);
    const json = invocation.opts ? invocation.opts.json === true : wantsJson(argv);
    if (!json)
      return {
        exitCode: failure.exitCode,
        stdout: printed().stdout,
        stderr: printed().stderr + failure.text,
      };
    const shape: JsonObject = invocation.module
      ? nullShapeFor(invocation.module.jsonNullShape, invocation.opts ?? {})
      : {};
    return {
      exitCode: failure.exitCode,
      stdout: renderJsonFailure(shape, [failure.status]),
      stderr: printed().stderr,
    };
  }
  const result = invocation.result ?? { exitCode: 0, stdout: '', stderr: '' };
  return {
    exitCode: result.exitCode,
    stdout: printed().stdout + result.stdout,
    stderr: printed().stderr + result.stderr,
  };
}

/** Help and version exit 0; every other commander error (missing command included) is a usage error, exit 2. */
async function usageOutcome(
  error: CommanderError,
  argv: readonly string[],
  commands: readonly CommandSpec[],
  printed: { stdout: string; stderr: string },
): Promise<CommandResult> {
  // `commander.help` with exit code 0 is an explicit `help <command>`; with 1 it is help shown for a missing command.
  const helpAsked = error.code === 'commander.help' && error.exitCode === 0;
  if (helpAsked || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
    return { exitCode: 0, ...printed };
  }
  if (!wantsJson(argv)) return { exitCode: 2, ...printed };
  const spec = specFromArgv(argv, commands);
  const shape = spec ? nullShapeFor((await spec.load()).jsonNullShape, {}) : {};
  const message =
    error.code === 'commander.help' ? 'A command is required.' : error.message.replace(/^error: /, '');
  const status: JsonStatus = { severity: 'error', code: 'usage_error', message };
  return { exitCode: 2, stdout: renderJsonFailure(shape, [status]), stderr: printed.stderr };
}
