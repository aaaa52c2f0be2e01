// `specwright config …` on a broken user config and on keys it does not know, through the built CLI (see
// config-commands.test.ts); each test checks the file the commands leave behind.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree, tempProjects } from '../helpers/tmp-project.ts';
import { configSetup, type Json } from '../helpers/user-config-env.ts';

const { track } = tempProjects();
const setup = () => configSetup(track);

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
