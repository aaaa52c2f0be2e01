import { describe, expect, it } from 'vitest';
import { checkUserConfig, planUserConfigEdit } from './user-config.ts';

const FILE = '/home/u/.config/specwright/config.json';

describe('checkUserConfig', () => {
  it('accepts a missing file, null and unknown keys; reads only the settings', () => {
    expect(checkUserConfig(undefined, FILE)).toMatchObject({ ok: true, settings: {}, document: {} });
    expect(checkUserConfig(null, FILE)).toMatchObject({ ok: true, settings: {} });
    expect(checkUserConfig({ theme: 'dark', delivery: 'skills' }, FILE)).toMatchObject({
      ok: true,
      settings: { delivery: 'skills' },
      document: { theme: 'dark', delivery: 'skills' },
    });
  });

  it('names the file and the invalid settings, and how to repair them', () => {
    expect(checkUserConfig({ delivery: 'email', profile: 'weird', theme: 1 }, FILE)).toEqual({
      ok: false,
      error: expect.stringMatching(/^\/home\/u\/\.config\/specwright\/config\.json: profile: /),
      fix: `Run \`specwright config unset profile\`, \`specwright config unset delivery\` (or \`specwright config set\` a valid value), or fix ${FILE}.`,
    });
    expect(checkUserConfig(['tools'], FILE)).toMatchObject({ ok: false, fix: `Fix or delete ${FILE}.` });
  });
});

describe('planUserConfigEdit', () => {
  it('keeps unknown keys and the key order; a new key goes last', () => {
    const data = { futureKey: { a: [1, 2] }, delivery: 'commands', zeta: true };
    const plan = planUserConfigEdit(
      data,
      [
        { key: 'delivery', value: 'skills' },
        { key: 'tools', value: ['claude'] },
      ],
      FILE,
    );
    expect(plan.ok && JSON.stringify(plan.document)).toBe(
      '{"futureKey":{"a":[1,2]},"delivery":"skills","zeta":true,"tools":["claude"]}',
    );
    expect(plan).toMatchObject({ changed: true, settings: { delivery: 'skills', tools: ['claude'] } });
    expect(data).toEqual({ futureKey: { a: [1, 2] }, delivery: 'commands', zeta: true });
  });

  it('removes a key; removing or setting nothing new is no change', () => {
    const removed = planUserConfigEdit(
      { a: 1, delivery: 'both' },
      [{ key: 'delivery', value: undefined }],
      FILE,
    );
    expect(removed).toMatchObject({ ok: true, changed: true, document: { a: 1 } });
    expect(planUserConfigEdit({ a: 1 }, [{ key: 'tools', value: undefined }], FILE)).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(planUserConfigEdit(undefined, [{ key: 'tools', value: undefined }], FILE)).toMatchObject({
      ok: true,
      changed: false,
      document: {},
    });
    expect(
      planUserConfigEdit({ delivery: 'both' }, [{ key: 'delivery', value: 'both' }], FILE),
    ).toMatchObject({
      ok: true,
      changed: false,
    });
  });

  it('repairs a file whose invalid settings the edit replaces or removes', () => {
    expect(
      planUserConfigEdit({ profile: 'weird', x: 1 }, [{ key: 'profile', value: 'core' }], FILE),
    ).toMatchObject({
      ok: true,
      document: { profile: 'core', x: 1 },
    });
    expect(
      planUserConfigEdit({ profile: 'weird' }, [{ key: 'profile', value: undefined }], FILE),
    ).toMatchObject({
      ok: true,
      document: {},
    });
  });

  it('accepts an edit that repairs some invalid settings and breaks none, saying what is left', () => {
    const data = { profile: 'bogus', tools: ['nope'], x: 1 };
    const first = planUserConfigEdit(data, [{ key: 'tools', value: undefined }], FILE);
    expect(first).toEqual({
      ok: true,
      document: { profile: 'bogus', x: 1 },
      settings: {},
      changed: true,
      remaining: {
        error: expect.stringMatching(/config\.json: profile: /),
        fix: `Run \`specwright config unset profile\` (or \`specwright config set\` a valid value), or fix ${FILE}.`,
      },
    });
    const fixed = planUserConfigEdit(data, [{ key: 'profile', value: 'core' }], FILE);
    expect(fixed).toMatchObject({
      ok: true,
      settings: { profile: 'core' },
      remaining: { fix: expect.stringContaining('unset tools') },
    });
    const rest = planUserConfigEdit(
      first.ok ? first.document : {},
      [{ key: 'profile', value: undefined }],
      FILE,
    );
    expect(rest).toEqual({ ok: true, document: { x: 1 }, settings: {}, changed: true });
  });

  it('refuses an edit that leaves the same or more invalid settings', () => {
    const data = { profile: 'bogus', tools: ['nope'] };
    for (const edit of [
      { key: 'delivery', value: 'skills' },
      { key: 'workflows', value: undefined },
    ] as const) {
      expect(planUserConfigEdit(data, [edit], FILE)).toMatchObject({
        ok: false,
        fix: expect.stringContaining('`specwright config unset tools`, `specwright config unset profile`'),
      });
    }
    const swapped = planUserConfigEdit(
      { profile: 'bogus' },
      [
        { key: 'profile', value: undefined },
        { key: 'delivery', value: 'email' as never },
      ],
      FILE,
    );
    expect(swapped).toMatchObject({ ok: false, error: expect.stringContaining('delivery: ') });
  });

  it('refuses a result that is still invalid, and a document that is not an object', () => {
    const plan = planUserConfigEdit({ delivery: 'email' }, [{ key: 'tools', value: ['claude'] }], FILE);
    expect(plan).toMatchObject({
      ok: false,
      error: expect.stringContaining(`${FILE}: delivery: `),
      fix: expect.stringContaining('`specwright config unset delivery`'),
    });
    expect(planUserConfigEdit(42, [{ key: 'delivery', value: 'both' }], FILE)).toMatchObject({
      ok: false,
      fix: `Fix or delete ${FILE}.`,
    });
  });
});
