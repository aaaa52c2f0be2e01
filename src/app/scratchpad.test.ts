import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { SCRATCHPAD_KINDS } from '../domain/research/scratchpad-kinds.ts';
import { builtinSchemasDir } from '../io/assets.ts';
import { findSchemaLocations, loadSchema } from '../io/schemas.ts';
import { createScratchpad } from './scratchpad.ts';

const SCRATCHPADS = join(dirname(builtinSchemasDir()), 'scratchpads');
const CHANGE_DIR = 'openspec/changes/add-search';

function project() {
  return makeTree({ [`${CHANGE_DIR}/.openspec.yaml`]: 'schema: research-driven\n', 'openspec/specs': null });
}

describe('scratchpad templates', () => {
  it('exist for exactly the built-in kinds, each starting with a heading', () => {
    const files = readdirSync(SCRATCHPADS).sort();
    expect(files).toEqual(SCRATCHPAD_KINDS.map((k) => `${k.kind}.md`).sort());
    for (const f of files) expect(readFileSync(join(SCRATCHPADS, f), 'utf8')).toMatch(/^# \S/);
  });

  it('put the risk register in the decomposition template', () => {
    const text = readFileSync(join(SCRATCHPADS, 'decomposition.md'), 'utf8');
    expect(text).toContain('## Risk register\n');
    expect(text).toContain('- [HIGH] <Risk> → <Mitigation>\n');
  });
});

describe('the built-in research-driven schema', () => {
  it('loads without findings, in research order, applying on tasks.md', async () => {
    const [loc] = findSchemaLocations(undefined, {}, 'research-driven');
    const loaded = await loadSchema(loc as NonNullable<typeof loc>, undefined);
    expect(loaded.issues).toEqual([]);
    expect(loaded.schema?.artifacts.map((a) => [a.id, a.generates, a.requires])).toEqual([
      ['proposal', 'proposal.md', []],
      ['research', 'research/*.md', ['proposal']],
      ['design', 'design.md', ['proposal', 'research']],
      ['specs', 'specs/**/*.md', ['proposal', 'design']],
      ['analysis', 'analysis.md', ['design', 'specs']],
      ['tasks', 'tasks.md', ['specs', 'analysis']],
    ]);
    expect(loaded.schema?.apply).toMatchObject({ requires: ['tasks'], tracks: 'tasks.md' });
  });
});

describe('createScratchpad', () => {
  it('writes research/<kind>.md from the template and refuses to overwrite it without force', async () => {
    const root = project();
    const r = await createScratchpad({ cwd: root, change: 'add-search', kind: 'qa', force: false });
    expect(r).toMatchObject({
      change: 'add-search',
      kind: 'qa',
      path: `${CHANGE_DIR}/research/qa.md`,
      replaced: false,
      description: 'how the change is verified: test levels, cases and checks',
    });
    const template = readFileSync(join(SCRATCHPADS, 'qa.md'), 'utf8');
    expect(readFileSync(join(root, r.path), 'utf8')).toBe(template);
    await expect(
      createScratchpad({ cwd: root, change: 'add-search', kind: 'qa', force: false }),
    ).rejects.toMatchObject({ code: 'scratchpad_exists', exitCode: 1 });
    const again = await createScratchpad({ cwd: root, change: 'add-search', kind: 'qa', force: true });
    expect(again.replaced).toBe(true);
  });

  it('lists the kinds and suggests the closest for an unknown one (usage error)', async () => {
    const root = project();
    const error = await createScratchpad({
      cwd: root,
      change: 'add-search',
      kind: 'decompositon',
      force: false,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unknown_scratchpad_kind',
      exitCode: 2,
      message: `Unknown scratchpad kind 'decompositon'. Kinds: ${SCRATCHPAD_KINDS.map((k) => k.kind).join(', ')}.`,
      fix: 'Did you mean: decomposition?',
    });
  });

  it('fails on an unknown change before looking at the kind', async () => {
    const root = project();
    await expect(
      createScratchpad({ cwd: root, change: 'add-serch', kind: 'nope', force: false }),
    ).rejects.toMatchObject({ code: 'unknown_change', message: expect.stringContaining('add-search') });
  });
});
