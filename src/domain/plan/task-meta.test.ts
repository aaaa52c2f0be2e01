import { describe, expect, it } from 'vitest';
import { parseTasks } from '../tasks/parse-tasks.ts';
import { readTaskMeta, usesCoverage, usesMetadata } from './task-meta.ts';

function meta(line: string) {
  return readTaskMeta(parseTasks(`${line}\n`).tasks[0] as never);
}

describe('readTaskMeta', () => {
  it('reads every tag kind, repeated tags adding up', () => {
    const r = meta(
      '- [ ] 3.4 Create contact flow [size: m] [after: 2.2, 2.1] [after: 2.2, 1.3] [covers: connect-infra#Contact flow, voice-agent#Inbound call/Caller speaks] [covers: billing/invoices#Totals] [uses: cdk-deploy, infra/cdk.json]',
    );
    expect(r.issues).toEqual([]);
    expect(r.meta).toEqual({
      size: 'M',
      after: ['2.2', '2.1', '1.3'],
      covers: [
        { ref: 'connect-infra#Contact flow', capability: 'connect-infra', target: 'Contact flow' },
        {
          ref: 'voice-agent#Inbound call/Caller speaks',
          capability: 'voice-agent',
          target: 'Inbound call/Caller speaks',
        },
        { ref: 'billing/invoices#Totals', capability: 'billing/invoices', target: 'Totals' },
      ],
      uses: ['cdk-deploy', 'infra/cdk.json'],
    });
  });

  it('splits covers only at commas that start a new reference, so names may hold commas', () => {
    const r = meta('- [ ] 1.1 a [covers: a#Read, write and delete/Happy path, b#X]');
    expect(r.meta.covers.map((c) => c.ref)).toEqual(['a#Read, write and delete/Happy path', 'b#X']);
  });

  it.each([
    ['[size: XXL]', '[size: XXL] is not one of XS, S, M, L, XL.'],
    ['[size: M] [size: S]', 'The task has more than one [size: …] tag.'],
    ['[after: 2.x]', '[after: 2.x] has "2.x", which is not a task id.'],
    ['[after: 2.1,]', '[after: 2.1,] has an empty entry.'],
    ['[after:]', '[after: ] has an empty entry.'],
    ['[covers: voice-agent]', 'not capability#Requirement'],
    ['[covers: #Inbound call]', 'not capability#Requirement'],
    ['[covers: ../etc#passwd]', 'not capability#Requirement'],
    ['[covers: a#Req/]', 'not capability#Requirement'],
    ['[uses: db, ]', '[uses: db,] has an empty entry.'],
  ])('%s is an error on the task line', (tags, message) => {
    const r = meta(`- [ ] 1.1 Do it ${tags}`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ level: 'ERROR', rule: 'tasks_invalid_tag', line: 1 });
    expect(r.issues[0]?.message).toContain(message);
  });

  it('warns about unknown keys and about known tags that do not end the line', () => {
    const r = meta('- [ ] 1.1 Do [size: M] first [owner: ana]');
    expect(r.issues.map((i) => [i.level, i.rule])).toEqual([
      ['WARNING', 'tasks_unknown_tag'],
      ['WARNING', 'tasks_tag_not_trailing'],
    ]);
    expect(r.meta.size).toBeUndefined();
  });
});

describe('usesMetadata / usesCoverage', () => {
  it('needs a known tag; unknown keys alone keep a file plain', () => {
    expect(usesMetadata(parseTasks('- [ ] 1.1 a [note: x]\n- [ ] 1.2 b\n'))).toBe(false);
    expect(usesMetadata(parseTasks('- [ ] 1.1 a\n- [ ] 1.2 b [uses: db]\n'))).toBe(true);
    expect(usesCoverage(parseTasks('- [ ] 1.1 a [size: S]\n'))).toBe(false);
    expect(usesCoverage(parseTasks('- [ ] 1.1 a [covers: x#Y]\n'))).toBe(true);
  });
});
