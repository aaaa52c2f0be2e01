// The journey of issue 4: init writes skills for Claude Code, Cursor and Codex, then every command those
// skills tell the assistant to run is run, in the order the texts give, on the same repository.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk JSON documents printed by the CLI
type Json = Record<string, any>;

const CHANGE = 'add-dark-mode';
const CAPABILITY = 'ui-theme';

/** What the assistant writes for each artifact of the built-in schema. */
const ARTIFACTS: Record<string, string> = {
  proposal: `# Add dark mode

## Why
Users working at night find the bright interface tiring. A dark theme is the most requested setting.

## What Changes
- A theme switch offers light and dark.

## Capabilities

### New Capabilities
- \`${CAPABILITY}\`: choosing the colour theme of the interface

## Impact
The settings page and the stylesheet.
`,
  specs: `## Purpose
Lets each user choose the colour theme of the interface and keeps the choice across sessions.

## ADDED Requirements

### Requirement: Theme Switch
The settings page SHALL offer a light and a dark theme, and the interface MUST use the chosen one.

#### Scenario: Choose dark
- **WHEN** a user selects the dark theme
- **THEN** every page is shown with the dark palette
`,
  design: `## Context
The stylesheet uses fixed colours.

## Decisions
CSS custom properties hold the palette; the chosen theme is a class on the root element.
`,
  tasks: `## 1. Theme

- [ ] 1.1 Move the colours into CSS custom properties
- [ ] 1.2 Add the theme switch to the settings page
`,
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The \`specwright …\` commands a generated text tells the assistant to run, placeholders kept. */
function commandsIn(text: string): string[] {
  return [...text.matchAll(/`(specwright [^`]+)`/g)].map((m) => m[1] as string);
}

describe('integrations end to end', () => {
  it('init --tools claude,cursor,codex, then the commands the skills name succeed on that repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'specwright-e2e-'));
    dirs.push(root);
    const init = runCli(root, ['init', '--tools', 'claude,cursor,codex', '--json']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toBe('');
    const report = init.json().integrations as Json;
    expect(report.invocations.map((i: Json) => i.invoke)).toEqual([
      '/sw:propose',
      '/sw-propose',
      '$sw-propose',
    ]);
    for (const p of [
      '.claude/skills/sw-propose/SKILL.md',
      '.cursor/commands/sw-propose.md',
      '.agents/skills/sw-apply/SKILL.md',
    ]) {
      expect(readFileSync(join(root, p), 'utf8')).toContain('--change <change> --json`');
    }

    const skills = ['propose', 'explore', 'apply', 'sync', 'archive'].map((w) =>
      readFileSync(join(root, `.claude/skills/sw-${w}/SKILL.md`), 'utf8'),
    );
    const named = new Set(skills.flatMap(commandsIn));
    const ran = new Set<string>();
    const values: Record<string, string> = { change: CHANGE, capability: CAPABILITY };
    /** Run a command template the skills name (it must be one of them), filling its placeholders. */
    const run = (template: string, extra: Record<string, string> = {}): Json => {
      expect(named, `the skills name \`${template}\``).toContain(template);
      ran.add(template);
      const args = template
        .split(' ')
        .slice(1)
        .map((a) => a.replace(/^<([a-z]+)>$/, (_w, k: string) => extra[k] ?? values[k] ?? `<${k}>`));
      const r = runCli(root, args);
      expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
      return template.endsWith('--json') ? (r.json() as Json) : {};
    };

    // propose (init is what the skills suggest when there is no project yet; here it changes nothing)
    run('specwright init');
    run('specwright list --json');
    run('specwright new change <change> --json');
    for (let guard = 0; guard < 10; guard++) {
      const status = run('specwright status --change <change> --json');
      if (status.next === null) break;
      const i = run('specwright instructions <artifact> --change <change> --json', { artifact: status.next });
      const target = i.output.isGlob
        ? join(root, dirname(i.output.path).replace('/**', ''), CAPABILITY, 'spec.md')
        : i.output.absolutePath;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, ARTIFACTS[i.artifact] as string);
    }
    expect(run('specwright validate <change> --strict --json').items[0]).toMatchObject({ valid: true });

    // apply: tick each ready task at the file and line the CLI gives
    let apply = run('specwright instructions apply --change <change> --json');
    while (apply.state === 'ready') {
      const task = apply.ready[0] as Json;
      const file = join(root, task.file);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[task.line - 1] = (lines[task.line - 1] as string).replace('- [ ]', '- [x]');
      writeFileSync(file, lines.join('\n'));
      apply = run('specwright instructions apply --change <change> --json');
    }
    expect(apply.state).toBe('all_done');

    // explore, on the open change
    expect(run('specwright show <change> --type change --json').deltaCount).toBe(1);
    const note = run('specwright scratchpad <change> <kind> --json', { kind: 'code-explorer' });
    expect(note.path).toBe(`openspec/changes/${CHANGE}/research/code-explorer.md`);

    // sync, then archive
    expect(run('specwright sync <change> --json').sync.specs[0]).toMatchObject({
      capability: CAPABILITY,
      action: 'create',
    });
    expect(run('specwright status --change <change> --json').readyToArchive).toBe(true);
    expect(run('specwright archive <change> --json').archive.change).toBe(CHANGE);

    // explore, on the result
    expect(run('specwright list --specs --json').specs).toEqual([{ id: CAPABILITY, requirementCount: 1 }]);
    expect(run('specwright show <capability> --type spec --json').requirements[0].name).toBe('Theme Switch');

    expect([...named].filter((c) => !ran.has(c))).toEqual([]);
  });

  it('init twice is a no-op, and update skips a file edited since and says so', () => {
    const root = mkdtempSync(join(tmpdir(), 'specwright-e2e-'));
    dirs.push(root);
    expect(runCli(root, ['init', '--tools', 'gemini,agents']).code).toBe(0);
    const again = runCli(root, ['init', '--json']);
    expect((again.json() as Json).integrations.summary).toEqual({
      written: 0,
      unchanged: 16,
      skipped: 0,
      removed: 0,
    });
    const toml = join(root, '.gemini/commands/sw/apply.toml');
    writeFileSync(toml, readFileSync(toml, 'utf8').replace('task by task', 'my way'));
    const update = runCli(root, ['update']);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain(
      '  skipped  .gemini/commands/sw/apply.toml (edited since it was generated; --force replaces it)\n',
    );
    expect(update.stdout).toContain('0 written, 15 unchanged, 1 skipped, 0 removed\n');
    expect(readFileSync(toml, 'utf8')).toContain('my way');
    expect((runCli(root, ['update', '--force', '--json']).json() as Json).integrations.summary.written).toBe(
      1,
    );
  });

  it('off a terminal init never prompts and a bad --tools value is a usage error', () => {
    const root = mkdtempSync(join(tmpdir(), 'specwright-e2e-'));
    dirs.push(root);
    const bad = runCli(root, ['init', '--tools', 'vim', '--json']);
    expect(bad.code).toBe(2);
    expect((bad.json() as Json).status[0]).toMatchObject({
      code: 'invalid_option',
      message: 'Unknown tool: vim.',
    });
    const plain = runCli(root, ['init']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('No assistant selected');
  });
});
