// Bad input through the built CLI: names that try to leave the project, broken metadata, undecodable
// and empty files, a huge spec. Every refusal is one located line, no stack trace, and no byte written.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../helpers/cli.ts';
import { f2Files, snapshotTree, tempProjects } from '../helpers/tmp-project.ts';

const { project, track } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

const CHANGE = 'openspec/changes/add-auth';

/** A complete, archivable copy of the reference change, as files relative to a change folder. */
function changeFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rel, text] of Object.entries(f2Files())) {
    if (rel.startsWith(`${CHANGE}/`)) out[rel.slice(CHANGE.length + 1)] = text;
  }
  out['tasks.md'] = '## 1. Implementation\n- [x] 1.1 Add OTP table\n- [x] 1.2 Add OTP UI\n';
  return out;
}

/** A folder outside the project that holds a valid change, so following a path there would act on it. */
function outsideChange(): string {
  const dir = track(mkdtempSync(join(tmpdir(), 'specwright-outside-')));
  for (const [rel, text] of Object.entries(changeFiles())) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** A failure in text mode: nothing on stdout, one `Error:` line (plus at most a `Fix:` line), no stack. */
function expectOneLineError(r: CliRun, message: RegExp): void {
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^Error: /);
  expect(lines[0]).toMatch(message);
  expect(lines.slice(1).every((l) => l.startsWith('Fix: '))).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('Internal error');
}

/** Each command that takes a change (or item) name, with that name put where the command expects it. */
const COMMANDS: [string, (name: string) => string[]][] = [
  ['archive', (n) => ['archive', n, '--yes']],
  ['sync', (n) => ['sync', n]],
  ['plan', (n) => ['plan', n]],
  ['scratchpad', (n) => ['scratchpad', n, 'qa']],
  ['verify', (n) => ['verify', n]],
  ['trace', (n) => ['trace', n]],
  ['status', (n) => ['status', '--change', n]],
  ['instructions', (n) => ['instructions', 'proposal', '--change', n]],
  ['validate', (n) => ['validate', n]],
  ['show', (n) => ['show', n]],
];

describe('names that lead outside the project', () => {
  it.each(COMMANDS)('%s refuses ../x, /etc, an absolute path and a symlinked change folder', (_, argv) => {
    const outside = outsideChange();
    const files = f2Files();
    // `../x` from openspec/changes is openspec/x: make it a real change so following it would matter.
    for (const [rel, text] of Object.entries(changeFiles())) files[`openspec/x/${rel}`] = text;
    const root = project(files);
    symlinkSync(outside, join(root, 'openspec/changes/evil'));
    const before = snapshotTree(root);
    const outsideBefore = snapshotTree(outside);
    const cases: [string, string, RegExp][] = [
      ['../x', 'invalid_item', /'\.\.\/x' is not a valid name/],
      ['/etc', 'invalid_item', /'\/etc' is not a valid name/],
      [outside, 'invalid_item', /is not a valid name/],
      ['evil', 'change_symlink', /Change 'evil' is a symbolic link; refusing to act on it\./],
    ];
    for (const [name, code, message] of cases) {
      const text = runCli(root, argv(name));
      expect(text.code, `${argv(name).join(' ')}`).toBe(1);
      expectOneLineError(text, message);
      const json = runCli(root, [...argv(name), '--json']);
      expect(json.code).toBe(1);
      expect((json.json() as Json).status[0]).toMatchObject({ severity: 'error', code });
      expect(json.stderr).toBe('');
    }
    expect(snapshotTree(root)).toEqual(before);
    expect(snapshotTree(outside)).toEqual(outsideBefore);
  });

  it.each([['validate'], ['show']])('%s refuses a spec folder that is a symlink leading outside', (cmd) => {
    const outside = track(mkdtempSync(join(tmpdir(), 'specwright-outside-')));
    writeFileSync(join(outside, 'spec.md'), f2Files()['openspec/specs/auth/spec.md'] as string);
    const root = project(f2Files());
    symlinkSync(outside, join(root, 'openspec/specs/leak'));
    const before = snapshotTree(root);
    const r = runCli(root, [cmd, 'leak', '--type', 'spec']);
    expect(r.code).toBe(1);
    expectOneLineError(r, /Spec 'leak' is a symbolic link; refusing to act on it\./);
    expect(snapshotTree(root)).toEqual(before);
    expect(snapshotTree(outside)).toEqual({ 'spec.md': expect.any(String) });
  });
});

