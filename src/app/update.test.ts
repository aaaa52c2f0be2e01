import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, snapshotTree } from '../../test/helpers/temp-tree.ts';
import { withStamp } from '../domain/tools/stamp.ts';
import { initProject } from './init.ts';
import { updateIntegrations } from './update.ts';

const env = (dir: string) => ({ XDG_CONFIG_HOME: join(dir, '.config-home') });

async function project(tools: string) {
  const dir = makeTree({});
  await initProject({ cwd: dir, tools, env: env(dir) });
  return dir;
}

describe('updateIntegrations', () => {
  it('leaves an up-to-date project byte for byte as it was', async () => {
    const dir = await project('claude,gemini');
    const before = snapshotTree(dir);
    const result = await updateIntegrations({ cwd: dir, env: env(dir) });
    expect(result.integrations.summary).toEqual({ written: 0, unchanged: 21, skipped: 0, removed: 0 });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('skips a file edited since it was generated and says so; --force restores it', async () => {
    const dir = await project('cursor');
    const file = join(dir, '.cursor/commands/sw-apply.md');
    const generated = readFileSync(file, 'utf8');
    writeFileSync(file, generated.replace('Implement a planned change', 'Implement MY way'));
    const skipped = await updateIntegrations({ cwd: dir, env: env(dir) });
    expect(skipped.integrations.files.filter((f) => f.action !== 'unchanged')).toEqual([
      {
        path: '.cursor/commands/sw-apply.md',
        kind: 'command',
        tools: ['cursor'],
        workflow: 'apply',
        action: 'skipped',
        reason: 'edited',
      },
    ]);
    expect(readFileSync(file, 'utf8')).toContain('Implement MY way');
    const forced = await updateIntegrations({ cwd: dir, force: true, env: env(dir) });
    expect(forced.integrations.summary).toMatchObject({ written: 1, skipped: 0 });
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('rewrites an unedited file whose generated content changed, and never touches files it did not write', async () => {
    const dir = await project('claude');
    const skill = join(dir, '.claude/skills/sw-sync/SKILL.md');
    const generated = readFileSync(skill, 'utf8');
    // An older generator's text: different body, valid stamp for it.
    writeFileSync(skill, withStamp('old text\n', 'html', '0.0.1'));
    writeFileSync(join(dir, '.claude/commands/sw/explore.md'), 'my own command\n');
    const result = await updateIntegrations({ cwd: dir, env: env(dir) });
    const changed = result.integrations.files.filter((f) => f.action !== 'unchanged');
    expect(changed.map((f) => [f.path, f.action, f.reason])).toEqual([
      ['.claude/commands/sw/explore.md', 'skipped', 'not_generated'],
      ['.claude/skills/sw-sync/SKILL.md', 'updated', undefined],
    ]);
    expect(readFileSync(skill, 'utf8')).toBe(generated);
    expect(readFileSync(join(dir, '.claude/commands/sw/explore.md'), 'utf8')).toBe('my own command\n');
  });

  it('follows the user config profile unless the project pins one, and removes deselected workflows', async () => {
    const dir = await project('codex');
    const home = env(dir).XDG_CONFIG_HOME;
    mkdirSync(join(home, 'specwright'), { recursive: true });
    writeFileSync(
      join(home, 'specwright/config.json'),
      '{"profile":"custom","workflows":["propose","verify"]}',
    );
    const result = await updateIntegrations({ cwd: dir, env: env(dir) });
    expect(result.integrations).toMatchObject({
      profile: 'custom',
      workflows: ['propose', 'verify'],
      sources: { profile: 'user' },
      summary: { written: 2, removed: 4 },
    });
    const skills = Object.keys(snapshotTree(dir)).filter((p) => p.endsWith('SKILL.md'));
    expect(skills).toEqual(['.agents/skills/sw-propose/SKILL.md', '.agents/skills/sw-verify/SKILL.md']);
  });

  it('keeps an edited file of a deselected workflow and reports it', async () => {
    const dir = await project('claude');
    const file = join(dir, '.claude/commands/sw/sync.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}my note\n`);
    await initProject({ cwd: dir, workflows: 'propose', env: env(dir) });
    const again = await updateIntegrations({ cwd: dir, env: env(dir) });
    expect(again.integrations.files.filter((f) => f.action === 'skipped')).toEqual([
      {
        path: '.claude/commands/sw/sync.md',
        kind: 'command',
        tools: ['claude'],
        workflow: 'sync',
        action: 'skipped',
        reason: 'edited',
      },
    ]);
    expect(readFileSync(file, 'utf8')).toContain('my note');
  });

  it('without openspec/integrations.yaml regenerates the tools whose stamped files it finds', async () => {
    const dir = await project('opencode');
    rmSync(join(dir, 'openspec/integrations.yaml'));
    const result = await updateIntegrations({ cwd: dir, env: env(dir) });
    expect(result.integrations).toMatchObject({ tools: ['opencode'], sources: { tools: 'detected' } });
    expect(result.integrations.manifest).toEqual({ path: 'openspec/integrations.yaml', action: 'created' });
    const bare = makeTree({ 'openspec/specs/.gitkeep': '' });
    const nothing = await updateIntegrations({ cwd: bare, env: env(bare) });
    expect(nothing.integrations.tools).toEqual([]);
    expect(nothing.integrations.notes).toEqual([
      'No assistant integrations in this project: run specwright init --tools <ids> first.',
    ]);
    expect(snapshotTree(bare)).toEqual({
      openspec: '<dir>',
      'openspec/specs': '<dir>',
      'openspec/specs/.gitkeep': expect.any(String),
    });
  });

  it('fails outside a project', async () => {
    const dir = makeTree({});
    await expect(updateIntegrations({ cwd: dir, env: env(dir) })).rejects.toMatchObject({
      code: 'no_openspec_root',
    });
  });
});
