// --no-interactive (off a terminal with stdin left open, and on a pseudo-terminal where it matters),
// trace --yes (long form) and trace -o/--output, through the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, runCliStdinOpen } from '../helpers/cli.ts';
import { f2Files, read, snapshotProjectFiles, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';
import { renamedTracedProject, tracedProject } from '../helpers/traced-fixture.ts';

const { project, track } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const emptyDir = () => track(mkdtempSync(join(tmpdir(), 'specwright-flags-')));

describe('--no-interactive off a terminal, with stdin left open', () => {
  it.each([
    ['show', () => project(f2Files()), ['show', 'auth'], 0],
    ['validate', () => project(f2Files()), ['validate'], 0],
    ['trace', () => tracedProject().root, ['trace'], 0],
  ] as const)('%s answers exactly as without the flag', async (_, make, args, code) => {
    const root = make();
    const before = snapshotProjectFiles(root);
    const plain = runCli(root, [...args]);
    const r = await runCliStdinOpen(root, [...args, '--no-interactive']);
    expect(r).toEqual({ code, stdout: plain.stdout, stderr: plain.stderr });
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(snapshotProjectFiles(root)).toEqual(before);
  });

  it('archive with incomplete tasks refuses at once, naming --yes, and writes nothing', async () => {
    const root = project(f2Files());
    const before = snapshotTree(root);
    const r = await runCliStdinOpen(root, ['archive', 'add-auth', '--no-interactive']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Fix: Complete the tasks, or rerun with: specwright archive add-auth --yes\n');
    expect(snapshotTree(root)).toEqual(before);
    const yes = await runCliStdinOpen(root, ['archive', 'add-auth', '--no-interactive', '--yes']);
    expect(yes.code).toBe(0);
    expect(existsSync(join(root, 'openspec/changes/add-auth'))).toBe(false);
  });

  it('sync applies the change and keeps it open', async () => {
    const root = project(f2Files());
    const r = await runCliStdinOpen(root, ['sync', 'add-auth', '--no-interactive']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Change 'add-auth' synced into the main specs; the change stays open.\n");
    expect(read(root, 'openspec/specs/auth/spec.md')).toContain('### Requirement: Sign Out');
    expect(existsSync(join(root, 'openspec/changes/add-auth/proposal.md'))).toBe(true);
  });

  it('trace --fix shows the diff, writes nothing and exits 1', async () => {
    const root = renamedTracedProject();
    const before = snapshotProjectFiles(root);
    const r = await runCliStdinOpen(root, ['trace', '--fix', '--no-interactive']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('+// @spec auth#Sign In');
    expect(r.stderr).toBe('Nothing written: rerun with --fix -y to rewrite 3 references in 2 files.\n');
    expect(snapshotProjectFiles(root)).toEqual(before);
  });

  it('init creates the skeleton without asking for assistants', async () => {
    const dir = emptyDir();
    const r = await runCliStdinOpen(dir, ['init', '--no-interactive']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No assistant selected');
    expect(Object.keys(snapshotTree(dir)).sort()).toEqual(
      [
        'openspec/',
        'openspec/changes/',
        'openspec/changes/archive/',
        'openspec/changes/archive/.gitkeep',
        'openspec/config.yaml',
        'openspec/specs/',
        'openspec/specs/.gitkeep',
      ].sort(),
    );
  });
});

// On a terminal the flag is what stops the question: each case first checks that, without the flag,
// the command does ask (so the pseudo-terminal is real), then answers Ctrl-C.
const HAS_SCRIPT = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Run the CLI on a pseudo-terminal (util-linux `script`); when `question` shows up, send Ctrl-C. */
function onTerminal(
  cwd: string,
  args: string[],
  question: string,
): Promise<{ code: number; output: string }> {
  const cmd = `stty cols 200 rows 50; exec ${[process.execPath, CLI, ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-qec', cmd, '/dev/null'], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', TERM: 'dumb' },
  });
  let output = '';
  let answered = false;
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
    if (!answered && output.includes(question)) {
      answered = true;
      child.stdin.write('\u0003');
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`specwright ${args.join(' ')} hung on the terminal:\n${output}`));
    }, 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output: output.replace(/\r\n/g, '\n') });
    });
  });
}

describe.skipIf(!HAS_SCRIPT)('--no-interactive on a terminal', () => {
  it('archive: asks without the flag; with it refuses like a pipe would', async () => {
    const root = project(f2Files());
    const before = snapshotTree(root);
    const question = "1 incomplete task in 'add-auth' (1/2 done). Archive anyway?";
    const asked = await onTerminal(root, ['archive', 'add-auth'], question);
    expect(asked.code).toBe(130);
    expect(snapshotTree(root)).toEqual(before);
    const r = await onTerminal(root, ['archive', 'add-auth', '--no-interactive'], question);
    expect(r.code).toBe(1);
    expect(r.output).not.toContain('Archive anyway?');
    expect(r.output).toContain('rerun with: specwright archive add-auth --yes');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('init: asks for assistants without the flag; with it writes the skeleton only', async () => {
    const question = 'Which assistants do you use here?';
    const asked = emptyDir();
    expect((await onTerminal(asked, ['init'], question)).code).toBe(130);
    expect(snapshotTree(asked)).toEqual({});
    const dir = emptyDir();
    const r = await onTerminal(dir, ['init', '--no-interactive'], question);
    expect(r.code).toBe(0);
    expect(r.output).not.toContain(question);
    expect(r.output).toContain('No assistant selected');
    expect(existsSync(join(dir, 'openspec/config.yaml'))).toBe(true);
    expect(existsSync(join(dir, '.claude'))).toBe(false);
  });

  it('trace --fix: asks without the flag; with it prints the diff and writes nothing', async () => {
    const root = renamedTracedProject();
    const before = snapshotProjectFiles(root);
    const question = 'Rewrite these references?';
    expect((await onTerminal(root, ['trace', '--fix'], question)).code).toBe(130);
    expect(snapshotProjectFiles(root)).toEqual(before);
    const r = await onTerminal(root, ['trace', '--fix', '--no-interactive'], question);
    expect(r.code).toBe(1);
    expect(r.output).not.toContain(question);
    expect(r.output).toContain('Nothing written: rerun with --fix -y to rewrite 3 references in 2 files.');
    expect(snapshotProjectFiles(root)).toEqual(before);
  });
});

describe('trace --yes (long form)', () => {
  it('with --fix rewrites the dangling references', () => {
    const root = renamedTracedProject();
    const r = runCli(root, ['trace', '--fix', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Rewrote 3 references in 2 files.\n');
    expect(read(root, 'src/auth.mjs')).toContain('auth#Sign In');
    expect(read(root, 'test/auth.test.mjs')).not.toContain('auth#User Login');
    expect((runCli(root, ['trace', '--json']).json() as Json).dangling).toEqual([]);
  });

  it('without --fix is ignored with a warning', () => {
    const root = renamedTracedProject();
    const before = snapshotProjectFiles(root);
    const r = runCli(root, ['trace', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Warning: ignoring -y/--yes: it applies only together with --fix.\n');
    expect(r.stdout).toBe(runCli(root, ['trace']).stdout);
    expect(snapshotProjectFiles(root)).toEqual(before);
  });
});

describe('trace -o/--output', () => {
  it.each([
    ['-o', ['--format', 'md'], 'report.md'],
    ['--output', ['--format', 'html'], 'report.html'],
    ['-o', [], 'report.txt'],
  ])('%s %j writes the report to the file instead of stdout', (flag, format, file) => {
    const { root } = tracedProject();
    const expected = runCli(root, ['trace', ...format]).stdout;
    const r = runCli(root, ['trace', ...format, flag, file]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: `Wrote ${file}.\n` });
    expect(readFileSync(join(root, file), 'utf8')).toBe(expected);
  });

  it('--json goes to the file; missing folders are created', () => {
    const { root } = tracedProject();
    const r = runCli(root, ['trace', '--json', '--output', 'out/trace.json']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'Wrote out/trace.json.\n' });
    const doc = JSON.parse(read(root, 'out/trace.json')) as Json;
    expect(doc.coverage.overall).toEqual({ covered: 4, total: 5, percent: 80 });
    expect(doc.root).toEqual({ path: root });
  });

  it('keeps colour out of the file and the exit code of the gate', () => {
    const { root } = tracedProject();
    const r = runCli(root, ['trace', '--min-coverage', '90', '-o', 'gate.txt'], {
      NO_COLOR: '',
      FORCE_COLOR: '1',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const text = read(root, 'gate.txt');
    expect(text).toContain('below the minimum of 90%');
    expect(text).not.toContain('\u001b[');
  });

  it('is relative to the current directory, and refuses a path outside it', () => {
    const { root } = tracedProject();
    const sub = join(root, 'src');
    expect(runCli(sub, ['trace', '-o', 'here.md', '--format', 'md']).code).toBe(0);
    expect(read(root, 'src/here.md')).toMatch(/^## Spec coverage: 80\.0%/);
    const before = snapshotProjectFiles(root);
    const r = runCli(sub, ['trace', '-o', '../up.md', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).status[0]).toMatchObject({
      code: 'path_outside_root',
      message: 'Path is outside the allowed directory: ../up.md',
    });
    expect(snapshotProjectFiles(root)).toEqual(before);
  });
});
