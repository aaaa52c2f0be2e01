// Pins the exact key sets of every workflow command's JSON document (docs/workflow.md describes them).
// Shapes only grow: a new key must be added here and documented; a key never changes meaning.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempProjects } from '../helpers/tmp-project.ts';
import { type Json, json } from './workflow-journey.ts';

const temp = tempProjects();
const keys = (o: Json) => Object.keys(o).sort();
const sorted = (...k: string[]) => [...k].sort();

const SCHEMA_REF = sorted('name', 'selectedBy', 'selectedIn', 'source', 'path');
const ARTIFACT = sorted('id', 'generates', 'description', 'status', 'requires', 'missingDeps', 'files');
const STATUS = sorted(
  'change',
  'path',
  'schema',
  'artifacts',
  'progress',
  'next',
  'nextCommand',
  'tasks',
  'scratchpads',
  'readyToApply',
  'readyToArchive',
  'archiveBlockers',
  'validation',
  'warnings',
);

function project(): string {
  const root = temp.project({ 'openspec/config.yaml': 'schema: spec-driven\n' });
  json(root, ['new', 'change', 'add-search']);
  const dir = join(root, 'openspec/changes/add-search');
  writeFileSync(join(dir, 'proposal.md'), '# Add search\n');
  writeFileSync(join(dir, 'tasks.md'), '## 1. Build\n\n- [ ] 1.1 Index\n');
  mkdirSync(join(dir, 'research'));
  writeFileSync(join(dir, 'research/qa.md'), '# QA\n');
  return root;
}

describe('workflow JSON shapes', () => {
  it('status --change', () => {
    const root = project();
    const s = json(root, ['status', '--change', 'add-search']);
    expect(keys(s)).toEqual(sorted(...STATUS, 'root'));
    expect(keys(s.schema)).toEqual(SCHEMA_REF);
    for (const a of s.artifacts) expect(keys(a)).toEqual(ARTIFACT);
    expect(keys(s.progress)).toEqual(sorted('done', 'skipped', 'total'));
    expect(keys(s.tasks)).toEqual(sorted('tracks', 'files', 'done', 'total'));
    expect(keys(s.validation)).toEqual(sorted('errors', 'warnings'));
    expect(keys(s.scratchpads[0])).toEqual(['kind', 'path']);
    expect(s.root).toEqual({ path: root });
  });

  it('status without --change, with changes, with a broken one, and with none', () => {
    const root = project();
    mkdirSync(join(root, 'openspec/changes/zz'));
    writeFileSync(join(root, 'openspec/changes/zz/.openspec.yaml'), 'schema: nope\n');
    const all = json(root, ['status']);
    expect(keys(all)).toEqual(['changes', 'root']);
    expect(keys(all.changes[0])).toEqual(STATUS);
    expect(keys(all.changes[1])).toEqual(['change', 'error']);
    expect(keys(all.changes[1].error)).toEqual(['code', 'fix', 'message']);
    const empty = json(temp.project({}), ['status']);
    expect(keys(empty)).toEqual(['changes', 'message', 'root']);
  });

  it('instructions <artifact> and instructions apply', () => {
    const root = project();
    const i = json(root, ['instructions', 'design', '--change', 'add-search']);
    expect(keys(i)).toEqual(
      sorted(
        'change',
        'schema',
        'artifact',
        'description',
        'status',
        'missingDeps',
        'output',
        'dependencies',
        'scratchpads',
        'unlocks',
        'instruction',
        'context',
        'rules',
        'language',
        'template',
        'warnings',
        'root',
      ),
    );
    expect(keys(i.schema)).toEqual(SCHEMA_REF);
    expect(keys(i.output)).toEqual(sorted('path', 'absolutePath', 'isGlob', 'existing'));
    expect(keys(i.dependencies[0])).toEqual(sorted('id', 'status', 'path', 'files', 'contents'));
    expect(keys(i.template)).toEqual(['content', 'path']);
    expect(keys(i.scratchpads[0])).toEqual(['kind', 'path', 'text']);
    const a = json(root, ['instructions', 'apply', '--change', 'add-search']);
    expect(keys(a)).toEqual(
      sorted(
        'change',
        'schema',
        'state',
        'message',
        'missingArtifacts',
        'contextFiles',
        'scratchpads',
        'tracks',
        'tasks',
        'pending',
        'ready',
        'progress',
        'instruction',
        'context',
        'language',
        'warnings',
        'root',
      ),
    );
    expect(keys(a.tasks[0])).toEqual(
      sorted('id', 'text', 'done', 'file', 'line', 'size', 'after', 'covers', 'uses'),
    );
    expect(keys(a.contextFiles[0])).toEqual(['artifact', 'path']);
    expect(keys(a.scratchpads[0])).toEqual(['kind', 'path']);
    expect(keys(a.progress)).toEqual(sorted('done', 'total', 'remaining'));
  });

  it('templates, schemas and schema which|validate|init|fork', () => {
    const root = project();
    const t = json(root, ['templates']);
    expect(keys(t)).toEqual(sorted('schema', 'templates', 'warnings', 'root'));
    expect(keys(t.templates[0])).toEqual(sorted('artifact', 'template', 'path', 'absolutePath'));
    const s = json(root, ['schemas']);
    expect(keys(s)).toEqual(sorted('schemas', 'warnings', 'root'));
    expect(keys(s.schemas[0])).toEqual(
      sorted('name', 'description', 'version', 'artifacts', 'source', 'path', 'shadows', 'valid'),
    );
    const w = json(root, ['schema', 'which', '--change', 'add-search']);
    expect(keys(w)).toEqual(sorted('schema', 'shadows', 'change', 'warnings', 'root'));
    expect(keys(w.schema)).toEqual(SCHEMA_REF);
    const v = json(root, ['schema', 'validate']);
    expect(keys(v)).toEqual(sorted('valid', 'schemas', 'root'));
    expect(keys(v.schemas[0])).toEqual(sorted('name', 'source', 'path', 'valid', 'issues'));
    const init = json(root, ['schema', 'init', 'lean', '--artifacts', 'proposal,tasks']);
    expect(keys(init)).toEqual(sorted('created', 'schema', 'path', 'files', 'replaced', 'artifacts', 'root'));
    const fork = json(root, ['schema', 'fork', 'lean', 'leaner']);
    expect(keys(fork)).toEqual(sorted('forked', 'schema', 'path', 'files', 'replaced', 'source', 'root'));
    expect(keys(fork.source)).toEqual(sorted('name', 'source', 'path'));
  });

  it('failures print the null shape plus status, on stdout only', () => {
    const root = project();
    const cases: [string[], string[]][] = [
      [
        ['status', '--change', 'nope'],
        ['artifacts', 'change', 'root', 'status'],
      ],
      [
        ['instructions', 'nope', '--change', 'add-search'],
        ['change', 'root', 'status'],
      ],
      [
        ['templates', '--schema', 'nope'],
        ['root', 'schema', 'status', 'templates'],
      ],
      [
        ['schema', 'which', 'nope'],
        ['root', 'schema', 'status'],
      ],
      [
        ['schema', 'fork', 'spec-driven', 'Bad'],
        ['forked', 'root', 'schema', 'status'],
      ],
    ];
    for (const [args, expected] of cases) {
      const r = runCli(root, [...args, '--json']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe('');
      const doc = r.json() as Json;
      expect(keys(doc)).toEqual(expected);
      expect(keys(doc.status[0])).toEqual(expect.arrayContaining(['code', 'message', 'severity']));
    }
  });
});
