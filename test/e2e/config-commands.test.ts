// `specwright config …` through the built CLI. HOME and XDG_CONFIG_HOME point at temp folders, so the
// real user config is never read or written; each test checks the file the commands leave behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const { track } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const CORE = ['propose', 'explore', 'apply', 'sync', 'archive'];

/** A working directory (no project: config needs none), a HOME and an XDG config home, all empty. */
function setup() {
  const base = track(mkdtempSync(join(tmpdir(), 'specwright-config-')));
  const cwd = join(base, 'cwd');
  const home = join(base, 'home');
  const xdg = join(base, 'xdg');
  for (const d of [cwd, home, xdg]) mkdirSync(d);
  const file = join(xdg, 'specwright', 'config.json');
  const env = { HOME: home, XDG_CONFIG_HOME: xdg };
  const run = (...args: string[]) => runCli(cwd, ['config', ...args], env);
  const stored = () => JSON.parse(readFileSync(file, 'utf8')) as Json;
  return { cwd, home, xdg, file, env, run, stored };
}

describe('config path and list', () => {
  it('path is $XDG_CONFIG_HOME/specwright/config.json; reading creates nothing', () => {
    const { run, file, cwd, home, xdg } = setup();
    expect(run('path')).toMatchObject({ code: 0, stdout: `${file}\n`, stderr: '' });
    expect(run('path', '--json').json()).toEqual({ path: file });
    expect(run('list').code).toBe(0);
    expect(run('get', 'tools').code).toBe(0);
    for (const dir of [cwd, home, xdg]) expect(snapshotTree(dir)).toEqual({});
  });

  it('a relative XDG_CONFIG_HOME is ignored in favour of $HOME/.config', () => {
    const { cwd, home } = setup();
    const r = runCli(cwd, ['config', 'path'], { HOME: home, XDG_CONFIG_HOME: 'relative/dir' });
    expect(r.stdout).toBe(`${join(home, '.config', 'specwright', 'config.json')}\n`);
    const set = runCli(cwd, ['config', 'set', 'delivery', 'commands'], {
      HOME: home,
      XDG_CONFIG_HOME: 'relative/dir',
    });
    expect(set.code).toBe(0);
    expect(readFileSync(join(home, '.config/specwright/config.json'), 'utf8')).toBe(
      '{\n  "delivery": "commands"\n}\n',
    );
    expect(existsSync(join(cwd, 'relative'))).toBe(false);
  });

  it('list shows the defaults in force, marked (default), in text and JSON', () => {
    const { run, file } = setup();
    const text = run('list');
    expect(text.stdout).toBe(
      `tools: (none) (default)\nprofile: core (default)\nworkflows: ${CORE.join(', ')} (default)\ndelivery: both (default)\nFile: ${file}\n`,
    );
    expect(run('list', '--json').json()).toEqual({
      path: file,
      settings: {},
      effective: { tools: [], profile: 'core', workflows: CORE, delivery: 'both' },
    });
  });
});

