import type { Issue } from '../issue.ts';
import type { ParsedTasks, Task } from '../tasks/parse-tasks.ts';

/** T-shirt sizes, smallest first. */
const SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;
export type Size = (typeof SIZES)[number];

/** A `capability#Requirement` or `capability#Requirement/Scenario` reference, as written. */
export interface CoverRef {
  /** The reference with surrounding whitespace removed. */
  ref: string;
  capability: string;
  /** Everything after `#`: a requirement name, optionally followed by `/` and a scenario name. */
  target: string;
}

/** What the tags of one task declare. */
export interface TaskMeta {
  size?: Size;
  /** Ids of the tasks this one comes after, in tag order, without repeats. */
  after: string[];
  covers: CoverRef[];
  /** Exclusive resources (names or file paths) the task needs. */
  uses: string[];
}

/** Tag keys the planner understands; any other key is reported and ignored. */
const KNOWN_TAGS: ReadonlySet<string> = new Set(['size', 'after', 'covers', 'uses']);
const TASK_REF = /^\d+(?:\.\d+){1,2}$/;
/** A capability id: folder names under `openspec/specs/`, no empty, dot-leading or `..` segments. */
const CAPABILITY = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}_-][\p{L}\p{N}_.-]*)*$/u;
/** Split covers lists at commas that start a new `capability#` reference, so names may hold commas. */
const COVERS_SEPARATOR = /,(?=[ \t]*[^,#[\]]+#)/;
/** A known key written as a tag but not at the end of the line, where it is plain text. */
const MISPLACED_TAG = /\[[ \t]*(size|after|covers|uses)[ \t]*:/i;

/** Whether any task carries a tag the planner understands: only then are task-graph rules applied. */
export function usesMetadata(parsed: ParsedTasks): boolean {
  return parsed.tasks.some((t) => t.tags?.some((tag) => KNOWN_TAGS.has(tag.key)));
}

/** Whether any task declares `covers`: only then is missing coverage of the change's scenarios reported. */
export function usesCoverage(parsed: ParsedTasks): boolean {
  return parsed.tasks.some((t) => t.tags?.some((tag) => tag.key === 'covers'));
}

type Report = (level: Issue['level'], rule: string, message: string, fix?: string) => void;

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim());
}

function readSize(meta: TaskMeta, value: string, report: Report): void {
  const size = SIZES.find((s) => s === value.toUpperCase());
  if (meta.size !== undefined) {
    report('ERROR', 'tasks_invalid_tag', 'The task has more than one [size: …] tag.', 'Keep one.');
  } else if (size === undefined) {
    report('ERROR', 'tasks_invalid_tag', `[size: ${value}] is not one of ${SIZES.join(', ')}.`);
  } else meta.size = size;
}

function readAfter(meta: TaskMeta, value: string, report: Report): void {
  for (const id of list(value)) {
    if (!TASK_REF.test(id)) {
      const what = id === '' ? 'an empty entry' : `"${id}", which is not a task id`;
      report('ERROR', 'tasks_invalid_tag', `[after: ${value}] has ${what}.`, 'Write [after: 2.1, 2.2].');
    } else if (!meta.after.includes(id)) meta.after.push(id);
  }
}

/**
 * One `capability#Requirement[/Scenario]` reference (surrounding whitespace ignored), or undefined when
 * the text is not one. The same syntax is used by `covers` tags, `@spec` comments and test titles.
 */
export function parseCoverRef(raw: string): CoverRef | undefined {
  const ref = raw.trim();
  const hash = ref.indexOf('#');
  const capability = hash < 0 ? '' : ref.slice(0, hash).trim();
  const target = hash < 0 ? '' : ref.slice(hash + 1).trim();
  if (!CAPABILITY.test(capability) || target === '' || target.startsWith('/') || target.endsWith('/'))
    return undefined;
  return { ref: `${capability}#${target}`, capability, target };
}

/** Split a list of references at the commas that start a new `capability#` reference. */
export function splitCoverRefs(value: string): string[] {
  return value.split(COVERS_SEPARATOR);
}

function readCovers(meta: TaskMeta, value: string, report: Report): void {
  for (const raw of splitCoverRefs(value)) {
    const parsed = parseCoverRef(raw);
    if (parsed === undefined) {
      report(
        'ERROR',
        'tasks_invalid_tag',
        `[covers: ${value}] has "${raw.trim()}", which is not capability#Requirement or capability#Requirement/Scenario.`,
        'Write [covers: voice-agent#Inbound call] or [covers: voice-agent#Inbound call/Caller hangs up].',
      );
    } else meta.covers.push(parsed);
  }
}

function readUses(meta: TaskMeta, value: string, report: Report): void {
  for (const name of list(value)) {
    if (name === '') report('ERROR', 'tasks_invalid_tag', `[uses: ${value}] has an empty entry.`);
    else if (!meta.uses.includes(name)) meta.uses.push(name);
  }
}

const READERS: Readonly<Record<string, (meta: TaskMeta, value: string, report: Report) => void>> = {
  size: readSize,
  after: readAfter,
  covers: readCovers,
  uses: readUses,
};

/**
 * Interpret a task's tags. Malformed values are ERRORs and are dropped; unknown keys are WARNINGs;
 * a known key written mid-line (so it stays text) is a WARNING. Issues carry the task's line.
 */
export function readTaskMeta(task: Task): { meta: TaskMeta; issues: Issue[] } {
  const meta: TaskMeta = { after: [], covers: [], uses: [] };
  const issues: Issue[] = [];
  const report: Report = (level, rule, message, fix) =>
    issues.push({ level, rule, message, line: task.line, ...(fix ? { fix } : {}) });
  for (const tag of task.tags ?? []) {
    const read = READERS[tag.key];
    if (read) read(meta, tag.value, report);
    else {
      report(
        'WARNING',
        'tasks_unknown_tag',
        `[${tag.key}: …] is not a task tag; it is ignored.`,
        `Use ${[...KNOWN_TAGS].map((k) => `[${k}: …]`).join(', ')}, or reword it so it does not end the line.`,
      );
    }
  }
  const misplaced = MISPLACED_TAG.exec(task.text);
  if (misplaced) {
    report(
      'WARNING',
      'tasks_tag_not_trailing',
      `"[${misplaced[1]}: …]" is followed by text, so it is read as part of the description.`,
      'Move tags to the end of the task line.',
    );
  }
  return { meta, issues };
}
