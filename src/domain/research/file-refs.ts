import type { ParsedTasks, Task } from '../tasks/parse-tasks.ts';

/**
 * File extensions that make a slash-less name a file (`schema.yaml`, `index.ts`). A closed list rather
 * than "anything after a dot", because task text is full of backticked code such as `console.log` or
 * `JSON.parse` that must not be read as a file; `.log` and `.env` are left out for that reason.
 */
const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'ts tsx mts cts js jsx mjs cjs json jsonc json5 md mdx yaml yml toml ini cfg conf properties ' +
    'css scss sass less html htm vue svelte astro py pyi go mod rs java kt kts scala swift rb php ' +
    'c h cc cpp hpp cs fs ex exs erl clj dart lua pl r sh bash zsh fish ps1 bat sql graphql gql ' +
    'proto prisma tf tfvars hcl txt csv tsv xml svg png jpg jpeg gif webp ico pdf lock snap'
  ).split(' '),
);

/** Extension-less file names common enough to recognise on their own. */
const WELL_KNOWN_FILES: ReadonlySet<string> = new Set([
  'Dockerfile',
  'Makefile',
  'Procfile',
  'Jenkinsfile',
  'Gemfile',
  'Rakefile',
  'Justfile',
  'LICENSE',
  'CODEOWNERS',
]);

/** Characters no path mention in prose carries: code, URLs, globs, references like `cap#Requirement`. */
const NOT_A_PATH = /[\s:#()<>=*?[\]{}|,;'"`\\]/;
/** Segment characters; `$` is for route files such as `agents.$agentId.tsx`, never leading (`$HOME`). */
const SEGMENT = /^[\w@.+~$-]+$/;

/**
 * Whether `text` (already trimmed, without backticks) names a file or folder: a relative path with a
 * slash (`src/app/plan.ts`, `projects/telephony/`), a dotfile (`.gitignore`), a name with a known file
 * extension (`schema.yaml`) or a well-known extension-less file (`Dockerfile`). Scoped package names
 * (`@scope/name`), flags, variables (`$HOME/x`), URLs, code and absolute paths are not.
 */
export function looksLikePath(text: string): boolean {
  if (text === '' || NOT_A_PATH.test(text) || /^[@/~$-]/.test(text)) return false;
  const path = text.startsWith('./') ? text.slice(2) : text;
  const segments = path.endsWith('/') ? path.slice(0, -1).split('/') : path.split('/');
  if (segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..')) return false;
  if (segments.length > 1) return true;
  const name = segments[0] as string;
  if (path.endsWith('/') || WELL_KNOWN_FILES.has(name)) return true;
  if (/^\.[\w-]+$/.test(name)) return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && FILE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** `./src/x.ts` and `src/x.ts` are one path. */
export function normalizePath(path: string): string {
  return path.startsWith('./') ? path.slice(2) : path;
}

/** The backticked spans of `text` that look like paths, in order, without repeats. */
export function backtickedPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(`+)([^`]+?)\1(?!`)/g)) {
    const span = (m[2] as string).trim();
    if (looksLikePath(span)) {
      const path = normalizePath(span);
      if (!out.includes(path)) out.push(path);
    }
  }
  return out;
}

/** A file a task names: in backticks in its text or acceptance criteria, or in a `[uses: …]` tag. */
export interface TaskFileRef {
  path: string;
  /** Id of the task, or of the top-level task a sub-task belongs to; null when neither has one. */
  task: string | null;
  /** 1-based line of the checkbox that names it. */
  line: number;
}

function ownerId(parsed: ParsedTasks, task: Task): string | null {
  let t: Task | undefined = task;
  while (t && t.depth > 0 && t.parent !== undefined) t = parsed.tasks[t.parent];
  return t?.id ?? task.id ?? null;
}

/** `[uses: …]` entries that look like paths (names such as `cdk-deploy` are resources, not files). */
function usedPaths(task: Task): string[] {
  return (task.tags ?? [])
    .filter((t) => t.key === 'uses')
    .flatMap((t) => t.value.split(','))
    .map((v) => v.trim())
    .filter(looksLikePath)
    .map(normalizePath);
}

/**
 * Every file the tasks of a tasks.md name, sub-tasks included (they are where files usually appear),
 * in file order; a path named twice by one task line counts once.
 */
export function taskFileRefs(parsed: ParsedTasks): TaskFileRef[] {
  const refs: TaskFileRef[] = [];
  for (const task of parsed.tasks) {
    const texts = [task.text, ...(task.criteria ?? [])];
    const paths = new Set([...texts.flatMap(backtickedPaths), ...usedPaths(task)]);
    const owner = ownerId(parsed, task);
    for (const path of paths) refs.push({ path, task: owner, line: task.line });
  }
  return refs;
}
