import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../test/helpers/fake-context.ts';
import { CliError } from '../domain/errors.ts';
import type { CommandModule } from './command.ts';
import { COMMANDS, type CommandSpec } from './command-table.ts';
import type { CliContext } from './context.ts';
import { detectColor, runCli } from './run.ts';

const ctx = fakeContext('/nonexistent-specwright-cwd');
const run = (argv: string[], commands?: readonly CommandSpec[], c: CliContext = ctx) =>
  runCli(argv, c, commands ? { version: '9.9.9', commands } : { version: '9.9.9' });

/** A one-command table whose module records its inputs and behaves as `behave` says. */
function probe(behave: (c: CliContext, args: string[], opts: Record<string, unknown>) => Promise<string>) {
  const seen: { ctx?: CliContext; args?: string[]; opts?: Record<string, unknown> } = {};
  const module: CommandModule = {
    jsonNullShape: (opts) => ({ things: [], mode: opts.alt === true ? 'alt' : 'plain' }),
    run: async (c, args, opts) => {
      Object.assign(seen, { ctx: c, args, opts });
      return { exitCode: 0, stdout: await behave(c, args, opts), stderr: 'note\n' };
    },
  };
  const table: CommandSpec[] = [
    {
      name: 'grp probe',
      description: 'test command',
      args: [
        { name: 'first', description: '', required: true },
        { name: 'second', description: '', required: false },
      ],
      options: [
        { flags: '--json', description: '' },
        { flags: '--alt', description: '' },
        { flags: '--no-check', description: '' },
        { flags: '--level <n>', description: '', choices: ['a', 'b'] },
      ],
      load: async () => module,
    },
  ];
  return { seen, table };
}

describe('runCli: commander wiring', () => {
  it('prints help with exit codes on stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: specwright');
    expect(r.stdout).toContain('130  cancelled by the user');
    expect(r.stderr).toBe('');
    expect((await run(['help', 'list'])).exitCode).toBe(0);
    expect((await run(['list', '--help'])).stdout).toContain('--sort <order>');
  });

  it('gives the same help whether it builds only the named command or every command', async () => {
    // `help <word>` matches no row by its first word, so it builds the whole table.
    const words = [...new Set(COMMANDS.map((c) => c.name.split(' ')[0] as string))];
    expect(words.length).toBeGreaterThan(10);
    for (const word of words) {
      const own = await run([word, '--help']);
      expect(own.exitCode).toBe(0);
      expect(own.stdout).toBe((await run(['help', word])).stdout);
    }
  });

  it('answers --version wherever it appears', async () => {
    expect(await run(['--no-color', '-V'])).toEqual({ exitCode: 0, stdout: '9.9.9\n', stderr: '' });
  });

  it.each([
    [['bogus'], "error: unknown command 'bogus'"],
    [['list', '--bogus'], "error: unknown option '--bogus'"],
    [['list', 'extra'], 'too many arguments'],
    [['list', '--sort', 'size'], 'Allowed choices are recent, name'],
    [['list', '--specs', '--changes'], "option '--specs' cannot be used with option '--changes'"],
    [['new', 'change'], "missing required argument 'name'"],
    [['new'], 'Usage: specwright new'],
    [[], 'Usage: specwright'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await run(argv);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('reports usage errors as the JSON envelope under --json', async () => {
    const r = await run(['list', '--json', '--sort', 'size']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      changes: [],
      root: null,
      status: [
        { severity: 'error', code: 'usage_error', message: expect.stringContaining('Allowed choices') },
      ],
    });
  });
});

describe('runCli: the module contract', () => {
  it('passes positional args (missing optional ones left out) and camelCased options', async () => {
    const { seen, table } = probe(async () => 'ok\n');
    const r = await run(['grp', 'probe', 'one', '--alt', '--no-check', '--level', 'b'], table);
    expect(r).toEqual({ exitCode: 0, stdout: 'ok\n', stderr: 'note\n' });
    expect(seen.args).toEqual(['one']);
    expect(seen.opts).toMatchObject({ alt: true, check: false, level: 'b' });
  });

  it('turns colour off for --no-color and --json', async () => {
    const { seen, table } = probe(async () => '');
    const colored = fakeContext('/x', { color: true });
    await run(['grp', 'probe', 'a'], table, colored);
    expect(seen.ctx?.color).toBe(true);
    await run(['grp', 'probe', 'a', '--no-color'], table, colored);
    expect(seen.ctx?.color).toBe(false);
    await run(['--no-color', 'grp', 'probe', 'a'], table, colored);
    expect(seen.ctx?.color).toBe(false);
    await run(['grp', 'probe', 'a', '--json'], table, colored);
    expect(seen.ctx?.color).toBe(false);
  });

  it('renders a CliError as Error/Fix lines in human mode with its exit code', async () => {
    const { table } = probe(async () => {
      throw new CliError('bad_thing', 'It broke.', { fix: 'Do X.', exitCode: 2 });
    });
    expect(await run(['grp', 'probe', 'a'], table)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'Error: It broke.\nFix: Do X.\n',
    });
  });

  it('renders a CliError as one JSON document with the null shape under --json', async () => {
    const { table } = probe(async () => {
      throw new CliError('bad_thing', 'It broke.');
    });
    const r = await run(['grp', 'probe', 'a', '--json', '--alt'], table);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      things: [],
      mode: 'alt',
      status: [{ severity: 'error', code: 'bad_thing', message: 'It broke.' }],
    });
  });

  it('reports other errors as internal errors without a stack unless SPECWRIGHT_DEBUG=1', async () => {
    const { table } = probe(async () => {
      throw new TypeError('x is undefined');
    });
    const plain = await run(['grp', 'probe', 'a'], table);
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toContain('Error: Internal error: x is undefined');
    expect(plain.stderr).toContain('please report it');
    expect(plain.stderr).not.toContain('at ');
    const debug = await run(
      ['grp', 'probe', 'a'],
      table,
      fakeContext('/x', { env: { SPECWRIGHT_DEBUG: '1' } }),
    );
    expect(debug.stderr).toContain('TypeError: x is undefined\n    at ');
    const json = await run(['grp', 'probe', 'a', '--json'], table);
    expect(JSON.parse(json.stdout).status[0]).toMatchObject({ code: 'internal_error' });
  });
});

describe('detectColor', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
  ])('%j on a TTY=%s -> %s', (env, tty, expected) => {
    expect(detectColor(env, tty)).toBe(expected);
  });
});