describe('config set, get and unset', () => {
  it('set validates, normalises and stores; get and list read it back', () => {
    const { run, file, stored, home } = setup();
    expect(run('set', 'tools', 'Cursor,claude')).toMatchObject({
      code: 0,
      stdout: 'Set tools = claude, cursor\n',
      stderr: '',
    });
    expect(run('set', 'delivery', 'skills', '--json').json()).toEqual({
      key: 'delivery',
      value: 'skills',
      path: file,
    });
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  "tools": [\n    "claude",\n    "cursor"\n  ],\n  "delivery": "skills"\n}\n',
    );
    expect(run('get', 'tools').stdout).toBe('claude, cursor\n');
    expect(run('get', 'delivery', '--json').json()).toEqual({
      key: 'delivery',
      value: 'skills',
      source: 'user',
    });
    expect(run('get', 'profile', '--json').json()).toEqual({
      key: 'profile',
      value: 'core',
      source: 'default',
    });
    expect(run('list').stdout).toBe(
      `tools: claude, cursor\nprofile: core (default)\nworkflows: ${CORE.join(', ')} (default)\ndelivery: skills\nFile: ${file}\n`,
    );
    expect(stored()).toEqual({ tools: ['claude', 'cursor'], delivery: 'skills' });
    expect(snapshotTree(home)).toEqual({});
  });

  it('set tools takes all and none; workflows are stored in canonical order', () => {
    const { run, stored } = setup();
    const all = run('set', 'tools', 'all', '--json').json() as Json;
    expect(all.value.length).toBeGreaterThan(5);
    expect(stored().tools).toEqual(all.value);
    expect(run('set', 'tools', 'none', '--json').json()).toMatchObject({ key: 'tools', value: [] });
    expect(run('get', 'tools').stdout).toBe('(none)\n');
    expect(run('set', 'workflows', 'ff,new, apply', '--json').json()).toMatchObject({
      value: ['new', 'ff', 'apply'],
    });
    expect(stored()).toEqual({ tools: [], workflows: ['new', 'ff', 'apply'] });
  });

  it('unset drops a value once, then says it was not set without writing', () => {
    const { run, file, stored } = setup();
    run('set', 'delivery', 'commands');
    run('set', 'profile', 'custom');
    expect(run('unset', 'delivery')).toMatchObject({
      code: 0,
      stdout: 'Unset delivery (the default applies again)\n',
    });
    expect(stored()).toEqual({ profile: 'custom' });
    const bytes = readFileSync(file, 'utf8');
    expect(run('unset', 'delivery', '--json').json()).toEqual({
      key: 'delivery',
      removed: false,
      path: file,
    });
    expect(run('unset', 'delivery').stdout).toBe('delivery was not set\n');
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(run('get', 'delivery', '--json').json()).toMatchObject({ value: 'both', source: 'default' });
  });

  it('unset on a missing file creates nothing', () => {
    const { run, xdg } = setup();
    expect(run('unset', 'tools').stdout).toBe('tools was not set\n');
    expect(snapshotTree(xdg)).toEqual({});
  });
});

describe('usage errors exit 2 and leave the file alone', () => {
  const CASES: [string, string[], string, RegExp][] = [
    ['unknown key (set)', ['set', 'colour', 'red'], 'unknown_config_key', /Unknown setting "colour"\./],
    ['unknown key (get)', ['get', 'colour'], 'unknown_config_key', /Unknown setting "colour"\./],
    ['unknown key (unset)', ['unset', 'colour'], 'unknown_config_key', /Unknown setting "colour"\./],
    [
      'invalid delivery',
      ['set', 'delivery', 'email'],
      'invalid_config_value',
      /Invalid delivery "email"\. Available: skills, commands, both\./,
    ],
    ['invalid profile', ['set', 'profile', 'weird'], 'invalid_config_value', /Invalid profile "weird"/],
    [
      'invalid profile (config profile)',
      ['profile', 'weird'],
      'invalid_config_value',
      /Invalid profile "weird"\. Available: core, custom\./,
    ],
    ['unknown tool', ['set', 'tools', 'vim'], 'invalid_config_value', /vim/],
    [
      'unknown workflow',
      ['set', 'workflows', 'bogus'],
      'invalid_config_value',
      /Unknown workflow\(s\): bogus\./,
    ],
    ['empty workflow list', ['set', 'workflows', ''], 'invalid_config_value', /No workflow given\./],
    [
      'workflows with core',
      ['profile', 'core', '--workflows', 'apply'],
      'invalid_option',
      /A workflow list only applies to the custom profile\./,
    ],
    [
      'unknown --workflows',
      ['profile', 'custom', '--workflows', 'bogus'],
      'invalid_option',
      /--workflows: Unknown workflow\(s\): bogus\./,
    ],
  ];

  it.each(CASES)('%s', (_, args, code, message) => {
    const { run, file } = setup();
    run('set', 'delivery', 'skills');
    const bytes = readFileSync(file, 'utf8');
    const text = run(...args);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr.split('\n')[0]).toMatch(message);
    expect(text.stderr).not.toMatch(/^\s+at /m);
    const json = run(...args, '--json');
    expect(json.code).toBe(2);
    expect((json.json() as Json).status[0]).toMatchObject({ severity: 'error', code });
    expect(readFileSync(file, 'utf8')).toBe(bytes);
  });
});

