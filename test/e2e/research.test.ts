// A change on the built-in research-driven schema, driven through the built CLI the way an assistant
// would: status → scratchpads → instructions for each artifact → plan → apply → archive.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { read, tempProjects } from '../helpers/tmp-project.ts';
import { applyAllTasks, type Json, json } from './workflow-journey.ts';

const temp = tempProjects();
const CHANGE = 'add-search';
const DIR = `openspec/changes/${CHANGE}`;

const PROPOSAL = `# Add note search

## Why
Users keep hundreds of notes and cannot find old ones.

## What Changes
- A search box finds notes by words in their title or body

## Questions for research
- Can the database's full-text features carry our volume?
`;

const DESIGN = `## Context
See research/technical-research.md.

## Decisions

| Decision | Chosen | Why | Alternative |
| --- | --- | --- | --- |
| Index | Word table updated on save | The database handles our volume | Search service (more operations) |

## Risks
- [HIGH] Index drift after a failed save → Rebuild the index nightly
- [LOW] Large notes slow indexing -> Cap indexed text at 100 KB
`;

const SPEC = `## Purpose
Full-text search over the notes a user keeps, from the web app and the API.

## ADDED Requirements

### Requirement: Search Notes by Text
The system SHALL return the notes whose title or body contains every word of the query.

#### Scenario: Matching words
- **GIVEN** notes titled "Garden plan" and "Shopping"
- **WHEN** a user searches for "garden plan"
- **THEN** only "Garden plan" is listed
`;

const ANALYSIS = `# Implementation manifest

## packages/server

### src/search/index.ts
- Purpose: inverted index, updated on save

### src/api/search.ts
- Purpose: GET /search

### src/search/rank.ts
- Purpose: ranking by word frequency
`;

const TASKS = `## 1. Index
- [ ] 1.1 Create the word index in \`src/search/index.ts\` [size: M] [covers: search#Search Notes by Text/Matching words]
- [ ] 1.2 Add the endpoint in \`src/api/search.ts\` and register it in \`src/api/routes.ts\` [size: S] [after: 1.1]
`;

const write = (root: string, rel: string, text: string) => writeFileSync(join(root, DIR, rel), text);

function project(): string {
  const root = temp.project({});
  json(root, ['new', 'change', CHANGE, '--schema', 'research-driven']);
  return root;
}

/** `instructions <id>` for the next artifact, checking status agrees that it is next and ready. */
function next(root: string, id: string): Json {
  const s = json(root, ['status', '--change', CHANGE]);
  expect(s.next).toBe(id);
  const i = json(root, ['instructions', id, '--change', CHANGE]);
  expect(i.status).toBe('ready');
  return i;
}

/** Write proposal and three scratchpads (decomposition with one unmitigated HIGH risk). */
function research(root: string): void {
  write(root, 'proposal.md', PROPOSAL);
  const r = next(root, 'research');
  expect(r.output).toMatchObject({ path: `${DIR}/research/*.md`, isGlob: true, existing: [] });
  expect(r.instruction).toContain('specwright scratchpad <change> <kind>');
  for (const kind of ['technical-research', 'business-analysis', 'decomposition']) {
    const created = json(root, ['scratchpad', CHANGE, kind]);
    expect(created).toMatchObject({
      created: true,
      kind,
      path: `${DIR}/research/${kind}.md`,
      replaced: false,
    });
  }
  const decomposition = join(root, DIR, 'research/decomposition.md');
  const filled = readFileSync(decomposition, 'utf8').replace(
    /## Risk register[\s\S]*$/,
    '## Risk register\n- [HIGH] Ranking needs data we do not store\n',
  );
  writeFileSync(decomposition, filled);
}

