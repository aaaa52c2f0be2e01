import { describe, expect, it } from 'vitest';
import { parseTasks } from './parse-tasks.ts';

describe('parseTasks', () => {
  it('reads the OpenSpec template shape', () => {
    const parsed = parseTasks('## 1. Implementation\n- [x] 1.1 Add OTP table\n- [ ] 1.2 Add OTP UI\n');
    expect(parsed.total).toBe(2);
    expect(parsed.done).toBe(1);
    expect(parsed.groups).toEqual([{ line: 1, heading: '1. Implementation', number: 1 }]);
    expect(parsed.tasks[0]).toEqual({
      line: 2,
      done: true,
      text: 'Add OTP table',
      id: '1.1',
      depth: 0,
      group: 0,
    });
    expect(parsed.tasks[1]).toMatchObject({ line: 3, done: false, id: '1.2' });
  });

  it.each([
    ['- [ ] a', false],
    ['- [x] a', true],
    ['- [X] a', true],
    ['- [ x ] a', true],
    ['* [x] a', true],
    ['+ [ ] a', false],
    ['1. [x] a', true],
    ['12) [ ] a', false],
    ['- [] a', false],
    ['- [~] a', false],
    ['- [-] a', false],
    ['- [x]', true],
  ])('%j is a task, done=%s', (line, done) => {
    const parsed = parseTasks(`${line}\n`);
    expect(parsed.total).toBe(1);
    expect(parsed.tasks[0]?.done).toBe(done);
  });

  it.each([
    '- [x](https://example.com) a link',
    '- [x][ref] a reference link',
    '- [xx] two characters',
    '-[x] no space after the bullet',
    '- [x]glued text',
    '[x] not a list item',
    '> - [x] in a block quote',
  ])('%j is not a task', (line) => {
    expect(parseTasks(`${line}\n`).total).toBe(0);
  });

  it('ignores boxes in fenced code and HTML comments', () => {
    const text = [
      '- [ ] real',
      '```md',
      '- [ ] fenced',
      '```',
      '~~~',
      '- [x] tilde fenced',
      '~~~',
      '<!--',
      '- [ ] commented',
      '-->',
      '<!-- - [ ] one-line comment -->',
      '- [x] also real',
    ].join('\n');
    const parsed = parseTasks(text);
    expect(parsed.tasks.map((t) => t.text)).toEqual(['real', 'also real']);
    expect(parsed.done).toBe(1);
  });

  it('counts nested sub-tasks with depth and parent', () => {
    const text = [
      '- [ ] 1.1 parent',
      '  - [x] 1.1.1 child',
      '    - [ ] 1.1.1.1 grandchild',
      '- [ ] 1.2 next',
    ].join('\n');
    const parsed = parseTasks(text);
    expect(parsed.total).toBe(4);
    expect(parsed.tasks.map((t) => [t.depth, t.parent])).toEqual([
      [0, undefined],
      [1, 0],
      [2, 1],
      [0, undefined],
    ]);
    expect(parsed.tasks[1]?.id).toBe('1.1.1');
    // Four segments is not an id: it stays in the text.
    expect(parsed.tasks[2]?.text).toBe('1.1.1.1 grandchild');
  });

  it('keeps a sub-task after a blank line (not indented code) but skips code inside an item', () => {
    const text = ['- [ ] parent', '', '    - [ ] child', '', '          - [ ] code in the child'].join('\n');
    const parsed = parseTasks(text);
    expect(parsed.tasks.map((t) => [t.text, t.parent])).toEqual([
      ['parent', undefined],
      ['child', 0],
    ]);
  });

  it('skips indented code outside lists', () => {
    expect(parseTasks('Some text.\n\n    - [ ] in code\n').total).toBe(0);
  });

  it('gives a sub-task of a plain bullet no task parent', () => {
    const parsed = parseTasks('- [ ] a\n- note\n  - [ ] b\n');
    expect(parsed.tasks[1]).toMatchObject({ text: 'b', depth: 1 });
    expect(parsed.tasks[1]?.parent).toBeUndefined();
    expect(parsed.listItems).toBe(3);
  });

  it('assigns groups from level-2 headings and closes them at level 1', () => {
    const text = [
      '# Tasks',
      '- [ ] loose',
      '## 1. Setup',
      '- [ ] 1.1 a',
      '## Notes',
      '- [ ] b',
      '# End',
      '- [ ] c',
    ].join('\n');
    const parsed = parseTasks(text);
    expect(parsed.groups).toEqual([
      { line: 3, heading: '1. Setup', number: 1 },
      { line: 5, heading: 'Notes' },
    ]);
    expect(parsed.tasks.map((t) => t.group)).toEqual([undefined, 0, 1, undefined]);
  });

  it('handles CRLF, a BOM and tab indentation', () => {
    const parsed = parseTasks('\uFEFF- [x] 1.1 a\r\n\t- [ ] 1.1.1 b\r\n');
    expect(parsed.tasks.map((t) => [t.line, t.id, t.depth])).toEqual([
      [1, '1.1', 0],
      [2, '1.1.1', 1],
    ]);
  });

  it('accepts an id with a trailing dot and non-Latin text', () => {
    expect(parseTasks('- [ ] 2.3. 添加登录 🚀\n').tasks[0]).toMatchObject({ id: '2.3', text: '添加登录 🚀' });
  });

  it('returns zeros for an empty file', () => {
    expect(parseTasks('')).toEqual({ tasks: [], groups: [], total: 0, done: 0, listItems: 0 });
  });
});

