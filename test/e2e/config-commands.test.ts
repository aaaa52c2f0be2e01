// `specwright config …` through the built CLI. HOME and XDG_CONFIG_HOME point at temp folders, so the
// real user config is never read or written; each test checks the file the commands leave behind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { snapshotTree, tempProjects } from '../helpers/tmp-project.ts';
import { CORE, configSetup, type Json } from '../helpers/user-config-env.ts';

const { track } = tempProjects();
const setup = () => configSetup(track);

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
