import { type Dirent, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { CliError } from '../domain/errors.ts';
import { type Issue, splitLocation } from '../domain/issue.ts';
import { isSchemaName } from '../domain/names.ts';
import { checkSchemaDocument } from '../domain/workflow/check-schema.ts';
import type { WorkflowSchema } from '../domain/workflow/schema.ts';
import { builtinSchemasDir } from './assets.ts';
import { readTextFile, resolveInsideRoot } from './fs-safe.ts';
import { PROJECT_PATHS } from './project.ts';
import { loadYamlLib, parseYaml } from './yaml.ts';

/** Where a schema was found: the project, the user's data directory, or the package's built-ins. */
export type SchemaSource = 'project' | 'user' | 'package';

/** A directory holding `<name>/schema.yaml`; searched in the order given by `schemaSearchDirs`. */
interface SearchDir {
  source: SchemaSource;
  dir: string;
}

/** One schema directory found on disk. */
export interface SchemaLocation {
  name: string;
  source: SchemaSource;
  /** Absolute path of the schema's directory. */
  dir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_DATA_HOME` when absolute (the spec ignores relative values), else `~/.local/share`. */
function dataHome(env: Env): string {
  const xdg = env.XDG_DATA_HOME;
  if (xdg && isAbsolute(xdg)) return xdg;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return join(env.HOME || homedir(), '.local', 'share');
}

/**
 * Schema directories, highest priority first: the project's `openspec/schemas/`, then the user's
 * `<data>/specwright/schemas/` and OpenSpec's `<data>/openspec/schemas/` (so schemas installed for
 * OpenSpec keep working), then the built-ins.
 */
function schemaSearchDirs(root: string | undefined, env: Env): SearchDir[] {
  const data = dataHome(env);
  const dirs: SearchDir[] = [];
  if (root !== undefined) dirs.push({ source: 'project', dir: join(root, PROJECT_PATHS.schemas) });
  dirs.push({ source: 'user', dir: join(data, 'specwright', 'schemas') });
  dirs.push({ source: 'user', dir: join(data, 'openspec', 'schemas') });
  dirs.push({ source: 'package', dir: builtinSchemasDir() });
  return dirs;
}

function isRealFile(abs: string): boolean {
  try {
    return lstatSync(abs).isFile();
  } catch {
    return false;
  }
}

/** Schema names in one search directory: real (not symlinked) folders with a valid name and a schema.yaml. */
function namesIn(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && isSchemaName(e.name) && isRealFile(join(dir, e.name, 'schema.yaml')))
    .map((e) => e.name);
}

/** Every schema on the search path, grouped by name (sorted), each group in priority order. */
export function listSchemaLocations(root: string | undefined, env: Env): Map<string, SchemaLocation[]> {
  const byName = new Map<string, SchemaLocation[]>();
  for (const { source, dir } of schemaSearchDirs(root, env)) {
    for (const name of namesIn(dir)) {
      const group = byName.get(name) ?? [];
      group.push({ name, source, dir: join(dir, name) });
      byName.set(name, group);
    }
  }
  return new Map([...byName].sort(([a], [b]) => compareCodePoints(a, b)));
}

/** Refuse a name that cannot name a schema folder (`../x`, `a/b`, `My_Schema`) before any lookup. */
export function checkSchemaName(name: string): void {
  if (!isSchemaName(name)) {
    throw new CliError('invalid_schema_name', `'${name}' is not a valid schema name.`, {
      fix: 'Schema names are kebab-case and start with a letter, e.g. my-workflow.',
    });
  }
}

/** Every location of schema `name`, highest priority first (empty when it exists nowhere). */
export function findSchemaLocations(root: string | undefined, env: Env, name: string): SchemaLocation[] {
  checkSchemaName(name);
  return schemaSearchDirs(root, env)
    .map(({ source, dir }) => ({ name, source, dir: join(dir, name) }))
    .filter((loc) => isRealFile(join(loc.dir, 'schema.yaml')));
}

/** Paths inside the project are shown root-relative; built-in and user schemas live elsewhere, so absolute. */
export function displayPath(root: string | undefined, abs: string): string {
  if (root === undefined) return abs;
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Read a text file of a schema directory, confined to it; errors name the file as the user sees it. */
function readSchemaText(loc: SchemaLocation, rel: string, root: string | undefined): string {
  try {
    return readTextFile(loc.dir, rel);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    const shown = displayPath(root, join(loc.dir, rel));
    throw new CliError(e.code, e.message.split(rel).join(shown), { fix: e.fix, cause: e });
  }
}

/** A schema read from disk: the schema itself when it has no ERROR, and every finding. */
export interface LoadedSchema {
  location: SchemaLocation;
  /** How `schema.yaml` is named in messages. */
  file: string;
  schema?: WorkflowSchema;
  issues: Issue[];
}

function templateIssues(
  loc: SchemaLocation,
  schema: WorkflowSchema,
  file: string,
  lineOf: (p: readonly PropertyKey[]) => number | undefined,
): Issue[] {
  const issues: Issue[] = [];
  schema.artifacts.forEach((a, i) => {
    let ok = false;
    try {
      ok = statSync(resolveInsideRoot(loc.dir, `templates/${a.template}`)).isFile();
    } catch {}
    if (!ok) {
      issues.push({
        level: 'ERROR',
        rule: 'schema_missing_template',
        message: `Artifact '${a.id}': template templates/${a.template} does not exist.`,
        file,
        line: lineOf(['artifacts', i, 'template']) ?? 1,
        fix: `Create templates/${a.template} beside schema.yaml, or point 'template' at an existing file.`,
      });
    }
  });
  return issues;
}

function nameIssue(
  loc: SchemaLocation,
  schema: WorkflowSchema,
  file: string,
  line: number | undefined,
): Issue[] {
  if (schema.name === loc.name) return [];
  return [
    {
      level: 'WARNING',
      rule: 'schema_name_mismatch',
      message: `name '${schema.name}' differs from its folder '${loc.name}'; the folder name is what changes refer to.`,
      file,
      line: line ?? 1,
      fix: `Set name: ${loc.name}`,
    },
  ];
}

/** Read and check `schema.yaml` and its templates; problems come back as located issues, never thrown. */
export async function loadSchema(loc: SchemaLocation, root: string | undefined): Promise<LoadedSchema> {
  const file = displayPath(root, join(loc.dir, 'schema.yaml'));
  let text: string;
  try {
    text = readSchemaText(loc, 'schema.yaml', root);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    const issue: Issue = { level: 'ERROR', rule: e.code, file, ...splitLocation(e.message, file) };
    return { location: loc, file, issues: [issue] };
  }
  const parsed = await parseYaml(text, file);
  if (!parsed.ok) {
    const { line, reason: message } = parsed;
    const issue: Issue = { level: 'ERROR', rule: 'schema_yaml_invalid', message, file, line };
    return { location: loc, file, issues: [issue] };
  }
  const check = checkSchemaDocument(parsed.data, file, parsed.lineOf);
  if (!check.schema) return { location: loc, file, issues: check.issues };
  const issues = [
    ...check.issues,
    ...templateIssues(loc, check.schema, file, parsed.lineOf),
    ...nameIssue(loc, check.schema, file, parsed.lineOf(['name'])),
  ];
  const ok = !issues.some((i) => i.level === 'ERROR');
  return ok ? { location: loc, file, schema: check.schema, issues } : { location: loc, file, issues };
}

/** The text of an artifact's template (`templates/<template>` of the schema directory). */
export function readTemplate(loc: SchemaLocation, template: string, root: string | undefined): string {
  return readSchemaText(loc, `templates/${template}`, root);
}

/** Largest file a schema folder may hold when it is copied. */
const MAX_COPY_BYTES = 10 * 1024 * 1024;

/** Every regular file under a schema directory (dot entries and symlinks skipped), POSIX paths, sorted. */
export function readSchemaFiles(loc: SchemaLocation): { rel: string; bytes: Buffer }[] {
  const out: { rel: string; bytes: Buffer }[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(loc.dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      const abs = join(loc.dir, child);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) {
        if (lstatSync(abs).size > MAX_COPY_BYTES)
          throw new CliError('file_too_large', `${abs} is over 10 MB; refusing to copy it.`);
        out.push({ rel: child, bytes: readFileSync(abs) });
      }
    }
  };
  walk('');
  return out.sort((a, b) => compareCodePoints(a.rel, b.rel));
}

/**
 * `schema.yaml` text with its `name` value replaced and every other byte kept (comments, layout, block
 * scalars); a document without `name` gets one on the first line.
 */
export async function renameSchemaYaml(text: string, name: string): Promise<string> {
  const { isNode, parseDocument } = await loadYamlLib();
  const node = parseDocument(text).get('name', true);
  if (!isNode(node) || !node.range) return `name: ${name}\n${text}`;
  return text.slice(0, node.range[0]) + name + text.slice(node.range[1]);
}

/** A new `schema.yaml` for `schema`, with multi-line instructions as block scalars. */
export async function renderSchemaYaml(schema: WorkflowSchema): Promise<string> {
  const { stringify } = await loadYamlLib();
  return stringify(schema, { lineWidth: 0, blockQuote: 'literal' });
}
