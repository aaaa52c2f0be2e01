import { describe, expect, it } from 'vitest';
import { checkTaskNumbering } from './check-task-numbering.ts';
import { parseTasks } from './parse-tasks.ts';

const rulesOf = (text: string) => checkTaskNumbering(parseTasks(text)).map((i) => [i.rule, i.line]);

describe('checkTaskNumbering', () => {
  it('accepts well-numbered tasks', () => {
    expect(rulesOf('## 1. A\n- [ ] 1.1 a\n- [ ] 1.2 b\n  - [ ] 1.2.1 c\n## 2. B\n- [ ] 2.1 d\n')).toEqual([]);
  });

  it('flags a task numbered for another group', () => {
    const issues = checkTaskNumbering(parseTasks('## 1. A\n- [ ] 1.1 a\n- [ ] 2.1 b\n'));
    expect(issues).toEqual([
      expect.objectContaining({ level: 'WARNING', rule: 'tasks_group_mismatch', line: 3 }),
    ]);
    expect(issues[0]?.message).toBe('Task 2.1 is under group 1.');
  });

  it('flags duplicates once, on the repeated line', () => {
    expect(rulesOf('- [ ] 1.1 a\n- [ ] 1.2 b\n- [ ] 1.2 c\n')).toEqual([['tasks_duplicate_id', 3]]);
  });

  it('flags gaps per prefix, including sub-task levels', () => {
    expect(rulesOf('- [ ] 1.1 a\n- [ ] 1.3 b\n  - [ ] 1.3.1 c\n  - [ ] 1.3.4 d\n')).toEqual([
      ['tasks_numbering_gap', 2],
      ['tasks_numbering_gap', 4],
    ]);
  });

  it('ignores tasks without ids and unnumbered groups', () => {
    expect(rulesOf('## Misc\n- [ ] 5.1 a\n- [ ] tidy up\n')).toEqual([]);
  });

  it('warns about a list without checkboxes', () => {
    expect(rulesOf('## 1. A\n- do a\n- do b\n')).toEqual([['tasks_no_checkboxes', undefined]]);
    expect(rulesOf('Just prose.\n')).toEqual([]);
  });
});
