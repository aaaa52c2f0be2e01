import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { AUTH_SPEC, f2Files, snapshotProjectFiles, tempProjects } from '../helpers/tmp-project.ts';
import { renamedTracedProject } from '../helpers/traced-fixture.ts';

const { project, track } = tempProjects();

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
type Json = Record<string, any>;

describe('show: flags for the other item kind are ignored with a warning', () => {
  it.each([
    [['-r', '1'], '-r/--requirement: it applies'],
    [['--requirements'], '--requirements: it applies'],
    [['--no-scenarios'], '--no-scenarios: it applies'],
    [['--requirements', '--no-scenarios'], '--requirements, --no-scenarios: they apply'],
  ])('show <change> %j', (flags, named) => {
    const root = project(f2Files());
    const plain = runCli(root, ['show', 'add-auth', '--json']);
    const r = runCli(root, ['show', 'add-auth', ...flags, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Warning: ignoring ${named} only to specs, and 'add-auth' is a change.\n`);
    expect(r.json()).toEqual(plain.json());
  });

  it('show <spec> --deltas-only', () => {
    const root = project(f2Files());
    const r = runCli(root, ['show', 'auth', '--deltas-only', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "Warning: ignoring --deltas-only: it applies only to changes, and 'auth' is a spec.\n",
    );
    expect(r.json()).toEqual(runCli(root, ['show', 'auth', '--json']).json());
    const text = runCli(root, ['show', 'auth', '--deltas-only']);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('ignoring --deltas-only');
    expect(text.stdout).not.toContain('Warning');
  });

  it('stays silent for flags of the kind shown', () => {
    const root = project(f2Files());
    expect(runCli(root, ['show', 'auth', '-r', '1', '--no-scenarios', '--json']).stderr).toBe('');
    expect(runCli(root, ['show', 'add-auth', '--deltas-only', '--json']).stderr).toBe('');
  });
});

describe('validate: an item with a scope flag is a usage error', () => {
  it.each(['--all', '--archived', '--changes', '--specs'])('validate auth %s', (flag) => {
    const root = project(f2Files());
    const r = runCli(root, ['validate', 'auth', flag]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(
      `error: option '${flag}' cannot be used with the item argument ('auth'); give one or the other`,
    );
    const j = runCli(root, ['validate', 'auth', flag, '--json']);
    expect(j.code).toBe(2);
    expect((j.json() as Json).status[0]).toMatchObject({ severity: 'error', code: 'usage_error' });
    expect((j.json() as Json).status[0].message).toContain(`'${flag}'`);
  });
});

describe('validate --type without an item is ignored with a warning', () => {
  it.each([[['--type', 'spec']], [['--type', 'change', '--all']], [['--specs', '--type', 'change']]])(
    'validate %j',
    (flags) => {
      const root = project(f2Files());
      const scope = flags.filter((f) => f.startsWith('--') && f !== '--type');
      const plain = runCli(root, ['validate', ...scope, '--json']);
      const r = runCli(root, ['validate', ...flags, '--json']);
      expect(r.code).toBe(plain.code);
      expect(r.stderr).toBe('Warning: ignoring --type: it applies only with an item.\n');
      expect(r.json()).toEqual(plain.json());
    },
  );

  it('stays silent with an item', () => {
    const root = project(f2Files());
    const r = runCli(root, ['validate', 'auth', '--type', 'spec', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('show <spec> --requirements -r <n> is a usage error', () => {
  it.each([[['--requirements', '-r', '1']], [['-r', '2', '--requirements']]])('show auth %j', (flags) => {
    const root = project(f2Files());
    const r = runCli(root, ['show', 'auth', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(
      /^error: option '(--requirements|-r, --requirement <n>)' cannot be used with option '(--requirements|-r, --requirement <n>)'$/,
    );
    const j = runCli(root, ['show', 'auth', ...flags, '--json']);
    expect(j.code).toBe(2);
    expect((j.json() as Json).status[0]).toMatchObject({ severity: 'error', code: 'usage_error' });
  });
});

describe('trace: -y needs --fix; --fix refuses options whose output it would drop', () => {
  it('trace -y without --fix warns, reports as usual and rewrites nothing', () => {
    const root = renamedTracedProject();
    const before = snapshotProjectFiles(root);
    const plain = runCli(root, ['trace', '--json']);
    const r = runCli(root, ['trace', '-y', '--json']);
    expect(r.code).toBe(plain.code);
    expect(r.stderr).toBe('Warning: ignoring -y/--yes: it applies only together with --fix.\n');
    expect(r.json()).toEqual(plain.json());
    expect(snapshotProjectFiles(root)).toEqual(before);
  });

  it.each([
    [['-o', 'report.txt'], "option '-o, --output <file>'"],
    [['--format', 'html'], "option '--format <format>'"],
    [['--format', 'md'], "option '--format <format>'"],
    [['--min-coverage', '50'], "option '--min-coverage <percent>'"],
  ])('trace --fix -y %j exits 2 and writes nothing', (flags, named) => {
    const root = renamedTracedProject();
    const before = snapshotProjectFiles(root);
    const r = runCli(root, ['trace', '--fix', '-y', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: option '--fix' cannot be used with ${named}`);
    const j = runCli(root, ['trace', '--fix', '-y', ...flags, '--json']);
    expect(j.code).toBe(2);
    expect((j.json() as Json).status[0].code).toBe('usage_error');
    expect(snapshotProjectFiles(root)).toEqual(before);
  });
});

describe('symlinked item folders are refused by name, not reported unknown', () => {
  function linkedProject(): string {
    const root = project(f2Files());
    const outside = track(mkdtempSync(join(tmpdir(), 'specwright-outside-')));
    writeFileSync(join(outside, 'spec.md'), AUTH_SPEC);
    symlinkSync(outside, join(root, 'openspec/specs/leak'));
    symlinkSync(outside, join(root, 'openspec/changes/evil'));
    return root;
  }

  it.each([
    [['validate', 'leak'], "Spec 'leak'", 'spec_symlink'],
    [['show', 'leak'], "Spec 'leak'", 'spec_symlink'],
    [['show', 'leak', '--type', 'spec'], "Spec 'leak'", 'spec_symlink'],
    [['validate', 'evil'], "Change 'evil'", 'change_symlink'],
    [['show', 'evil'], "Change 'evil'", 'change_symlink'],
  ])('%j', (argv, what, code) => {
    const root = linkedProject();
    const r = runCli(root, argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: ${what} is a symbolic link; refusing to act on it.\n`);
    const j = runCli(root, [...argv, '--json']);
    expect(j.code).toBe(1);
    expect((j.json() as Json).status[0].code).toBe(code);
  });
});

describe('new change --schema with path parts', () => {
  it('is refused as an invalid name before any lookup, and nothing is created', () => {
    const root = project(f2Files());
    const before = snapshotProjectFiles(root);
    const r = runCli(root, ['new', 'change', 'zz', '--schema', '../x']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe("Error: '../x' is not a valid schema name.");
    expect(r.stderr).not.toContain('openspec/schemas/');
    const j = runCli(root, ['new', 'change', 'zz', '--schema', 'a/b', '--json']);
    expect(j.code).toBe(1);
    expect((j.json() as Json).status[0].code).toBe('invalid_schema_name');
    expect(snapshotProjectFiles(root)).toEqual(before);
  });
});
