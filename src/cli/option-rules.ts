import { Option } from 'commander';
import type { ItemKind } from '../app/resolve-item.ts';
import { COMMANDS, type CommandSpec, type OptionSpec } from './command-table.ts';

/** An option the user gave, with its key in commander's `opts` and the name to show in messages. */
interface GivenOption {
  spec: OptionSpec;
  key: string;
  /** e.g. `-r/--requirement`, `--no-scenarios`. */
  label: string;
}

function describe(spec: OptionSpec): { key: string; label: string; negate: boolean } {
  const o = new Option(spec.flags);
  const label = o.short && o.long ? `${o.short}/${o.long}` : (o.long ?? o.short ?? spec.flags);
  return { key: o.attributeName(), label, negate: o.negate };
}

/**
 * The options of `options` the user gave: `--no-x` arrives as `x: false`, the others as a value other than
 * undefined, false and their default (an explicit default value is indistinguishable, and harmless).
 */
function givenOptions(options: readonly OptionSpec[], opts: Record<string, unknown>): GivenOption[] {
  return options.flatMap((spec) => {
    const { key, label, negate } = describe(spec);
    const value = opts[key];
    const given = negate
      ? value === false
      : value !== undefined && value !== false && value !== spec.defaultValue;
    return given ? [{ spec, key, label }] : [];
  });
}

function labelOf(options: readonly OptionSpec[], key: string): string {
  const spec = options.find((o) => describe(o).key === key);
  return spec ? describe(spec).label : `--${key}`;
}

/**
 * A usage error for an option given together with a positional argument it conflicts with
 * (`validate <item> --all`), or undefined. Commander's own `conflicts` covers option pairs only.
 */
export function argumentConflict(
  spec: CommandSpec,
  args: readonly string[],
  opts: Record<string, unknown>,
): string | undefined {
  const given = givenOptions(spec.options, opts);
  for (const [i, arg] of spec.args.entries()) {
    const value = args[i];
    const clash = value === undefined ? undefined : given.find((g) => arg.conflicts?.includes(g.key));
    if (clash) {
      return `error: option '${clash.label}' cannot be used with the ${arg.name} argument ('${value}'); give one or the other`;
    }
  }
  return undefined;
}

/**
 * Warnings for options that only take effect with another option (`trace -y` without `--fix`) or with a
 * positional argument (`validate --type spec` without an item) the user left out.
 */
export function unpairedOptionWarnings(
  spec: CommandSpec,
  args: readonly string[],
  opts: Record<string, unknown>,
): string[] {
  const given = givenOptions(spec.options, opts);
  return given.flatMap((g) => {
    const partner = g.spec.onlyWith;
    if (partner !== undefined && !given.some((o) => o.key === partner)) {
      return [`ignoring ${g.label}: it applies only together with ${labelOf(spec.options, partner)}.`];
    }
    const argName = g.spec.onlyWithArg;
    const index = spec.args.findIndex((a) => a.name === argName);
    if (argName !== undefined && index >= 0 && args[index] === undefined) {
      const article = /^[aeiou]/i.test(argName) ? 'an' : 'a';
      return [`ignoring ${g.label}: it applies only with ${article} ${argName}.`];
    }
    return [];
  });
}

/**
 * The warning for options of `command` that apply only to the other kind of item than `name` turned out
 * to be (`show <change> -r 1`). OpenSpec accepts and ignores them too, so scripts keep working.
 */
export function itemKindWarning(
  command: string,
  opts: Record<string, unknown>,
  kind: ItemKind,
  name: string,
): string | undefined {
  const options = COMMANDS.find((c) => c.name === command)?.options ?? [];
  const ignored = givenOptions(options, opts).filter((g) => g.spec.itemKind && g.spec.itemKind !== kind);
  if (ignored.length === 0) return undefined;
  const other = kind === 'change' ? 'specs' : 'changes';
  const they = ignored.length === 1 ? 'it applies' : 'they apply';
  return `ignoring ${ignored.map((g) => g.label).join(', ')}: ${they} only to ${other}, and '${name}' is a ${kind}.`;
}
