import { lineAt, lineCount } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { LineKind, type ScannedDoc } from '../markdown/types.ts';

/** One checkbox list item of tasks.md. */
export interface Task {
  /** 1-based line number. */
  line: number;
  /** True when the box holds `x` or `X`. */
  done: boolean;
  /** Text after the box, without the leading id. */
  text: string;
  /** Leading dotted id (`1.2`, `1.2.3`), when the text starts with one. */
  id?: string;
  /** List nesting level by indentation: 0 for a top-level item. */
  depth: number;
  /** Index in `tasks` of the nearest enclosing task, if any. */
  parent?: number;
  /** Index in `groups` of the enclosing `##` heading, if any. */
  group?: number;
  /** Trailing `[key: value]` tags of the task line, in line order; absent when there are none. */
  tags?: TaskTag[];
  /** Plain (checkbox-less) list items directly under the task: its acceptance criteria, if any. */
  criteria?: string[];
}

/** One `[key: value]` tag at the end of a task line; `text` never contains it. */
interface TaskTag {
  /** The key in lower case. */
  key: string;
  /** The value with surrounding whitespace removed. */
  value: string;
}

/** A level-2 heading that groups tasks, usually `## 1. Title`. */
export interface TaskGroup {
  /** 1-based line number of the heading. */
  line: number;
  /** Heading text as written. */
  heading: string;
  /** The `N` of `## N. Title`, when present. */
  number?: number;
}

export interface ParsedTasks {
  tasks: Task[];
  groups: TaskGroup[];
  total: number;
  done: number;
  /** List items outside code, checkbox or not; lets `checkTaskNumbering` notice a list without boxes. */
  listItems: number;
}

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
/**
 * A box holding nothing, spaces, or one non-space character with optional spaces around it, followed by
 * whitespace or the end of the line. `]` directly followed by `(` or `[` is a link (`[x](url)`), not a box.
 * Stricter than OpenSpec, which also accepts `-[ ]` and `- [x]text`: neither is a GFM task item.
 */
const CHECKBOX = /^\[([ \t]*(?:[^ \t\]][ \t]*)?)\](?:[ \t]+(.*))?$/;
const TASK_ID = /^(\d+(?:\.\d+){1,2})\.?(?:[ \t]+|$)/;
const GROUP_NUMBER = /^(\d+)[.)](?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(?:`{3,}|~{3,})/;
/** A `[key: value]` group closing the text; values hold no brackets, so links and boxes never match. */
const TRAILING_TAG = /[ \t]*\[([A-Za-z][\w-]*)[ \t]*:([^[\]]*)\][ \t]*$/;

/** Display column of the first non-blank character (tabs stop every 4 columns, as in CommonMark). */
function indentWidth(indent: string): number {
  let col = 0;
  for (const ch of indent) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

interface OpenItem {
  /** Column where the item's content starts; deeper lines belong to the item. */
  content: number;
  task: number | undefined;
}

/**
 * Whether line `i`, marked as code by the scanner, is really list-item content. The scanner is not list
 * aware: after a blank line it reads any 4-space indent as indented code, though inside a list item
 * that indent is a nested item. Fenced blocks (runs that start with a fence) stay code.
 */
function isListContinuation(doc: ScannedDoc, i: number, open: readonly OpenItem[], indent: number): boolean {
  const top = open[open.length - 1];
  if (!top || indent >= top.content + 4) return false;
  let start = i;
  while (start > 0 && doc.kinds[start - 1] === LineKind.Code) start--;
  return !FENCE_OPEN.test(lineAt(doc, start));
}

function readGroup(text: string, line: number): TaskGroup {
  const m = GROUP_NUMBER.exec(text);
  return m ? { line, heading: text, number: Number(m[1]) } : { line, heading: text };
}

/** Split trailing `[key: value]` tags off `text`. */
function splitTags(text: string): { text: string; tags: TaskTag[] } {
  const tags: TaskTag[] = [];
  let rest = text;
  for (let m = TRAILING_TAG.exec(rest); m; m = TRAILING_TAG.exec(rest)) {
    tags.unshift({ key: (m[1] as string).toLowerCase(), value: (m[2] as string).trim() });
    rest = rest.slice(0, m.index);
  }
  return { text: rest.trim(), tags };
}

function readTask(rest: string, line: number, depth: number): Task | undefined {
  const box = CHECKBOX.exec(rest);
  if (!box) return undefined;
  const done = /^[ \t]*[xX][ \t]*$/.test(box[1] as string);
  let text = (box[2] ?? '').trim();
  const id = TASK_ID.exec(text);
  if (id) text = text.slice(id[0].length).trim();
  const split = splitTags(text);
  const task: Task = id
    ? { line, done, text: split.text, id: id[1] as string, depth }
    : { line, done, text: split.text, depth };
  if (split.tags.length > 0) task.tags = split.tags;
  return task;
}

/** Record a checkbox-less item as an acceptance criterion of the task it sits directly under. */
function addCriterion(tasks: Task[], container: OpenItem | undefined, text: string): void {
  const task = container?.task === undefined ? undefined : tasks[container.task];
  if (!task || text === '') return;
  task.criteria = [...(task.criteria ?? []), text];
}

/**
 * Parse tasks.md into checkbox tasks with their nesting and `##` groups. Boxes inside fenced code and
 * HTML comments are not tasks; indented sub-tasks are, at any depth. Trailing `[key: value]` tags are
 * split off the text but not interpreted (`domain/plan/task-meta.ts` reads them).
 */
export function parseTasks(source: string): ParsedTasks {
  const doc = scanMarkdown(source);
  const tasks: Task[] = [];
  const groups: TaskGroup[] = [];
  const headingAt = new Map(doc.headings.map((h) => [h.line, h]));
  let open: OpenItem[] = [];
  let group: number | undefined;
  let listItems = 0;
  for (let i = 0; i < lineCount(doc); i++) {
    const kind = doc.kinds[i];
    const line = lineAt(doc, i);
    const heading = headingAt.get(i);
    if (heading) {
      open = [];
      if (heading.level <= 2)
        group = heading.level === 2 ? groups.push(readGroup(heading.text, i + 1)) - 1 : undefined;
      continue;
    }
    if (kind === LineKind.Blank || kind === LineKind.Html) continue;
    const item = LIST_ITEM.exec(line);
    const indent = indentWidth(item?.[1] ?? (/^[ \t]*/.exec(line)?.[0] as string));
    if (kind === LineKind.Code && !isListContinuation(doc, i, open, indent)) continue;
    if (!item) {
      // A paragraph back at the margin after a blank line ends every open list.
      if (indent === 0 && doc.kinds[i - 1] === LineKind.Blank) open = [];
      continue;
    }
    listItems++;
    while (open.length > 0 && indent < (open[open.length - 1] as OpenItem).content) open.pop();
    const task = readTask(item[3] ?? '', i + 1, open.length);
    const parent = open.findLast((o) => o.task !== undefined)?.task;
    if (task) {
      if (parent !== undefined) task.parent = parent;
      if (group !== undefined) task.group = group;
      tasks.push(task);
    } else addCriterion(tasks, open[open.length - 1], (item[3] ?? '').trim());
    const content = indent + (item[2] as string).length + 1;
    open.push({ content, task: task ? tasks.length - 1 : undefined });
  }
  const done = tasks.filter((t) => t.done).length;
  return { tasks, groups, total: tasks.length, done, listItems };
}
