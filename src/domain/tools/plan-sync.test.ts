import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, upsertBlock } from './managed-block.ts';
import type { DesiredFile } from './plan-files.ts';
import { planSync } from './plan-sync.ts';
import { withStamp } from './stamp.ts';

const file = (path: string, body: string, kind: DesiredFile['kind'] = 'command'): DesiredFile => ({
  path,
  kind,
  tools: ['cursor'],
  workflow: kind === 'block' ? null : 'apply',
  content: withStamp(body, 'html', '2.0.0'),
});

describe('planSync', () => {
  const wanted = file('.cursor/commands/sw-apply.md', 'new text\n');

  it('creates, keeps, updates pristine files, skips edited or foreign ones unless forced', () => {
    const disk: Record<string, string> = {};
    const read = (p: string) => disk[p];
    expect(planSync([wanted], read, false)).toMatchObject([{ action: 'created', write: wanted.content }]);
    disk[wanted.path] = withStamp('new text\n', 'html', '1.0.0');
    expect(planSync([wanted], read, false)).toMatchObject([{ action: 'unchanged' }]);
    disk[wanted.path] = withStamp('old text\n', 'html', '1.0.0');
    expect(planSync([wanted], read, false)).toMatchObject([{ action: 'updated' }]);
    disk[wanted.path] = `${withStamp('old text\n', 'html', '1.0.0')}mine\n`;
    expect(planSync([wanted], read, false)).toMatchObject([{ action: 'skipped', reason: 'edited' }]);
    expect(planSync([wanted], read, true)).toMatchObject([{ action: 'updated' }]);
    disk[wanted.path] = 'a file of my own\n';
    expect(planSync([wanted], read, false)).toMatchObject([{ action: 'skipped', reason: 'not_generated' }]);
  });

  it('removes stamped, unedited files of deselected workflows and ignores foreign files there', () => {
    const disk: Record<string, string> = {
      '.cursor/commands/sw-sync.md': withStamp('sync\n', 'html', '1.0.0'),
      '.cursor/commands/sw-explore.md': `${withStamp('explore\n', 'html', '1.0.0')}edit\n`,
      '.cursor/commands/sw-new.md': 'not ours\n',
    };
    const decisions = planSync([], (p) => disk[p], false);
    expect(decisions.map((d) => [d.path, d.action, d.reason, d.write])).toEqual([
      ['.cursor/commands/sw-explore.md', 'skipped', 'edited', undefined],
      ['.cursor/commands/sw-sync.md', 'removed', undefined, null],
    ]);
  });

  it('manages only the block of an instructions file', () => {
    const block = file('AGENTS.md', '## Specwright\n', 'block');
    const disk: Record<string, string> = { 'AGENTS.md': '# Mine\n' };
    const [created] = planSync([block], (p) => disk[p], false);
    expect(created).toMatchObject({ action: 'created', write: upsertBlock('# Mine\n', block.content) });
    disk['AGENTS.md'] = created?.write as string;
    expect(planSync([block], (p) => disk[p], false)).toMatchObject([{ action: 'unchanged' }]);
    disk['AGENTS.md'] = `# Mine\n${BLOCK_START}\nhand edit\n${BLOCK_END}\n`;
    expect(planSync([block], (p) => disk[p], false)).toMatchObject([{ action: 'skipped', reason: 'edited' }]);
    disk['AGENTS.md'] = `# Mine\n${BLOCK_START}\n`;
    expect(planSync([block], (p) => disk[p], true)).toMatchObject([
      { action: 'skipped', reason: 'markers_broken' },
    ]);
    disk['AGENTS.md'] = upsertBlock('# Mine\n', block.content);
    expect(planSync([], (p) => disk[p], false)).toMatchObject([
      { path: 'AGENTS.md', action: 'removed', write: '# Mine\n' },
    ]);
  });
});