describe('config profile', () => {
  it('off a terminal, with no profile, prints the current one and writes nothing', () => {
    const { run, xdg } = setup();
    const expected = `profile: core (${CORE.join(', ')})\n`;
    expect(run('profile')).toMatchObject({ code: 0, stdout: expected });
    expect(run('profile', '--no-interactive')).toMatchObject({ code: 0, stdout: expected });
    expect(run('profile', '--json').json()).toMatchObject({ settings: {}, effective: { profile: 'core' } });
    expect(snapshotTree(xdg)).toEqual({});
  });

  it('--workflows alone means custom; core keeps the list for a later custom', () => {
    const { run, stored, file } = setup();
    const custom = run('profile', '--workflows', 'verify,onboard', '--json');
    expect(custom.code).toBe(0);
    expect(custom.json()).toEqual({
      path: file,
      settings: { profile: 'custom', workflows: ['verify', 'onboard'] },
      effective: { tools: [], profile: 'custom', workflows: ['verify', 'onboard'], delivery: 'both' },
    });
    expect(stored()).toEqual({ profile: 'custom', workflows: ['verify', 'onboard'] });
    expect(run('profile', 'core').stdout).toBe(`Set profile = core (${CORE.join(', ')})\n`);
    expect(stored()).toEqual({ profile: 'core', workflows: ['verify', 'onboard'] });
    expect(run('get', 'workflows').stdout).toBe(`${CORE.join(', ')}\n`);
    expect(run('profile', 'custom', '--no-interactive').stdout).toBe(
      'Set profile = custom (verify, onboard)\n',
    );
    expect(run('get', 'workflows', '--json').json()).toEqual({
      key: 'workflows',
      value: ['verify', 'onboard'],
      source: 'user',
    });
  });

  it('custom without a stored list off a terminal falls back to the core workflows', () => {
    const { run, stored } = setup();
    expect(run('profile', 'custom').stdout).toBe(`Set profile = custom (${CORE.join(', ')})\n`);
    expect(stored()).toEqual({ profile: 'custom' });
    expect(run('list', '--json').json()).toMatchObject({ effective: { profile: 'custom', workflows: CORE } });
  });
});

