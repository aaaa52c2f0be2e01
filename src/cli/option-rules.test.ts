import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from './command-table.ts';
import { argumentConflict, itemKindWarning, unpairedOptionWarnings } from './option-rules.ts';

const row = (name: string) => COMMANDS.find((c) => c.name === name) as CommandSpec;

describe('argumentConflict', () => {
  it.each([
    [['auth'], { all: true }, "option '--all' cannot be used with the item argument ('auth')"],
    [['auth'], { archived: true }, "option '--archived' cannot be used"],
    [['auth'], { strict: true, concurrency: '2' }, undefined],
    [[], { all: true, archived: true }, undefined],
  ])('validate %j %j', (args, opts, expected) => {
    const problem = argumentConflict(row('validate'), args, opts);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });
});

describe('unpairedOptionWarnings', () => {
  it.each([
    [{ yes: true }, ['ignoring -y/--yes: it applies only together with --fix.']],
    [{ yes: true, fix: true }, []],
    [{ format: 'text', interactive: true }, []],
  ])('trace %j', (opts, expected) => {
    expect(unpairedOptionWarnings(row('trace'), [], opts)).toEqual(expected);
  });

  it.each([
    [[], { type: 'spec' }, ['ignoring --type: it applies only with an item.']],
    [[], { type: 'change', all: true }, ['ignoring --type: it applies only with an item.']],
    [['auth'], { type: 'spec' }, []],
    [[], { all: true }, []],
  ])('validate %j %j', (args, opts, expected) => {
    expect(unpairedOptionWarnings(row('validate'), args, opts)).toEqual(expected);
  });
});

describe('itemKindWarning', () => {
  it.each([
    [
      { scenarios: false },
      'change',
      "ignoring --no-scenarios: it applies only to specs, and 'x' is a change.",
    ],
    [{ scenarios: true, json: true }, 'change', undefined],
    [{ requirement: '2', requirements: true }, 'spec', undefined],
    [{ deltasOnly: true }, 'spec', "ignoring --deltas-only: it applies only to changes, and 'x' is a spec."],
  ] as const)('show %j on a %s', (opts, kind, expected) => {
    expect(itemKindWarning('show', { ...opts }, kind, 'x')).toBe(expected);
  });
});
