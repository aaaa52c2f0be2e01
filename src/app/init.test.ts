import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, snapshotTree } from '../../test/helpers/temp-tree.ts';
import { initProject } from './init.ts';

const SKELETON = [
  'openspec/',
  'openspec/specs/',
  'openspec/specs/.gitkeep',
  'openspec/changes/',
  'openspec/changes/archive/',
  'openspec/changes/archive/.gitkeep',
  'openspec/config.yaml',
];

describe('initProject', () => {
  it('creates the skeleton and a commented config', async () => {
    const dir = makeTree({});
    const result = await initProject({ cwd: dir });
    expect(result).toEqual({
      root: { path: dir, source: 'path' },
      createdDirectory: false,
      created: SKELETON,
      existing: [],
      integrations: expect.objectContaining({ tools: [], files: [], manifest: null }),
    });
    const config = readFileSync(join(dir, 'openspec/config.yaml'), 'utf8');
    expect(config).toMatch(/^schema: spec-driven$/m);
    expect(config).toMatch(/^# context: \|$/m);
    expect(config).toMatch(/^# rules:$/m);
    expect(config).toMatch(/^# language: /m);
  });

  it('is idempotent: a second run changes no byte', async () => {
    const dir = makeTree({});
    await initProject({ cwd: dir });
    const before = snapshotTree(dir);
    const again = await initProject({ cwd: dir });
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(SKELETON);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('never touches an existing config.yaml or config.yml', async () => {
    const dir = makeTree({ 'openspec/config.yml': 'schema: mine\n' });
    const result = await initProject({ cwd: dir });
    expect(result.existing).toEqual(['openspec/', 'openspec/config.yml']);
    expect(snapshotTree(dir)['openspec/config.yaml']).toBeUndefined();
    const other = makeTree({ 'openspec/config.yaml': '# mine\n' });
    await initProject({ cwd: other });
    expect(readFileSync(join(other, 'openspec/config.yaml'), 'utf8')).toBe('# mine\n');
  });

  it('creates a missing target directory, relative to cwd', async () => {
    const dir = makeTree({});
    const result = await initProject({ cwd: dir, path: 'new/project' });
    expect(result.root.path).toBe(join(dir, 'new/project'));
    expect(result.createdDirectory).toBe(true);
    expect(snapshotTree(dir)['new/project/openspec/changes/archive/.gitkeep']).toBeDefined();
  });

  it('fails on a file target and on a wrongly typed item, creating nothing', async () => {
    const dir = makeTree({ 'file.txt': 'x', 'p/openspec/specs': 'not a dir' });
    await expect(initProject({ cwd: dir, path: 'file.txt' })).rejects.toMatchObject({
      code: 'init_target_not_directory',
    });
    const before = snapshotTree(dir);
    await expect(initProject({ cwd: dir, path: 'p' })).rejects.toMatchObject({
      code: 'init_path_conflict',
      message: 'openspec/specs exists but is not a directory.',
    });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps existing content and only adds what is missing', async () => {
    const dir = makeTree({ 'openspec/specs/auth/spec.md': '# auth\n' });
    writeFileSync(join(dir, 'openspec/specs/.gitkeep'), 'kept');
    const result = await initProject({ cwd: dir });
    expect(result.existing).toEqual(['openspec/', 'openspec/specs/', 'openspec/specs/.gitkeep']);
    expect(readFileSync(join(dir, 'openspec/specs/.gitkeep'), 'utf8')).toBe('kept');
  });
});

describe('initProject with assistant integrations', () => {
  const env = (dir: string) => ({ XDG_CONFIG_HOME: join(dir, '.config-home') });

  it('writes the selected tools, records them, and a second run writes nothing', async () => {
    const dir = makeTree({});
    const first = await initProject({ cwd: dir, tools: 'cursor,claude', env: env(dir) });
    const report = first.integrations;
    expect(report).toMatchObject({
      tools: ['claude', 'cursor'],
      profile: 'core',
      delivery: 'both',
      sources: { tools: 'flag', profile: 'default', delivery: 'default' },
      summary: { written: 21, unchanged: 0, skipped: 0, removed: 0 },
      manifest: { path: 'openspec/integrations.yaml', action: 'created' },
    });
    expect(report.invocations).toEqual([
      { tool: 'claude', name: 'Claude Code', workflow: 'propose', invoke: '/sw:propose' },
      { tool: 'cursor', name: 'Cursor', workflow: 'propose', invoke: '/sw-propose' },
    ]);
    expect(readFileSync(join(dir, 'openspec/integrations.yaml'), 'utf8')).toMatch(
      /^tools:\n {2}- claude\n {2}- cursor$/m,
    );
    const before = snapshotTree(dir);
    const again = await initProject({ cwd: dir, env: env(dir) });
    expect(again.integrations.sources.tools).toBe('project');
    expect(again.integrations.summary).toEqual({ written: 0, unchanged: 21, skipped: 0, removed: 0 });
    expect(again.integrations.manifest?.action).toBe('unchanged');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps user text outside the markers of AGENTS.md and CLAUDE.md', async () => {
    const dir = makeTree({ 'AGENTS.md': '# Team rules\r\n\r\nBe kind.\r\n' });
    await initProject({ cwd: dir, tools: 'agents,claude', env: env(dir) });
    const agents = readFileSync(join(dir, 'AGENTS.md'), 'utf8');
    expect(agents.startsWith('# Team rules\r\n\r\nBe kind.\r\n\r\n<!-- SPECWRIGHT:START -->\r\n')).toBe(true);
    expect(agents).toContain('- the `sw-propose` skill: Propose a change');
    expect(readFileSync(join(dir, 'CLAUDE.md'), 'utf8')).toContain('- `/sw:apply`: Implement a change');
    await initProject({ cwd: dir, tools: 'none', env: env(dir) });
    expect(readFileSync(join(dir, 'AGENTS.md'), 'utf8')).toBe('# Team rules\r\n\r\nBe kind.\r\n');
    expect(snapshotTree(dir)['CLAUDE.md']).toBeUndefined();
    expect(snapshotTree(dir)['.agents/skills']).toBeUndefined();
  });

  it('without --tools uses the user config, else the detected tools, else only the skeleton', async () => {
    const dir = makeTree({
      '.cursor/rules/x.mdc': 'x',
      '.config-home/specwright/config.json': '{"tools":["gemini"]}',
    });
    const fromUser = await initProject({ cwd: dir, env: env(dir) });
    expect(fromUser.integrations).toMatchObject({ tools: ['gemini'], sources: { tools: 'user' } });
    const detected = makeTree({ '.cursor/rules/x.mdc': 'x' });
    const fromDisk = await initProject({ cwd: detected, env: env(detected) });
    expect(fromDisk.integrations).toMatchObject({ tools: ['cursor'], sources: { tools: 'detected' } });
    const bare = makeTree({});
    const none = await initProject({ cwd: bare, env: env(bare) });
    expect(none.integrations.tools).toEqual([]);
    expect(none.integrations.notes.at(-1)).toMatch(/^No assistant selected/);
    expect(snapshotTree(bare)['openspec/integrations.yaml']).toBeUndefined();
  });

  it('asks the chooser with the detected tools pre-selected; cancelling writes nothing', async () => {
    const dir = makeTree({ '.claude/settings.json': '{}' });
    const offered: unknown[] = [];
    const result = await initProject({
      cwd: dir,
      env: env(dir),
      chooseTools: async (choice) => {
        offered.push(choice);
        return ['codex'];
      },
    });
    expect(offered).toEqual([{ preselected: ['claude'], detected: ['claude'] }]);
    expect(result.integrations).toMatchObject({ tools: ['codex'], sources: { tools: 'prompt' } });
    const other = makeTree({});
    const before = snapshotTree(other);
    await expect(
      initProject({ cwd: other, env: env(other), chooseTools: async () => 'cancel' }),
    ).rejects.toMatchObject({ code: 'cancelled', exitCode: 130 });
    expect(snapshotTree(other)).toEqual(before);
  });

  it('applies a custom profile and delivery, removing files no longer selected', async () => {
    const dir = makeTree({});
    await initProject({ cwd: dir, tools: 'claude', env: env(dir) });
    const narrowed = await initProject({
      cwd: dir,
      workflows: 'propose,apply',
      delivery: 'skills',
      env: env(dir),
    });
    expect(narrowed.integrations).toMatchObject({
      profile: 'custom',
      workflows: ['propose', 'apply'],
      delivery: 'skills',
      summary: { removed: 8 },
    });
    const tree = snapshotTree(dir);
    expect(Object.keys(tree).filter((p) => p.startsWith('.claude/') && p.endsWith('.md'))).toEqual([
      '.claude/skills/sw-apply/SKILL.md',
      '.claude/skills/sw-propose/SKILL.md',
    ]);
    expect(tree['.claude/skills/sw-sync']).toBeUndefined();
    expect(readFileSync(join(dir, 'openspec/integrations.yaml'), 'utf8')).toContain(
      'profile: custom\nworkflows:\n  - propose\n  - apply\ndelivery: skills\n',
    );
  });

  it('rejects bad flag values as usage errors before writing anything', async () => {
    const dir = makeTree({});
    const cases: [Record<string, string>, string][] = [
      [{ tools: 'bogus' }, 'Unknown tool: bogus.'],
      [{ profile: 'huge' }, '--profile: Invalid profile "huge". Available: core, custom.'],
      [{ workflows: 'propose,fly' }, '--workflows: Unknown workflow(s): fly.'],
      [
        { workflows: 'apply', profile: 'core' },
        '--workflows selects a custom profile; it cannot be combined with --profile core.',
      ],
    ];
    for (const [flags, message] of cases) {
      await expect(initProject({ cwd: dir, env: env(dir), ...flags })).rejects.toMatchObject({
        code: 'invalid_option',
        exitCode: 2,
        message,
      });
    }
    expect(snapshotTree(dir)).toEqual({});
  });

  it('refuses a tool folder that is a symlink leaving the project, writing nothing', async () => {
    const outside = makeTree({});
    const dir = makeTree({});
    symlinkSync(outside, join(dir, '.claude'));
    await expect(initProject({ cwd: dir, tools: 'claude', env: env(dir) })).rejects.toMatchObject({
      code: 'path_outside_root',
    });
    expect(snapshotTree(outside)).toEqual({});
    expect(Object.keys(snapshotTree(dir))).toEqual(['.claude']);
  });
});
