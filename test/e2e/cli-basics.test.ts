// Journeys through the built binary (dist/cli.js, built by `npm test` before vitest runs).
import { spawn } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFileTransaction } from '../../src/io/atomic-write.ts';
import { CLI, runCli, runCliStdinOpen } from '../helpers/cli.ts';
import { makeTree, snapshotTree } from '../helpers/temp-tree.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** Whether text holds an ANSI escape sequence (CSI). */
const hasAnsi = (text: string) => text.includes('\u001b[');

/** A project made by the CLI itself: init plus one change with half its tasks done. */
function project(): string {
  const root = makeTree({});
  expect(runCli(root, ['init']).code).toBe(0);
  expect(runCli(root, ['new', 'change', 'add-auth']).code).toBe(0);
  writeFileSync(join(root, 'openspec/changes/add-auth/tasks.md'), '## 1. Impl\n- [x] 1.1 a\n- [ ] 1.2 b\n');
  return root;
}

/** Exactly one JSON document and nothing else on stdout. */
function onlyJson(stdout: string): Record<string, unknown> {
  expect(stdout.startsWith('{')).toBe(true);
  expect(stdout.endsWith('}\n')).toBe(true);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('global behaviour', () => {
  it.each([['--version'], ['-V']])('%s prints the bare version', (flag) => {
    expect(runCli(makeTree({}), [flag])).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help lists commands and exit codes', () => {
    const r = runCli(makeTree({}), ['--help']);
    expect(r.code).toBe(0);
    for (const text of [
      'init',
      'new',
      'list',
      'show',
      'validate',
      'archive',
      'Exit codes:',
      '2    usage error',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['list', '--frob'], "unknown option '--frob'"],
    [['new', 'change', 'a', '--frob'], "unknown option '--frob'"],
    [['new', 'change', '-add'], "unknown option '-add'"],
  ])('%j is a usage error, exit 2', (args, message) => {
    const r = runCli(makeTree({}), args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('NO_COLOR and --no-color remove every ANSI escape, even when colour is forced', () => {
    const root = project();
    const forced = { FORCE_COLOR: '1', NO_COLOR: '' };
    expect(hasAnsi(runCli(root, ['list'], forced).stdout)).toBe(true);
    expect(hasAnsi(runCli(makeTree({}), ['list'], forced).stderr)).toBe(true);
    for (const [args, env] of [
      [['list'], { FORCE_COLOR: '1', NO_COLOR: '1' }],
      [['list', '--no-color'], forced],
      [['--no-color', 'list'], forced],
    ] as const) {
      expect(hasAnsi(runCli(root, [...args], env).stdout)).toBe(false);
      const failing = runCli(makeTree({}), [...args], env);
      expect(failing.code).toBe(1);
      expect(hasAnsi(failing.stderr)).toBe(false);
    }
  });

  it('never waits on a non-TTY stdin that stays open', async () => {
    const root = project();
    for (const args of [['list'], ['init'], ['new', 'change', 'other'], ['list', '--json'], ['--help']]) {
      const { code } = await runCliStdinOpen(root, args);
      expect(code).toBe(0);
    }
  });
});

describe('output through a pipe', () => {
  it('delivers a large JSON document whole to a reader that starts late', async () => {
    const files: Record<string, string> = {};
    const spec = (i: number) =>
      `# c${i}\n\n## Purpose\nCapability number ${i} of a large tree.\n\n## Requirements\n\n### Requirement: R\nThe system SHALL x.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n`;
    for (let i = 0; i < 900; i++) files[`openspec/specs/capability-${i}/spec.md`] = spec(i);
    const root = makeTree(files);
    const child = spawn(process.execPath, [CLI, 'validate', '--all', '--json'], { cwd: root });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const out = Buffer.concat(chunks).toString('utf8');
    expect(out.length).toBeGreaterThan(128 * 1024);
    expect(code).toBe(0);
    expect(onlyJson(out).items).toHaveLength(900);
  });
});

describe('init', () => {
  it('a second run changes no byte and reports everything as existing', () => {
    const root = makeTree({});
    const first = runCli(root, ['init', '--json']);
    expect(onlyJson(first.stdout).created).toHaveLength(7);
    const before = snapshotTree(root);
    const second = runCli(root, ['init', '--json']);
    expect(onlyJson(second.stdout)).toMatchObject({ root: { path: root }, created: [] });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('fails on a file path', () => {
    const root = makeTree({ 'file.txt': 'x' });
    const r = runCli(root, ['init', 'file.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: ${join(root, 'file.txt')} exists and is not a directory.\n`);
  });
});

describe('new change', () => {
  it('creates the change and its metadata', () => {
    const root = makeTree({ 'openspec/specs': null });
    const r = runCli(root, ['new', 'change', 'add-auth', '--description', 'Login.', '--json']);
    expect(r.code).toBe(0);
    expect(onlyJson(r.stdout)).toEqual({
      change: {
        id: 'add-auth',
        path: 'openspec/changes/add-auth',
        metadataPath: 'openspec/changes/add-auth/.openspec.yaml',
        schema: 'spec-driven',
      },
      root: { path: root },
    });
    const meta = readFileSync(join(root, 'openspec/changes/add-auth/.openspec.yaml'), 'utf8');
    expect(meta).toMatch(
      /^schema: spec-driven\ncreated: \d{4}-\d{2}-\d{2}\ncreated_at: \d{4}-\d{2}-\d{2}T[\d:.]+Z\n$/,
    );
  });

  it.each([
    ['Add-Auth', 'Change name must be lowercase (use kebab-case)'],
    ['add auth', 'Change name cannot contain spaces (use hyphens instead)'],
    ['add_auth', 'Change name cannot contain underscores (use hyphens instead)'],
    ['-add', 'Change name cannot start with a hyphen'],
    ['add-', 'Change name cannot end with a hyphen'],
    ['add--auth', 'Change name cannot contain consecutive hyphens'],
    ['add.auth', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['../x', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['', 'Change name cannot be empty'],
    ['a'.repeat(201), 'Change name is too long (200 characters max)'],
  ])('refuses %j: %s', (name, message) => {
    const root = makeTree({ 'openspec/specs': null });
    const before = snapshotTree(root);
    // `--` so that `-add` reaches the name check instead of being read as an option.
    const r = runCli(root, ['new', 'change', '--', name]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: ${message}\nFix: Use kebab-case, e.g. add-user-auth.\n`);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('reports an existing change as a JSON status envelope on stdout', () => {
    const root = project();
    const r = runCli(root, ['new', 'change', 'add-auth', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(onlyJson(r.stdout)).toEqual({
      change: null,
      root: null,
      status: [
        {
          severity: 'error',
          code: 'change_exists',
          message: "Change 'add-auth' already exists at openspec/changes/add-auth/",
          fix: 'Pick another name, or continue working in the existing change.',
        },
      ],
    });
  });

  it('refuses to write through a symlinked openspec/changes that leads outside the root', () => {
    const outside = makeTree({});
    const root = makeTree({ 'openspec/specs': null });
    symlinkSync(outside, join(root, 'openspec/changes'));
    const r = runCli(root, ['new', 'change', 'escape', '--json']);
    expect(r.code).toBe(1);
    expect((onlyJson(r.stdout).status as { code: string }[])[0]?.code).toBe('path_outside_root');
    expect(snapshotTree(outside)).toEqual({});
  });
});

describe('list', () => {
  it('shows progress in text', () => {
    const r = runCli(project(), ['list']);
    expect(r).toMatchObject({
      code: 0,
      stdout: 'Changes:\n  add-auth     1/2 tasks     just now\n',
      stderr: '',
    });
  });

  it('prints one JSON document with progress and status', () => {
    const root = project();
    const doc = onlyJson(runCli(root, ['list', '--json']).stdout);
    expect(doc).toEqual({
      changes: [
        {
          name: 'add-auth',
          completedTasks: 1,
          totalTasks: 2,
          lastModified: expect.any(String),
          status: 'in-progress',
        },
      ],
      root: { path: root },
    });
    expect(onlyJson(runCli(root, ['list', '--specs', '--json']).stdout)).toEqual({
      specs: [],
      root: { path: root },
    });
  });

  it('puts a missing root in the JSON envelope, exit 1', () => {
    const dir = makeTree({});
    const r = runCli(dir, ['list', '--specs', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(onlyJson(r.stdout)).toEqual({
      specs: [],
      root: null,
      status: [
        {
          severity: 'error',
          code: 'no_openspec_root',
          message: `No openspec/ directory found from ${dir} upward.`,
          fix: 'Run specwright init',
        },
      ],
    });
  });
});

describe('file transaction on a CLI-made project', () => {
  it('a failure injected after the first write leaves the tree byte-identical', async () => {
    const root = project();
    const before = snapshotTree(root);
    const run = applyFileTransaction(
      root,
      [
        { kind: 'write', path: 'openspec/changes/add-auth/tasks.md', content: '- [x] all done\n' },
        { kind: 'write', path: 'openspec/specs/auth/spec.md', content: '# auth\n' },
        {
          kind: 'move',
          from: 'openspec/changes/add-auth',
          to: 'openspec/changes/archive/2026-01-01-add-auth',
        },
      ],
      {
        beforeOp: (_op, index) => {
          if (index === 1) throw new Error('injected failure');
        },
      },
    );
    await expect(run).rejects.toThrow('injected failure');
    expect(snapshotTree(root)).toEqual(before);
  });
});