describe('the research-driven workflow, end to end', () => {
  it('walks scratchpads, every artifact, plan and archive', () => {
    const root = project();
    const first = json(root, ['status', '--change', CHANGE]);
    expect(first.artifacts.map((a: Json) => [a.id, a.status])).toEqual([
      ['proposal', 'ready'],
      ['research', 'blocked'],
      ['design', 'blocked'],
      ['specs', 'blocked'],
      ['analysis', 'blocked'],
      ['tasks', 'blocked'],
    ]);
    expect(first.scratchpads).toEqual([]);
    expect(next(root, 'proposal').template.content).toContain('## Questions for research');

    research(root);
    const s = json(root, ['status', '--change', CHANGE]);
    expect(s.scratchpads).toEqual([
      { kind: 'business-analysis', path: `${DIR}/research/business-analysis.md` },
      { kind: 'decomposition', path: `${DIR}/research/decomposition.md` },
      { kind: 'technical-research', path: `${DIR}/research/technical-research.md` },
    ]);
    const pads = s.scratchpads.map((p: Json) => p.path);

    const design = next(root, 'design');
    expect(design.dependencies.map((d: Json) => [d.id, d.files])).toEqual([
      ['proposal', [`${DIR}/proposal.md`]],
      ['research', pads],
    ]);
    expect(design.scratchpads).toEqual([]);
    expect(design.template.content).toContain('- [HIGH] <Risk> → <How it is contained>');
    write(root, 'design.md', DESIGN);

    const specs = next(root, 'specs');
    expect(specs.scratchpads).toEqual(s.scratchpads.map((p: Json) => ({ ...p, text: null })));
    const inline = json(root, ['instructions', 'specs', '--change', CHANGE, '--inline']);
    expect(inline.scratchpads[0].text).toBe(read(root, pads[0]));
    mkdirSync(join(root, DIR, 'specs/search'), { recursive: true });
    write(root, 'specs/search/spec.md', SPEC);

    const analysis = next(root, 'analysis');
    expect(analysis.dependencies.map((d: Json) => d.id)).toEqual(['design', 'specs']);
    expect(analysis.scratchpads.map((p: Json) => p.kind)).toEqual(s.scratchpads.map((p: Json) => p.kind));
    expect(analysis.template.content).toContain('### <path/to/file.ts>');
    write(root, 'analysis.md', ANALYSIS);

    const tasks = next(root, 'tasks');
    expect(tasks.dependencies.map((d: Json) => d.id)).toEqual(['specs', 'analysis']);
    write(root, 'tasks.md', TASKS);
    expect(json(root, ['status', '--change', CHANGE])).toMatchObject({ next: null, readyToApply: true });

    const plan = json(root, ['plan', CHANGE]);
    expect(plan.valid).toBe(true);
    expect(plan.risks).toEqual([
      {
        level: 'HIGH',
        text: 'Index drift after a failed save',
        mitigation: 'Rebuild the index nightly',
        line: 11,
        file: `${DIR}/design.md`,
      },
      {
        level: 'HIGH',
        text: 'Ranking needs data we do not store',
        mitigation: null,
        line: expect.any(Number),
        file: `${DIR}/research/decomposition.md`,
      },
      {
        level: 'LOW',
        text: 'Large notes slow indexing',
        mitigation: 'Cap indexed text at 100 KB',
        line: 12,
        file: `${DIR}/design.md`,
      },
    ]);
    expect(plan.manifest.entries.map((e: Json) => [e.path, e.tasks, e.touched])).toEqual([
      ['src/search/index.ts', ['1.1'], true],
      ['src/api/search.ts', ['1.2'], true],
      ['src/search/rank.ts', [], false],
    ]);
    expect(plan.manifest.unlisted).toEqual([{ path: 'src/api/routes.ts', task: '1.2', line: 3 }]);
    expect(plan.issues.map((i: Json) => [i.rule, i.file])).toEqual([
      ['manifest_unlisted_file', `${DIR}/tasks.md`],
      ['manifest_untouched_entry', `${DIR}/analysis.md`],
      ['risk_without_mitigation', `${DIR}/research/decomposition.md`],
    ]);

    const strict = runCli(root, ['validate', CHANGE, '--strict', '--json']);
    expect(strict.code).toBe(1);
    const rules = (strict.json() as Json).items[0].issues.map((i: Json) => i.rule);
    expect(rules).toEqual(['risk_without_mitigation']);

    const decomposition = join(root, DIR, 'research/decomposition.md');
    writeFileSync(
      decomposition,
      read(root, `${DIR}/research/decomposition.md`).replace('store\n', 'store → Log it first\n'),
    );
    expect(runCli(root, ['validate', CHANGE, '--strict']).code).toBe(0);
    applyAllTasks(root, CHANGE);
    expect(json(root, ['status', '--change', CHANGE]).readyToArchive).toBe(true);
    const archived = json(root, ['archive', CHANGE]);
    expect(archived.archive.specs).toEqual([
      expect.objectContaining({ capability: 'search', action: 'create' }),
    ]);
    const moved = join(root, 'openspec/changes/archive', archived.archive.archivedAs as string);
    expect(existsSync(join(moved, 'research/decomposition.md'))).toBe(true);
    expect(existsSync(join(moved, 'analysis.md'))).toBe(true);
  });
});

