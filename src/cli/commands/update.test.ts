import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../../test/helpers/fake-context.ts';
import { makeTree } from '../../../test/helpers/temp-tree.ts';
import { canPrompt, run as init, terminal } from './init.ts';
import { run as update } from './update.ts';

const ctxFor = (dir: string) => fakeContext(dir, { env: { XDG_CONFIG_HOME: join(dir, '.cfg') } });

describe('init and update commands', () => {
  it('init prints how to start in each tool; update reports an edited file it skipped', async () => {
    const dir = makeTree({});
    const first = await init(ctxFor(dir), [], { tools: 'claude,cursor' });
    expect(first.stdout).toContain('Start with:\n  Claude Code  /sw:propose\n  Cursor       /sw-propose\n');
    expect(first.stdout).toContain('21 written, 0 unchanged, 0 skipped, 0 removed\n');
    expect(first.stderr).toContain('Note: Restart Cursor to load the new commands and skills.\n');
    writeFileSync(join(dir, '.claude/commands/sw/apply.md'), 'mine\n');
    const second = await update(ctxFor(dir), [], {});
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain(
      '  skipped  .claude/commands/sw/apply.md (not written by Specwright; --force replaces it)\n',
    );
    expect(second.stdout).toContain('0 written, 20 unchanged, 1 skipped, 0 removed\n');
  });

  it('pins the JSON shapes of init and update', async () => {
    const dir = makeTree({});
    const doc = JSON.parse((await init(ctxFor(dir), [], { tools: 'codex', json: true })).stdout);
    expect(Object.keys(doc)).toEqual(['root', 'created', 'existing', 'integrations']);
    expect(Object.keys(doc.integrations)).toEqual([
      'tools',
      'profile',
      'workflows',
      'delivery',
      'sources',
      'files',
      'summary',
      'invocations',
      'notes',
      'manifest',
    ]);
    expect(doc.integrations.files[0]).toEqual({
      path: '.agents/skills/sw-apply/SKILL.md',
      kind: 'skill',
      tools: ['codex'],
      workflow: 'apply',
      action: 'created',
    });
    const up = JSON.parse((await update(ctxFor(dir), [], { json: true })).stdout);
    expect(Object.keys(up)).toEqual(['root', 'integrations']);
    expect(up.integrations.summary).toEqual({ written: 0, unchanged: 5, skipped: 0, removed: 0 });
  });

  it('prompts only on a terminal without --tools, --json or --no-interactive', async () => {
    const tty = { stdinIsTTY: true, stdoutIsTTY: true };
    expect(canPrompt(tty, {})).toBe(true);
    expect(canPrompt(tty, { tools: 'claude' })).toBe(false);
    expect(canPrompt(tty, { json: true })).toBe(false);
    expect(canPrompt(tty, { interactive: false })).toBe(false);
    expect(canPrompt({ stdinIsTTY: false, stdoutIsTTY: true }, {})).toBe(false);
    const dir = makeTree({ '.cursor/x': '' });
    const original = terminal.pickMany;
    terminal.pickMany = async (_m, options, initial) => {
      expect(options.find((o) => o.value === 'cursor')).toMatchObject({ hint: 'found in this project' });
      expect(initial).toEqual(['cursor']);
      return ['trae'];
    };
    try {
      const r = await init({ ...ctxFor(dir), stdinIsTTY: true, stdoutIsTTY: true }, [], {});
      expect(r.stdout).toContain('Assistants: trae');
    } finally {
      terminal.pickMany = original;
    }
  });
});