describe('a broken user config', () => {
  /** A config home whose config.json holds `text`. */
  function broken(text: string) {
    const t = setup();
    mkdirSync(join(t.file, '..'), { recursive: true });
    writeFileSync(t.file, text);
    return t;
  }

  it('config profile <invalid> never writes, so the config keeps working', () => {
    const { run, file, xdg } = setup();
    expect(run('profile', 'weird').code).toBe(2);
    expect(snapshotTree(xdg)).toEqual({});
    run('set', 'tools', 'claude');
    const bytes = readFileSync(file, 'utf8');
    expect(run('profile', 'weird', '--workflows', 'apply').code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(run('list').code).toBe(0);
  });

  it.each([
    ['not JSON', '{ "tools": ['],
    ['an invalid value', '{ "profile": "weird" }\n'],
    ['not an object', '[1]\n'],
  ])('%s: config path still prints the path, without reading the file', (_, text) => {
    const { run, file } = broken(text);
    expect(run('path')).toMatchObject({ code: 0, stdout: `${file}\n`, stderr: '' });
    expect(run('path', '--json').json()).toEqual({ path: file });
  });

  it('not JSON: every other command fails with user_config_invalid naming the file, which stays as it is', () => {
    const text = '{ "tools": [';
    const { run, file } = broken(text);
    const commands = [
      ['list'],
      ['get', 'tools'],
      ['set', 'delivery', 'skills'],
      ['unset', 'tools'],
      ['profile', 'core'],
    ];
    for (const args of commands) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(/is not valid JSON/);
      expect(r.stderr).toContain(file);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      const json = run(...args, '--json').json() as Json;
      expect(json.status[0]).toMatchObject({ code: 'user_config_invalid', fix: `Fix or delete ${file}.` });
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('an invalid value: reading fails naming the file and the repair; unrelated edits leave the file alone', () => {
    const text = '{ "delivery": "email" }\n';
    const { run, file } = broken(text);
    const fix = `Run \`specwright config unset delivery\` (or \`specwright config set\` a valid value), or fix ${file}.`;
    for (const args of [
      ['list'],
      ['get', 'tools'],
      ['set', 'tools', 'claude'],
      ['unset', 'tools'],
      ['profile', 'core'],
    ]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^Error: ${file}: delivery: `));
      expect(r.stderr).toContain(`Fix: ${fix}`);
      const json = run(...args, '--json').json() as Json;
      expect(json.status[0]).toMatchObject({ code: 'user_config_invalid', fix });
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it.each([
    [
      'set delivery',
      '{ "delivery": "email", "futureKey": 1 }',
      ['set', 'delivery', 'skills'],
      { delivery: 'skills', futureKey: 1 },
    ],
    ['unset delivery', '{ "futureKey": 1, "delivery": "email" }', ['unset', 'delivery'], { futureKey: 1 }],
    [
      'profile core',
      '{ "profile": "weird", "tools": ["claude"] }',
      ['profile', 'core'],
      { profile: 'core', tools: ['claude'] },
    ],
    ['unset profile', '{ "profile": "weird" }', ['unset', 'profile'], {}],
  ])('an invalid value is repaired by %s', (_, text, args, after) => {
    const { run, stored } = broken(text);
    expect(run(...args).code).toBe(0);
    expect(stored()).toEqual(after);
    expect(run('list').code).toBe(0);
  });
});

describe('a user config with two invalid values', () => {
  const TEXT = '{"profile":"bogus","tools":["nope"]}';

  function broken() {
    const t = setup();
    mkdirSync(join(t.file, '..'), { recursive: true });
    writeFileSync(t.file, TEXT);
    return t;
  }

  it.each([
    ['tools', 'profile'],
    ['profile', 'tools'],
  ])('is repaired by unset %s then unset %s, as the fix says', (first, second) => {
    const { run, stored, file } = broken();
    const listed = run('list', '--json').json() as Json;
    expect(listed.status[0].fix).toBe(
      `Run \`specwright config unset tools\`, \`specwright config unset profile\` (or \`specwright config set\` a valid value), or fix ${file}.`,
    );
    const r = run('unset', first as string);
    expect(r).toMatchObject({ code: 0, stdout: `Unset ${first} (the default applies again)\n` });
    expect(r.stderr.startsWith(`Warning: ${file}: ${second}`)).toBe(true);
    expect(r.stderr).toContain(`Fix: Run \`specwright config unset ${second}\``);
    expect(run('list').code).toBe(1);
    const json = run('unset', second as string, '--json');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(json.json()).toEqual({ key: second, removed: true, path: file });
    expect(stored()).toEqual({});
    expect(run('list').code).toBe(0);
  });

  it('config profile repairs the profile and keeps the invalid tools for a later unset', () => {
    const { run, stored } = broken();
    const r = run('profile', 'core', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ settings: { profile: 'core' } });
    expect(r.stderr).toMatch(/^Warning: .*: tools\.0: unknown tool "nope"\nFix: /);
    expect(stored()).toEqual({ profile: 'core', tools: ['nope'] });
  });

  it('an edit that repairs nothing is refused and leaves the file alone', () => {
    const { run, file } = broken();
    for (const args of [
      ['set', 'delivery', 'skills'],
      ['unset', 'workflows'],
    ]) {
      expect(run(...args).code, args.join(' ')).toBe(1);
    }
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
  });
});

describe('keys Specwright does not know', () => {
  it('are ignored when reading', () => {
    const { run, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{ "tools": ["claude"], "theme": "dark" }\n');
    expect(run('list', '--json').json()).toMatchObject({ settings: { tools: ['claude'] } });
    expect(run('get', 'tools').stdout).toBe('claude\n');
  });

  it('are kept, in their place, by set, unset and profile', () => {
    const { run, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{"tools":["claude"],"futureKey":1}');
    expect(run('set', 'delivery', 'skills').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  "tools": [\n    "claude"\n  ],\n  "futureKey": 1,\n  "delivery": "skills"\n}\n',
    );
    writeFileSync(file, '{"zeta":{"nested":[true,null]},"delivery":"commands","alpha":"x"}');
    expect(run('set', 'delivery', 'both').code).toBe(0);
    expect(run('profile', 'custom', '--workflows', 'apply').code).toBe(0);
    expect(JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))).toBe(
      '{"zeta":{"nested":[true,null]},"delivery":"both","alpha":"x","profile":"custom","workflows":["apply"]}',
    );
    expect(run('unset', 'delivery').code).toBe(0);
    expect(run('unset', 'workflows').code).toBe(0);
    expect(JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))).toBe(
      '{"zeta":{"nested":[true,null]},"alpha":"x","profile":"custom"}',
    );
  });
});
