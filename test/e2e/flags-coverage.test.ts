// Flags of init, new change, list, show, validate and update that no other e2e test exercised, each
// checked for the output or the files it changes, through the built CLI.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { f2Files, read, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const { project, track } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const CORE = ['propose', 'explore', 'apply', 'sync', 'archive'];

/** An empty directory to run init in, and a user config home (outside it) holding `userConfig` if given. */
function emptyDir(userConfig?: Json): { dir: string; env: Record<string, string> } {
  const base = track(mkdtempSync(join(tmpdir(), 'specwright-flags-')));
  const dir = join(base, 'cwd');
  const xdg = join(base, 'xdg');
  mkdirSync(dir);
  if (userConfig) {
    mkdirSync(join(xdg, 'specwright'), { recursive: true });
    writeFileSync(join(xdg, 'specwright', 'config.json'), JSON.stringify(userConfig));
  }
  return { dir, env: { XDG_CONFIG_HOME: xdg } };
}

/** Every file under `root/.claude`, root-relative, sorted. */
function claudeFiles(root: string): string[] {
  if (!existsSync(join(root, '.claude'))) return [];
  return readdirSync(join(root, '.claude'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

const skills = (...ws: string[]) => ws.map((w) => `.claude/skills/sw-${w}/SKILL.md`);
const commands = (...ws: string[]) => ws.map((w) => `.claude/commands/sw/${w}.md`);

describe('init --delivery', () => {
  it.each([
    ['skills', skills(...CORE)],
    ['commands', commands(...CORE)],
    ['both', [...commands(...CORE), ...skills(...CORE)]],
  ])('--delivery %s writes only those files and records the choice', (delivery, expected) => {
    const { dir, env } = emptyDir();
    const r = runCli(dir, ['init', '--tools', 'claude', '--delivery', delivery, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const integrations = (r.json() as Json).integrations;
    expect(integrations).toMatchObject({ delivery, sources: { delivery: 'flag' } });
    expect(claudeFiles(dir)).toEqual([...expected].sort());
    expect(read(dir, 'openspec/integrations.yaml')).toContain(`delivery: ${delivery}\n`);
  });
});

describe('init --profile and --workflows', () => {
  it('--profile core overrides a custom profile in the user config', () => {
    const { dir, env } = emptyDir({ profile: 'custom', workflows: ['verify'] });
    const plain = runCli(dir, ['init', '--tools', 'claude', '--delivery', 'skills', '--json'], env);
    expect((plain.json() as Json).integrations).toMatchObject({ profile: 'custom', workflows: ['verify'] });
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    const r = runCli(
      dir,
      ['init', '--tools', 'claude', '--delivery', 'skills', '--profile', 'core', '--json'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect((r.json() as Json).integrations).toMatchObject({
      profile: 'core',
      workflows: CORE,
      sources: { profile: 'flag' },
    });
    expect(claudeFiles(dir)).toEqual(skills(...CORE).sort());
    expect(read(dir, 'openspec/integrations.yaml')).toContain('profile: core\n');
    // update follows what the project recorded, not the user config.
    const update = runCli(dir, ['update', '--json'], env);
    expect((update.json() as Json).integrations).toMatchObject({ profile: 'core', summary: { written: 0 } });
  });

  it('--profile custom takes the workflows stored in the user config', () => {
    const { dir, env } = emptyDir({ workflows: ['apply', 'verify'] });
    const r = runCli(
      dir,
      ['init', '--tools', 'claude', '--delivery', 'skills', '--profile', 'custom', '--json'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect((r.json() as Json).integrations).toMatchObject({
      profile: 'custom',
      workflows: ['apply', 'verify'],
    });
    expect(claudeFiles(dir)).toEqual(skills('apply', 'verify'));
  });

  it('--workflows alone selects the custom profile with exactly those workflows', () => {
    const { dir, env } = emptyDir();
    const r = runCli(
      dir,
      ['init', '--tools', 'claude', '--delivery', 'commands', '--workflows', 'verify,apply'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Assistants: claude (profile custom: apply, verify; delivery commands)\n');
    expect(claudeFiles(dir)).toEqual(commands('apply', 'verify'));
    expect(read(dir, 'openspec/integrations.yaml')).toContain(
      'profile: custom\nworkflows:\n  - apply\n  - verify\n',
    );
  });

  it.each([
    [['--profile', 'core', '--workflows', 'apply'], '--workflows selects a custom profile'],
    [['--workflows', 'bogus'], '--workflows: Unknown workflow(s): bogus.'],
    [['--profile', 'weird'], "argument 'weird' is invalid. Allowed choices are core, custom."],
    [['--delivery', 'email'], "argument 'email' is invalid. Allowed choices are skills, commands, both."],
  ])('%j is a usage error and creates nothing', (flags, message) => {
    const { dir, env } = emptyDir();
    const r = runCli(dir, ['init', '--tools', 'claude', ...flags], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(snapshotTree(dir)).toEqual({});
  });
});

describe('init [path]', () => {
  it('creates the missing directory and the project in it, not in the current directory', () => {
    const { dir, env } = emptyDir();
    const r = runCli(dir, ['init', 'sub/proj', '--tools', 'claude', '--delivery', 'skills', '--json'], env);
    expect(r.code).toBe(0);
    const target = join(dir, 'sub', 'proj');
    expect(r.json()).toMatchObject({ root: { path: target }, existing: [] });
    expect(r.stderr).toBe(`Created directory ${target}\n`);
    expect(existsSync(join(target, 'openspec/config.yaml'))).toBe(true);
    expect(existsSync(join(target, 'openspec/changes/archive/.gitkeep'))).toBe(true);
    expect(claudeFiles(target)).toEqual(skills(...CORE).sort());
    expect(readdirSync(dir)).toEqual(['sub']);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['proj']);
    // The new project is usable from its own directory.
    expect(runCli(target, ['list', '--json']).json()).toMatchObject({ changes: [], root: { path: target } });
  });

  it('initializes an existing directory in place, quietly', () => {
    const { dir } = emptyDir();
    mkdirSync(join(dir, 'app'));
    const r = runCli(dir, ['init', 'app']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Initialized OpenSpec layout in ${join(dir, 'app')}\n`);
    expect(r.stderr).not.toContain('Created directory');
    expect(existsSync(join(dir, 'app/openspec/specs/.gitkeep'))).toBe(true);
    expect(existsSync(join(dir, 'openspec'))).toBe(false);
  });
});

describe('new change --description', () => {
  it('writes README.md with the name as title and the description; without it there is none', () => {
    const root = project({});
    const r = runCli(root, [
      'new',
      'change',
      'add-auth',
      '--description',
      'Let users sign in with a password.',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, 'openspec/changes/add-auth/README.md')).toBe(
      '# add-auth\n\nLet users sign in with a password.\n',
    );
    expect(runCli(root, ['new', 'change', 'plain']).code).toBe(0);
    expect(readdirSync(join(root, 'openspec/changes/plain'))).toEqual(['.openspec.yaml']);
  });

  it('writes nothing when the change is refused', () => {
    const root = project(f2Files());
    const before = snapshotTree(root);
    const r = runCli(root, ['new', 'change', 'add-auth', '--description', 'Again.', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('change_exists');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('list', () => {
  /** Changes whose files were all last modified at the given times (seconds since the epoch). */
  function dated(times: Record<string, number>): string {
    const files: Record<string, string> = {
      'openspec/specs/auth/spec.md': f2Files()['openspec/specs/auth/spec.md'] as string,
    };
    for (const name of Object.keys(times)) {
      files[`openspec/changes/${name}/.openspec.yaml`] = 'schema: spec-driven\n';
      files[`openspec/changes/${name}/tasks.md`] = '- [x] 1.1 a\n- [ ] 1.2 b\n';
    }
    const root = project(files);
    for (const [name, t] of Object.entries(times)) {
      for (const f of ['.openspec.yaml', 'tasks.md'])
        utimesSync(join(root, 'openspec/changes', name, f), t, t);
    }
    return root;
  }

  const TIMES = { alpha: 1_700_000_000, mid: 1_600_000_000, zeta: 1_800_000_000 };
  const names = (r: ReturnType<typeof runCli>) => (r.json() as Json).changes.map((c: Json) => c.name);

  it.each([
    [[], ['zeta', 'alpha', 'mid']],
    [
      ['--sort', 'recent'],
      ['zeta', 'alpha', 'mid'],
    ],
    [
      ['--sort', 'name'],
      ['alpha', 'mid', 'zeta'],
    ],
    [
      ['--changes', '--sort', 'name'],
      ['alpha', 'mid', 'zeta'],
    ],
  ])('list %j orders the changes', (flags, expected) => {
    const root = dated(TIMES);
    const r = runCli(root, ['list', ...flags, '--json']);
    expect(r.code).toBe(0);
    expect(names(r)).toEqual(expected);
    const zeta = (r.json() as Json).changes.find((c: Json) => c.name === 'zeta');
    expect(zeta).toEqual({
      name: 'zeta',
      completedTasks: 1,
      totalTasks: 2,
      lastModified: new Date(TIMES.zeta * 1000).toISOString(),
      status: 'in-progress',
    });
    const text = runCli(root, ['list', ...flags]).stdout;
    const rows = text
      .split('\n')
      .slice(1, 4)
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(rows).toEqual(expected);
  });

  it('--changes lists changes, not specs', () => {
    const root = dated({ alpha: TIMES.alpha });
    const r = runCli(root, ['list', '--changes', '--json']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.json())).toEqual(['changes', 'root']);
    expect(names(r)).toEqual(['alpha']);
    expect(runCli(root, ['list', '--changes']).stdout).toMatch(/^Changes:\n {2}alpha +1\/2 tasks/);
  });

  it('--specs with --changes is a usage error, exit 2', () => {
    const root = dated({ alpha: TIMES.alpha });
    const text = runCli(root, ['list', '--specs', '--changes']);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain("option '--specs' cannot be used with option '--changes'");
    const json = runCli(root, ['list', '--changes', '--specs', '--json']);
    expect(json.code).toBe(2);
    expect((json.json() as Json).status[0]).toMatchObject({ severity: 'error', code: 'usage_error' });
  });
});

describe('show --requirement (long form)', () => {
  it('keeps only requirement n, in JSON and text, like -r', () => {
    const root = project(f2Files());
    const long = runCli(root, ['show', 'auth', '--requirement', '2', '--json']);
    expect(long.code).toBe(0);
    const j = long.json() as Json;
    expect(j.requirementCount).toBe(1);
    expect(j.requirements[0]).toMatchObject({ name: 'Logout', line: 18 });
    expect(j.requirements[0].scenarios.map((s: Json) => s.name)).toEqual(['Logout clears session']);
    expect(long.json()).toEqual(runCli(root, ['show', 'auth', '-r', '2', '--json']).json());
    const text = runCli(root, ['show', 'auth', '--requirement', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('User Login');
    expect(text.stdout).not.toContain('Logout clears session');
    expect(text.stdout).not.toContain('log out');
  });

  it.each(['0', '1.5', 'two'])('--requirement %s is a usage error', (n) => {
    const r = runCli(project(f2Files()), ['show', 'auth', '--requirement', n, '--json']);
    expect(r.code).toBe(2);
    expect((r.json() as Json).status[0]).toMatchObject({
      code: 'invalid_option',
      message: `-r/--requirement takes a whole number of 1 or more, not '${n}'.`,
    });
  });
});

describe('validate --concurrency', () => {
  it.each(['1', '4', '64'])('--concurrency %s gives the same report and exit code as without', (n) => {
    const files = f2Files();
    files['openspec/specs/broken/spec.md'] =
      '# broken\n\n## Purpose\nA purpose that is certainly long enough for the check.\n\n## Requirements\n### Requirement: A\nThe system SHALL a.\n';
    const root = project(files);
    const plain = runCli(root, ['validate', '--all', '--json']);
    const r = runCli(root, ['validate', '--all', '--concurrency', n, '--json']);
    expect(r.code).toBe(1);
    expect(r.code).toBe(plain.code);
    expect(r.stderr).toBe('');
    expect(r.json()).toEqual(plain.json());
    expect((r.json() as Json).summary.totals).toEqual({ items: 3, passed: 2, failed: 1 });
    expect(runCli(root, ['validate', 'add-auth', '--concurrency', n]).code).toBe(0);
  });
});

describe('update [path]', () => {
  it('regenerates the project at the path, from outside it, and leaves the current directory alone', () => {
    const { dir, env } = emptyDir();
    expect(runCli(dir, ['init', 'proj', '--tools', 'claude', '--delivery', 'skills'], env).code).toBe(0);
    const proj = join(dir, 'proj');
    rmSync(join(proj, '.claude/skills/sw-apply/SKILL.md'));
    const r = runCli(dir, ['update', 'proj', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json() as Json;
    expect(doc.root).toEqual({ path: proj });
    expect(doc.integrations.summary).toEqual({ written: 1, unchanged: 5, skipped: 0, removed: 0 });
    expect(doc.integrations.files.filter((f: Json) => f.action !== 'unchanged')).toEqual([
      expect.objectContaining({ path: '.claude/skills/sw-apply/SKILL.md', action: 'created' }),
    ]);
    expect(existsSync(join(proj, '.claude/skills/sw-apply/SKILL.md'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['proj']);
    const text = runCli(dir, ['update', 'proj'], env);
    expect(text.stdout).toContain('0 written, 6 unchanged, 0 skipped, 0 removed\n');
  });

  it('fails with no_openspec_root for a path that is no project', () => {
    const { dir, env } = emptyDir();
    mkdirSync(join(dir, 'other'));
    const r = runCli(dir, ['update', 'other', '--json'], env);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0].code).toBe('no_openspec_root');
    expect(snapshotTree(dir)).toEqual({ 'other/': 'dir' });
  });
});