describe('malformed .openspec.yaml', () => {
  const YAML: [string, string, string][] = [
    ['an unclosed flow sequence', 'schema: [unclosed\n', 'deficient indentation'],
    ['a duplicated key', 'schema: spec-driven\nschema: twice\n', 'duplicated mapping key'],
    ['a tab in indentation', ': : :\n\t- bad\n', 'tab characters'],
    ['a bad indentation', 'created: 2026-01-01\n  bad indent: x\n', 'bad indentation'],
  ];
  const MATRIX = YAML.flatMap(([what, text, error]) =>
    (['archive', 'sync'] as const).map((cmd) => [cmd, what, text, error] as const),
  );

  it.each(MATRIX)('%s refuses %s and writes nothing', (cmd, _what, text, error) => {
    const files = f2Files();
    files[`${CHANGE}/.openspec.yaml`] = text;
    const root = project(files);
    const before = snapshotTree(root);
    const args = cmd === 'archive' ? ['archive', 'add-auth', '--yes'] : ['sync', 'add-auth'];
    const r = runCli(root, [...args, '--json']);
    expect(r.code).toBe(1);
    const j = r.json() as Json;
    expect(j.status[0].code).toBe(`${cmd}_validation_failed`);
    expect(j.issues).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        rule: 'change_metadata_invalid',
        file: `${CHANGE}/.openspec.yaml`,
        line: 2,
        message: expect.stringContaining(error),
      }),
    ]);
    expect(j.issues[0].message).not.toContain('\n');
    const textRun = runCli(root, args);
    expect(textRun.code).toBe(1);
    expect(textRun.stderr).toContain('No files were changed.');
    expect(textRun.stderr).not.toMatch(/^\s+at /m);
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('files that cannot be read', () => {
  const BAD_UTF8 = Buffer.from([0x23, 0x20, 0x61, 0x0a, 0xff, 0xfe, 0x0a]);

  it.each([['specs/auth/spec.md'], ['tasks.md']])(
    'invalid UTF-8 in %s fails the change with one line naming the file, and archive refuses',
    (rel) => {
      const root = project(f2Files());
      writeFileSync(join(root, CHANGE, rel), BAD_UTF8);
      const r = runCli(root, ['validate', 'add-auth', '--json']);
      expect(r.code).toBe(1);
      const issues = (r.json() as Json).items[0].issues as Json[];
      expect(issues).toEqual([
        {
          level: 'ERROR',
          rule: 'file_not_utf8',
          message: 'invalid UTF-8 at byte 4.',
          file: `${CHANGE}/${rel}`,
          line: 2,
          fix: 'Save the file as UTF-8.',
        },
      ]);
      expect(r.stderr).toBe('');
      const text = runCli(root, ['validate', 'add-auth']);
      expect(text.stdout).toContain(
        `  ${CHANGE}/${rel}\n    ✗ ERROR line 2  invalid UTF-8 at byte 4. [file_not_utf8]\n`,
      );
      expect(text.stdout.split(`${CHANGE}/${rel}`)).toHaveLength(2);
      const before = snapshotTree(root);
      const archive = runCli(root, ['archive', 'add-auth', '--yes']);
      expect(archive.code).toBe(1);
      expectOneLineError(archive, new RegExp(`^Error: ${CHANGE}/${rel}:2: invalid UTF-8 at byte 4\\.$`));
      expect(snapshotTree(root)).toEqual(before);
    },
  );
});

describe('empty files', () => {
  it('an empty delta spec is delta_no_sections on line 1, and archive refuses', () => {
    const files = f2Files();
    files[`${CHANGE}/specs/auth/spec.md`] = '';
    const root = project(files);
    const r = runCli(root, ['validate', 'add-auth', '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as Json).items[0].issues).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        rule: 'delta_no_sections',
        file: `${CHANGE}/specs/auth/spec.md`,
        line: 1,
      }),
    ]);
    const before = snapshotTree(root);
    const archive = runCli(root, ['archive', 'add-auth', '--yes', '--json']);
    expect(archive.code).toBe(1);
    expect((archive.json() as Json).status[0].code).toBe('archive_validation_failed');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('an empty tasks.md is no tasks at all: no issue, 0/0, and archive needs no --yes', () => {
    const files = f2Files();
    files[`${CHANGE}/tasks.md`] = '';
    const root = project(files);
    const r = runCli(root, ['validate', 'add-auth', '--json']);
    expect(r.code).toBe(0);
    expect((r.json() as Json).items[0]).toMatchObject({ valid: true, issues: [] });
    expect((runCli(root, ['show', 'add-auth', '--json']).json() as Json).tasks).toEqual({
      done: 0,
      total: 0,
    });
    const listed = (runCli(root, ['list', '--json']).json() as Json).changes[0];
    expect(listed).toMatchObject({ name: 'add-auth', completedTasks: 0, totalTasks: 0, status: 'no-tasks' });
    const archive = runCli(root, ['archive', 'add-auth', '--json']);
    expect(archive.code).toBe(0);
    expect((archive.json() as Json).archive.tasks).toEqual({ done: 0, total: 0 });
  });
});

describe('a 50 MB main spec', () => {
  it('is file_too_large in one line, quickly, and the other items are still validated', () => {
    const root = project(f2Files());
    mkdirSync(join(root, 'openspec/specs/huge'));
    writeFileSync(
      join(root, 'openspec/specs/huge/spec.md'),
      `# huge\n\n${'The system SHALL be big.\n'.repeat(2 * 1024 * 1024)}`,
    );
    const started = Date.now();
    const one = runCli(root, ['validate', 'huge', '--json']);
    const elapsed = Date.now() - started;
    expect(one.code).toBe(1);
    const issue = (one.json() as Json).items[0].issues[0];
    expect(issue).toEqual({
      level: 'ERROR',
      rule: 'file_too_large',
      message: 'too large (50.0 MB); files over 10 MB are refused.',
      file: 'openspec/specs/huge/spec.md',
    });
    expect(elapsed).toBeLessThan(5_000);
    const all = runCli(root, ['validate', '--all', '--json']);
    expect(all.code).toBe(1);
    const items = (all.json() as Json).items as Json[];
    expect(items.map((i) => `${i.id}:${i.valid}`)).toEqual(['add-auth:true', 'auth:true', 'huge:false']);
    const text = runCli(root, ['show', 'huge']);
    expect(text.code).toBe(1);
    expectOneLineError(
      text,
      /^Error: openspec\/specs\/huge\/spec\.md: too large \(50\.0 MB\); files over 10 MB are refused\.$/,
    );
    const report = runCli(root, ['validate', 'huge']).stdout;
    expect(report).toContain(
      '  openspec/specs/huge/spec.md\n    ✗ ERROR too large (50.0 MB); files over 10 MB are refused. [file_too_large]\n',
    );
  });
});