describe('specwright scratchpad', () => {
  it('creates a scratchpad in text mode, refuses to overwrite it, and replaces it with --force', () => {
    const root = project();
    const r = runCli(root, ['scratchpad', CHANGE, 'code-explorer']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Created ${DIR}/research/code-explorer.md: patterns, modules and helpers in the repository worth reusing\n`,
    );
    expect(r.stderr).toContain(`specwright status --change ${CHANGE}`);
    expect(read(root, `${DIR}/research/code-explorer.md`)).toMatch(/^# Code explorer\n/);

    write(root, 'research/code-explorer.md', '# mine\n');
    const again = runCli(root, ['scratchpad', CHANGE, 'code-explorer', '--json']);
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({
      created: false,
      path: null,
      status: [{ code: 'scratchpad_exists', fix: expect.stringContaining('--force') }],
    });
    expect(read(root, `${DIR}/research/code-explorer.md`)).toBe('# mine\n');
    const forced = json(root, ['scratchpad', CHANGE, 'code-explorer', '--force']);
    expect(forced).toMatchObject({ created: true, replaced: true });
    expect(read(root, `${DIR}/research/code-explorer.md`)).toMatch(/^# Code explorer\n/);
  });

  it('lists the kinds and suggests the closest one for an unknown kind (exit 2)', () => {
    const r = runCli(project(), ['scratchpad', CHANGE, 'paralelization']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "Unknown scratchpad kind 'paralelization'. Kinds: business-analysis, technical-research, code-explorer, architecture, decomposition, parallelization, qa.",
    );
    expect(r.stderr).toContain('Did you mean: parallelization?');
  });

  it('fails on an unknown change with close names', () => {
    const r = runCli(project(), ['scratchpad', 'add-serch', 'qa', '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ status: [{ code: 'unknown_change' }] });
  });
});

describe('scratchpads in a spec-driven change', () => {
  it('are listed by status and handed to instructions and apply, in text mode too', () => {
    const root = temp.project({});
    json(root, ['new', 'change', CHANGE]);
    write(root, 'proposal.md', PROPOSAL);
    json(root, ['scratchpad', CHANGE, 'qa']);
    const pad = { kind: 'qa', path: `${DIR}/research/qa.md` };
    expect(json(root, ['status', '--change', CHANGE]).scratchpads).toEqual([pad]);
    expect(runCli(root, ['status', '--change', CHANGE]).stdout).toContain('\nScratchpads: qa\n');

    const design = runCli(root, ['instructions', 'design', '--change', CHANGE, '--inline']);
    expect(design.stdout).toContain(`## Research notes\n- qa: ${DIR}/research/qa.md\n\`\`\`markdown\n# QA\n`);
    write(root, 'tasks.md', '## 1. Build\n- [ ] 1.1 Index\n');
    expect(json(root, ['instructions', 'apply', '--change', CHANGE]).scratchpads).toEqual([pad]);
  });
});
