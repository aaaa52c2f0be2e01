import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { parseTasks } from '../domain/tasks/parse-tasks.ts';
import { listScratchpads, readManifestReport } from './research.ts';
import { readRiskRegister } from './risk-register.ts';

const C = 'openspec/changes/c';

describe('listScratchpads', () => {
  it('lists research/*.md files with their kind, skipping sub-folders and other files', () => {
    const root = makeTree({
      [`${C}/research/qa.md`]: '# QA\n',
      [`${C}/research/pricing.md`]: '# Pricing\n',
      [`${C}/research/notes.txt`]: 'x',
      [`${C}/research/old/architecture.md`]: 'x',
      [`${C}/research/dir.md/x.md`]: 'x',
    });
    expect(listScratchpads(root, C)).toEqual([
      { kind: 'pricing', path: `${C}/research/pricing.md` },
      { kind: 'qa', path: `${C}/research/qa.md` },
    ]);
    expect(listScratchpads(makeTree({ [`${C}/proposal.md`]: 'x' }), C)).toEqual([]);
  });
});

describe('readRiskRegister', () => {
  it('merges design.md and research/decomposition.md, HIGH first, warning about unmitigated HIGH risks', () => {
    const root = makeTree({
      [`${C}/design.md`]: '## Risks\n- [LOW] Cost → Budget alarm\n- [HIGH] Timeout\n',
      [`${C}/research/decomposition.md`]: '## Risk register\n- [HIGH] Cycle → Deploy AiStack first\n',
      [`${C}/research/architecture.md`]: '- [HIGH] Not read from here\n',
    });
    const { risks, issues } = readRiskRegister(root, C);
    expect(risks).toEqual([
      { level: 'HIGH', text: 'Timeout', mitigation: null, line: 3, file: `${C}/design.md` },
      {
        level: 'HIGH',
        text: 'Cycle',
        mitigation: 'Deploy AiStack first',
        line: 2,
        file: `${C}/research/decomposition.md`,
      },
      { level: 'LOW', text: 'Cost', mitigation: 'Budget alarm', line: 2, file: `${C}/design.md` },
    ]);
    expect(issues.map((i) => [i.rule, i.file, i.line])).toEqual([
      ['risk_without_mitigation', `${C}/design.md`, 3],
    ]);
  });

  it('is empty without those files', () => {
    expect(readRiskRegister(makeTree({ [`${C}/proposal.md`]: 'x' }), C)).toEqual({ risks: [], issues: [] });
  });
});

describe('readManifestReport', () => {
  const tasks = { parsed: parseTasks('- [ ] 1.1 Write `src/a.ts` and `src/b.ts`\n'), file: `${C}/tasks.md` };

  it('is undefined without analysis.md', () => {
    expect(readManifestReport(makeTree({ [`${C}/tasks.md`]: 'x' }), C, tasks)).toBeUndefined();
  });

  it('locates manifest findings in analysis.md and cross-check findings in both files', () => {
    const root = makeTree({
      [`${C}/analysis.md`]: '## api\n### src/a.ts\n- A\n### src/c.ts\n### Notes\n',
    });
    const r = readManifestReport(root, C, tasks);
    expect(r?.file).toBe(`${C}/analysis.md`);
    expect(r?.entries.map((e) => [e.path, e.tasks])).toEqual([
      ['src/a.ts', ['1.1']],
      ['src/c.ts', []],
    ]);
    expect(r?.unlisted).toEqual([{ path: 'src/b.ts', task: '1.1', line: 1 }]);
    expect(r?.issues.map((i) => [i.rule, i.file, i.line])).toEqual([
      ['manifest_entry_without_notes', `${C}/analysis.md`, 4],
      ['manifest_entry_not_a_path', `${C}/analysis.md`, 5],
      ['manifest_unlisted_file', `${C}/tasks.md`, 1],
      ['manifest_untouched_entry', `${C}/analysis.md`, 4],
    ]);
  });
});
