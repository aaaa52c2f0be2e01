import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeContext } from '../../../test/helpers/fake-context.ts';
import { makeTree } from '../../../test/helpers/temp-tree.ts';
import { get, list, path, profile, set, unset } from './config.ts';
import { terminal } from './init.ts';

const original = terminal.pickMany;
afterEach(() => {
  terminal.pickMany = original;
});

function setup() {
  const dir = makeTree({});
  const home = join(dir, 'config-home');
  return { dir, home, ctx: fakeContext(dir, { env: { XDG_CONFIG_HOME: home } }) };
}

describe('config commands', () => {
  it('list shows defaults, set stores validated values, get and unset read and drop them', async () => {
    const { ctx, home } = setup();
    const empty = JSON.parse((await list.run(ctx, [], { json: true })).stdout);
    expect(empty).toEqual({
      path: join(home, 'specwright/config.json'),
      settings: {},
      effective: {
        tools: [],
        profile: 'core',
        workflows: ['propose', 'explore', 'apply', 'sync', 'archive'],
        delivery: 'both',
      },
    });
    expect((await set.run(ctx, ['tools', 'Cursor,claude'], {})).stdout).toBe('Set tools = claude, cursor\n');
    expect((await set.run(ctx, ['delivery', 'skills'], { json: true })).stdout).toContain(
      '"value": "skills"',
    );
    expect(JSON.parse(readFileSync(join(home, 'specwright/config.json'), 'utf8'))).toEqual({
      tools: ['claude', 'cursor'],
      delivery: 'skills',
    });
    expect((await get.run(ctx, ['tools'], {})).stdout).toBe('claude, cursor\n');
    expect(JSON.parse((await get.run(ctx, ['profile'], { json: true })).stdout)).toEqual({
      key: 'profile',
      value: 'core',
      source: 'default',
    });
    expect((await list.run(ctx, [], {})).stdout).toBe(
      `tools: claude, cursor\nprofile: core (default)\nworkflows: propose, explore, apply, sync, archive (default)\ndelivery: skills\nFile: ${join(home, 'specwright/config.json')}\n`,
    );
    expect((await unset.run(ctx, ['delivery'], {})).stdout).toBe(
      'Unset delivery (the default applies again)\n',
    );
    expect((await unset.run(ctx, ['delivery'], {})).stdout).toBe('delivery was not set\n');
    expect((await path.run(ctx, [], {})).stdout).toBe(`${join(home, 'specwright/config.json')}\n`);
  });

  it('rejects unknown keys and invalid values as usage errors', async () => {
    const { ctx } = setup();
    await expect(set.run(ctx, ['colour', 'red'], {})).rejects.toMatchObject({
      code: 'unknown_config_key',
      exitCode: 2,
    });
    await expect(set.run(ctx, ['delivery', 'email'], {})).rejects.toMatchObject({
      code: 'invalid_config_value',
      message: 'Invalid delivery "email". Available: skills, commands, both.',
    });
    await expect(set.run(ctx, ['tools', 'vim'], {})).rejects.toMatchObject({ code: 'invalid_config_value' });
  });

  it('profile sets core or custom, prints the current one off a terminal, and asks on one', async () => {
    const { ctx } = setup();
    expect((await profile.run(ctx, [], {})).stdout).toBe(
      'profile: core (propose, explore, apply, sync, archive)\n',
    );
    expect((await profile.run(ctx, [], { workflows: 'new,ff,apply' })).stdout).toBe(
      'Set profile = custom (new, ff, apply)\n',
    );
    await expect(profile.run(ctx, ['core'], { workflows: 'apply' })).rejects.toMatchObject({
      code: 'invalid_option',
    });
    const asked: unknown[] = [];
    terminal.pickMany = async (_message, options, initial) => {
      asked.push({ count: options.length, initial });
      return ['propose', 'explore', 'apply', 'sync', 'archive'];
    };
    const tty = { ...ctx, stdinIsTTY: true, stdoutIsTTY: true };
    expect((await profile.run(tty, [], {})).stdout).toContain(
      '\nprofile: core\nworkflows: propose, explore, apply, sync, archive\n',
    );
    expect(asked).toEqual([{ count: 11, initial: ['new', 'ff', 'apply'] }]);
    expect((await get.run(ctx, ['profile'], {})).stdout).toBe('core\n');
  });

  it('profile validates its argument like set, as a usage error, and writes nothing', async () => {
    const { ctx, home } = setup();
    await expect(profile.run(ctx, ['weird'], {})).rejects.toMatchObject({
      code: 'invalid_config_value',
      message: 'Invalid profile "weird". Available: core, custom.',
      exitCode: 2,
    });
    expect(existsSync(join(home, 'specwright/config.json'))).toBe(false);
  });

  it('path does not read the file, so it works when the file is broken', async () => {
    const dir = makeTree({ 'h/specwright/config.json': '{"profile": "weird"' });
    const ctx = fakeContext(dir, { env: { XDG_CONFIG_HOME: join(dir, 'h') } });
    expect((await path.run(ctx, [], {})).stdout).toBe(`${join(dir, 'h/specwright/config.json')}\n`);
  });

  it('reports a config file that cannot be read as <path>: cannot be read (<code>).', async () => {
    const dir = makeTree({ 'h/specwright/config.json/x': 'a folder, not a file' });
    const ctx = fakeContext(dir, { env: { XDG_CONFIG_HOME: join(dir, 'h') } });
    await expect(list.run(ctx, [], {})).rejects.toMatchObject({
      code: 'user_config_unreadable',
      message: `${join(dir, 'h/specwright/config.json')}: cannot be read (EISDIR).`,
    });
  });

  it('reports a broken config file with its path', async () => {
    const dir = makeTree({ 'h/specwright/config.json': '{"tools": ["nope"]}' });
    const ctx = fakeContext(dir, { env: { XDG_CONFIG_HOME: join(dir, 'h') } });
    await expect(list.run(ctx, [], {})).rejects.toMatchObject({
      code: 'user_config_invalid',
      message: `${join(dir, 'h/specwright/config.json')}: tools.0: unknown tool "nope"`,
    });
  });
});