describe('parseTasks: tags and acceptance criteria', () => {
  it('splits trailing [key: value] tags off the text, in line order', () => {
    const parsed = parseTasks('- [ ] 3.4 Create contact flow [size: M] [After: 2.2, 2.1] [covers: a#B]\n');
    expect(parsed.tasks[0]).toEqual({
      line: 1,
      done: false,
      text: 'Create contact flow',
      id: '3.4',
      depth: 0,
      tags: [
        { key: 'size', value: 'M' },
        { key: 'after', value: '2.2, 2.1' },
        { key: 'covers', value: 'a#B' },
      ],
    });
  });

  it.each([
    ['- [ ] 1.1 See [the docs](https://x.y) first', 'See [the docs](https://x.y) first'],
    ['- [ ] 1.1 Keep [size: M] in the middle', 'Keep [size: M] in the middle'],
    ['- [ ] 1.1 A bracket [note] without a colon', 'A bracket [note] without a colon'],
    ['- [ ] 1.1 Nested [a: [b]]', 'Nested [a: [b]]'],
  ])('%j keeps its text and has no tags', (line, text) => {
    const task = parseTasks(`${line}\n`).tasks[0];
    expect(task?.text).toBe(text);
    expect(task?.tags).toBeUndefined();
  });

  it('keeps unknown keys and empty values for the metadata reader to judge', () => {
    const task = parseTasks('- [ ] Fix it [todo: later] [size:]\n').tasks[0];
    expect(task).toMatchObject({
      text: 'Fix it',
      tags: [
        { key: 'todo', value: 'later' },
        { key: 'size', value: '' },
      ],
    });
  });

  it('reads checkbox-less items directly under a task as its acceptance criteria', () => {
    const text = [
      '## 2. Foundation',
      '- [ ] 2.1 Data stack [size: M]',
      '  - Table has one GSI',
      '  - [ ] 2.1.1 a sub-task is not a criterion',
      '    - nor is an item under the sub-task',
      '  - TTL attribute is set',
      '- a plain top-level item',
      '- [ ] 2.2 Ai stack',
    ].join('\n');
    const parsed = parseTasks(text);
    expect(parsed.tasks.map((t) => [t.id, t.criteria])).toEqual([
      ['2.1', ['Table has one GSI', 'TTL attribute is set']],
      ['2.1.1', ['nor is an item under the sub-task']],
      ['2.2', undefined],
    ]);
    expect(parsed.total).toBe(3);
  });
});
