import { describe, expect, it } from 'vitest';
import { parseSettings, projectSettingsOf, renderProjectSettings, resolveSelection } from './settings.ts';

describe('resolveSelection', () => {
  it('takes each value from the highest layer that sets it, then detection, then defaults', () => {
    const selection = resolveSelection(
      [
        { source: 'flag', settings: { delivery: 'skills' } },
        { source: 'project', settings: { tools: ['cursor', 'claude'] } },
        { source: 'user', settings: { tools: ['gemini'], profile: 'custom', workflows: ['apply', 'new'] } },
      ],
      ['codex'],
    );
    expect(selection).toEqual({
      tools: ['claude', 'cursor'],
      profile: 'custom',
      workflows: ['new', 'apply'],
      delivery: 'skills',
      sources: { tools: 'project', profile: 'user', delivery: 'flag' },
    });
    expect(resolveSelection([], ['codex'])).toMatchObject({
      tools: ['codex'],
      sources: { tools: 'detected' },
    });
    expect(resolveSelection([], [])).toMatchObject({
      tools: [],
      profile: 'core',
      delivery: 'both',
      sources: { tools: 'default', profile: 'default', delivery: 'default' },
    });
  });

  it('records tools always, and profile and delivery only when chosen for the project', () => {
    const fromUser = resolveSelection(
      [{ source: 'user', settings: { tools: ['claude'], profile: 'custom', workflows: ['new'] } }],
      [],
    );
    expect(projectSettingsOf(fromUser)).toEqual({ tools: ['claude'] });
    const pinned = resolveSelection(
      [
        {
          source: 'flag',
          settings: { tools: [], profile: 'custom', workflows: ['ff'], delivery: 'commands' },
        },
      ],
      [],
    );
    expect(renderProjectSettings(projectSettingsOf(pinned))).toMatch(
      /\ntools: \[\]\nprofile: custom\nworkflows:\n {2}- ff\ndelivery: commands\n$/,
    );
  });
});

describe('parseSettings', () => {
  it('normalises aliases and order, ignores unknown keys, and locates bad values', () => {
    expect(
      parseSettings({ tools: ['Cursor', 'claude-code'], extra: 1, workflows: ['apply', 'new'] }, 'f'),
    ).toEqual({
      ok: true,
      settings: { tools: ['claude', 'cursor'], workflows: ['new', 'apply'] },
    });
    expect(parseSettings({ delivery: 'fax' }, 'f')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^f: delivery: /),
    });
    expect(parseSettings({ workflows: ['apply', 'dance'] }, 'f')).toEqual({
      ok: false,
      error: 'f: workflows.1: unknown workflow',
    });
  });
});
