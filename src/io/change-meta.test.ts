import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { readChangeMetadata, renderChangeMetadata, writeChangeMetadata } from './change-meta.ts';
import { parseYaml, parseYamlData } from './yaml.ts';

const META = 'openspec/changes/c/.openspec.yaml';

describe('parseYaml', () => {
  it('locates syntax errors and duplicate keys on one line', async () => {
    expect(await parseYaml('a: 1\nb: [\n', 'f.yaml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^f\.yaml:\d: /),
    });
    const dup = await parseYaml('a: 1\na: 2\n', 'f.yaml');
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatch(/^f\.yaml:2: .*unique/i);
  });
});

describe('change metadata', () => {
  it('reads valid metadata and keeps unknown keys', async () => {
    const root = makeTree({ [META]: 'schema: spec-driven\ncreated: 2026-01-02\ngoal: faster\n' });
    expect(await readChangeMetadata(root, 'c')).toEqual({
      status: 'ok',
      metadata: { schema: 'spec-driven', created: '2026-01-02', goal: 'faster' },
    });
  });

  it('returns missing and located invalid states', async () => {
    const root = makeTree({
      'openspec/changes/bad/.openspec.yaml': 'schema: spec-driven\nskip_specs: "yes"\n',
      'openspec/changes/none/.openspec.yaml': 'created: 2026-01-01\n',
    });
    expect(await readChangeMetadata(root, 'c')).toEqual({ status: 'missing' });
    const bad = await readChangeMetadata(root, 'bad');
    expect(bad).toMatchObject({
      status: 'invalid',
      error: expect.stringMatching(/^openspec\/changes\/bad\/\.openspec\.yaml:2: 'skip_specs' /),
    });
    expect(await readChangeMetadata(root, 'none')).toMatchObject({
      status: 'invalid',
      error: expect.stringContaining(':1: '),
    });
  });

  it('renders known keys first in a fixed order', async () => {
    const text = await renderChangeMetadata({
      extra: 1,
      created_at: '2026-01-02T03:04:05.000Z',
      created: '2026-01-02',
      schema: 'spec-driven',
    });
    expect(text).toBe(
      'schema: spec-driven\ncreated: 2026-01-02\ncreated_at: 2026-01-02T03:04:05.000Z\nextra: 1\n',
    );
  });

  it('edits an existing file in place, keeping comments and unknown keys', async () => {
    const root = makeTree({ [META]: '# mine\nschema: spec-driven # the default\nowner: me\n' });
    await writeChangeMetadata(root, 'c', { schema: 'spec-driven', owner: 'me', skip_specs: true });
    expect(readFileSync(join(root, META), 'utf8')).toBe(
      '# mine\nschema: spec-driven # the default\nowner: me\nskip_specs: true\n',
    );
    expect(await readChangeMetadata(root, 'c')).toMatchObject({
      status: 'ok',
      metadata: { skip_specs: true },
    });
  });
});

describe('parseYamlData', () => {
  it('agrees with parseYaml on metadata-shaped documents and keeps dates as strings', async () => {
    const docs = [
      'schema: spec-driven\ncreated: 2026-01-01\n',
      'schema: spec-driven\ncreated_at: 2026-01-01T09:00:00.000Z\nskip_specs: true\n# comment\n',
      "schema: 'quoted'\nretire_capabilities: false\ntouched:\n  - op: MODIFIED\n    ref: auth#User Login\n",
      'schema: x\nskip_specs: yes\n',
    ];
    for (const text of docs) {
      const slow = await parseYaml(text, 'f.yaml');
      const fast = await parseYamlData(text, 'f.yaml');
      expect(fast.ok && slow.ok).toBe(true);
      if (fast.ok && slow.ok) expect(fast.data).toEqual(slow.data);
    }
  });

  it('locates duplicate keys and syntax errors on their line', async () => {
    expect(await parseYamlData('a: 1\na: 2\n', 'f.yaml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^f\.yaml:2: /),
    });
    expect(await parseYamlData('a: [\n', 'f.yaml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^f\.yaml:\d+: /),
    });
  });
});
