import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../../test/helpers/fake-context.ts';
import { makeTree } from '../../../test/helpers/temp-tree.ts';
import { run } from './init.ts';

describe('init command', () => {
  it('lists created items, then existing ones on a second run', async () => {
    const dir = makeTree({});
    const first = await run(fakeContext(dir), [], {});
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain(`Initialized OpenSpec layout in ${dir}\n  created  openspec/\n`);
    expect(first.stderr).toContain(
      'Note: No assistant selected: add skills and commands with specwright init --tools',
    );
    expect(first.stderr).toMatch(/Next: specwright new change <name>\n$/);
    const second = await run(fakeContext(dir), [], {});
    expect(second.stdout).toContain(`Already initialized: ${dir}\n  exists   openspec/\n`);
    expect(second.stderr).not.toContain('Next:');
  });

  it('prints one JSON document and notes a created directory on stderr', async () => {
    const dir = makeTree({});
    const r = await run(fakeContext(dir), ['sub'], { json: true });
    expect(JSON.parse(r.stdout)).toMatchObject({ root: { path: `${dir}/sub` }, existing: [] });
    expect(JSON.parse(r.stdout).created).toHaveLength(7);
    expect(r.stderr).toBe(`Created directory ${dir}/sub\n`);
  });
});
