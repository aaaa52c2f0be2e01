import type { CliContext, CommandResult } from './context.ts';

/**
 * The contract every command module under `src/cli/commands/` fulfils.
 *
 * ```ts
 * // src/cli/commands/frobnicate.ts
 * export const jsonNullShape = { frobs: [], root: null };
 * export async function run(ctx: CliContext, args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
 *   const result = await frobnicate({ cwd: ctx.cwd });            // app/ use case: returns data, never prints
 *   return { exitCode: 0, stdout: opts.json ? renderJson(...) : renderHuman(...), stderr: '' };
 * }
 * ```
 *
 * - `args` are the positional arguments in declaration order; an optional argument that was not given is
 *   left out (only trailing arguments can be optional).
 * - `opts` are commander's camelCased option values plus the global ones (`color: false` for `--no-color`).
 *   `--no-x` flags arrive as `x: false` (default `true`); `--json` as `json: true`.
 * - `ctx.color` is already false under `--no-color`, `NO_COLOR`, `--json` or a non-TTY stdout.
 * - Operational failures are thrown as `CliError` (from io/ or app/); main turns them into
 *   `Error: <message>` + `Fix: <fix>` on stderr, or under `--json` into
 *   `{ ...jsonNullShape, status: [{ severity: 'error', code, message, fix? }] }` on stdout, exit
 *   `error.exitCode` (1 unless set, e.g. 2 for a bad option value). Anything else is an internal error.
 * - Never write to process streams, read stdin, or exit: return the result and let main do it.
 *
 * To register a module, add a row to `COMMANDS` in `src/cli/command-table.ts` (name, description,
 * args, options, `load: () => import('./commands/<file>.ts')`); commander, help and lazy loading follow.
 */
export interface CommandModule {
  run(ctx: CliContext, args: string[], opts: Record<string, unknown>): Promise<CommandResult>;
  /**
   * The payload keys of this command's JSON document with empty values, merged under `status` when the
   * command fails in `--json` mode so consumers always see the same keys. A function when the shape
   * depends on the options (`list --specs` vs `list`).
   */
  jsonNullShape: JsonNullShape;
}

export type JsonObject = Readonly<Record<string, unknown>>;

export type JsonNullShape = JsonObject | ((opts: Record<string, unknown>) => JsonObject);

/** Resolve a module's null shape for the given options. */
export function nullShapeFor(shape: JsonNullShape, opts: Record<string, unknown>): JsonObject {
  return typeof shape === 'function' ? shape(opts) : shape;
}
