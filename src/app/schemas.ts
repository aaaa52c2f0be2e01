import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodePoints } from '../domain/compare-code-points.ts';
import { CliError } from '../domain/errors.ts';
import type { Issue } from '../domain/issue.ts';
import { DEFAULT_SCHEMA, isSchemaName } from '../domain/names.ts';
import { closestNames } from '../domain/suggest.ts';
import { buildOrder } from '../domain/workflow/graph.ts';
import { planSchemaSubset } from '../domain/workflow/scaffold.ts';
import type { WorkflowSchema } from '../domain/workflow/schema.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { changeMetadataPath, readChangeMetadata } from '../io/change-meta.ts';
import { findProjectRoot, PROJECT_PATHS, type ProjectRoot, requireProjectRoot } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import {
  displayPath,
  findSchemaLocations,
  type LoadedSchema,
  listSchemaLocations,
  loadSchema,
  readSchemaFiles,
  readTemplate,
  renameSchemaYaml,
  renderSchemaYaml,
  type SchemaLocation,
  type SchemaSource,
} from '../io/schemas.ts';
import { resolveChangeDir } from './resolve-item.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Why a schema applies: `--schema`, a name given as argument, the change's metadata, the config, or the default. */
type SelectedBy = 'flag' | 'argument' | 'change' | 'config' | 'default';

export interface SchemaSelection {
  name: string;
  selectedBy: SelectedBy;
  /** Root-relative file that named the schema (change metadata or config), else null. */
  selectedIn: string | null;
}

/** A location as reported: where (`source`) and the directory (root-relative inside the project, else absolute). */
export interface PlaceJson {
  source: SchemaSource;
  path: string;
}

export function placeOf(root: string | undefined, loc: SchemaLocation): PlaceJson {
  return { source: loc.source, path: displayPath(root, loc.dir) };
}

/** One-line `file:line: message` form of an issue, for warnings. */
function formatIssue(i: Issue): string {
  return `${i.file ?? ''}${i.line !== undefined ? `:${i.line}` : ''}: ${i.message}`;
}

/**
 * The schema that applies, and why: `flag` beats the change's `.openspec.yaml`, which beats the config's
 * `schema`, which beats the default. Invalid change metadata is an error rather than a silent fallback,
 * because the fallback would describe a different workflow than the one the change was started with.
 */
export async function selectSchema(
  root: string,
  opts: { change?: string; flag?: string; configSchema?: string },
): Promise<SchemaSelection> {
  if (opts.flag !== undefined) return { name: opts.flag, selectedBy: 'flag', selectedIn: null };
  if (opts.change !== undefined) {
    const read = await readChangeMetadata(root, opts.change);
    if (read.status === 'invalid') {
      throw new CliError('change_metadata_invalid', read.error, {
        fix: 'Fix the change metadata: it needs at least "schema: <name>".',
      });
    }
    if (read.status === 'ok') {
      const selectedIn = changeMetadataPath(opts.change);
      return { name: read.metadata.schema, selectedBy: 'change', selectedIn };
    }
  }
  if (opts.configSchema !== undefined) {
    return { name: opts.configSchema, selectedBy: 'config', selectedIn: PROJECT_PATHS.configYaml };
  }
  return { name: DEFAULT_SCHEMA, selectedBy: 'default', selectedIn: null };
}

function unknownSchema(root: string | undefined, env: Env, sel: SchemaSelection): CliError {
  const names = [...listSchemaLocations(root, env).keys()];
  const near = closestNames(sel.name, names);
  const where = sel.selectedIn ? ` (named in ${sel.selectedIn})` : '';
  const fix =
    near.length > 0
      ? `Did you mean: ${near.join(', ')}?`
      : `Create openspec/schemas/${sel.name}/schema.yaml, or use one of: ${names.join(', ')}.`;
  return new CliError(
    'unknown_schema',
    `Schema '${sel.name}'${where} not found. Available schemas: ${names.join(', ')}.`,
    { fix },
  );
}

/** A selected schema, loaded and checked. */
export interface ResolvedSchema {
  selection: SchemaSelection;
  location: SchemaLocation;
  /** Lower-priority schemas of the same name, which this one hides. */
  shadows: SchemaLocation[];
  schema: WorkflowSchema;
  /** Non-fatal findings about schema.yaml, as `file:line: message`. */
  warnings: string[];
}

/** The first location of `name` on the search path, plus the ones it shadows; unknown names are errors. */
export function locateSchema(root: string | undefined, env: Env, sel: SchemaSelection) {
  const [location, ...shadows] = findSchemaLocations(root, env, sel.name);
  if (!location) throw unknownSchema(root, env, sel);
  return { location, shadows };
}

/** Load a located schema; any ERROR makes it unusable, reported as `schema_invalid` with the first finding. */
export async function requireValidSchema(root: string | undefined, location: SchemaLocation) {
  const loaded = await loadSchema(location, root);
  const first = loaded.issues.find((i) => i.level === 'ERROR');
  if (!loaded.schema || first) {
    throw new CliError(
      'schema_invalid',
      `Schema '${location.name}' is invalid: ${formatIssue(first as Issue)}`,
      {
        fix: `Run: specwright schema validate ${location.name}`,
      },
    );
  }
  return { schema: loaded.schema, warnings: loaded.issues.map(formatIssue) };
}

/** Select, locate and load the schema for a change (or the project, without one). */
export async function resolveSchema(
  root: string,
  env: Env,
  opts: { change?: string; flag?: string; configSchema?: string },
): Promise<ResolvedSchema> {
  const selection = await selectSchema(root, opts);
  const { location, shadows } = locateSchema(root, env, selection);
  const { schema, warnings } = await requireValidSchema(root, location);
  return { selection, location, shadows, schema, warnings };
}

interface SchemaSummary {
  name: string;
  description: string | null;
  version: number | null;
  /** Artifact ids in build order (empty when the schema is invalid). */
  artifacts: string[];
  source: SchemaSource;
  path: string;
  shadows: PlaceJson[];
  valid: boolean;
}

export interface ListSchemasResult {
  root: ProjectRoot | undefined;
  schemas: SchemaSummary[];
  warnings: string[];
}

function summarize(root: string | undefined, loaded: LoadedSchema, shadows: SchemaLocation[]): SchemaSummary {
  const s = loaded.schema;
  return {
    name: loaded.location.name,
    description: s?.description?.trim() || null,
    version: s?.version ?? null,
    artifacts: s ? buildOrder(s.artifacts) : [],
    ...placeOf(root, loaded.location),
    shadows: shadows.map((l) => placeOf(root, l)),
    valid: s !== undefined,
  };
}

/** `specwright schemas`: every schema on the search path, by name; works outside a project too. */
export async function listSchemas(input: { cwd: string; env: Env }): Promise<ListSchemasResult> {
  const root = findProjectRoot(input.cwd);
  const schemas: SchemaSummary[] = [];
  const warnings: string[] = [];
  for (const [name, [first, ...shadows]] of listSchemaLocations(root?.path, input.env)) {
    if (!first) continue;
    const loaded = await loadSchema(first, root?.path);
    schemas.push(summarize(root?.path, loaded, shadows));
    if (!loaded.schema) warnings.push(`Schema '${name}' is invalid; run: specwright schema validate ${name}`);
  }
  return { root, schemas, warnings };
}

export interface WhichResult {
  root: ProjectRoot | undefined;
  change: string | null;
  selection: SchemaSelection;
  location: PlaceJson;
  shadows: PlaceJson[];
  warnings: string[];
}

/** `specwright schema which [name] [--change c]`: which schema applies, why, and where it was found. */
export async function whichSchema(input: {
  cwd: string;
  env: Env;
  name?: string;
  change?: string;
}): Promise<WhichResult> {
  const root = findProjectRoot(input.cwd);
  let selection: SchemaSelection;
  const warnings: string[] = [];
  if (input.name !== undefined) selection = { name: input.name, selectedBy: 'argument', selectedIn: null };
  else if (root) {
    if (input.change !== undefined) resolveChangeDir(root.path, input.change);
    const { config, warnings: w } = await readProjectConfig(root.path);
    warnings.push(...w);
    selection = await selectSchema(root.path, {
      ...(input.change ? { change: input.change } : {}),
      ...(config.schema ? { configSchema: config.schema } : {}),
    });
  } else if (input.change !== undefined) {
    throw new CliError('no_openspec_root', `No openspec/ directory found from ${input.cwd} upward.`, {
      fix: 'Run specwright init',
    });
  } else selection = { name: DEFAULT_SCHEMA, selectedBy: 'default', selectedIn: null };
  const { location, shadows } = locateSchema(root?.path, input.env, selection);
  return {
    root,
    change: input.change ?? null,
    selection,
    location: placeOf(root?.path, location),
    shadows: shadows.map((l) => placeOf(root?.path, l)),
    warnings,
  };
}

interface SchemaValidation {
  name: string;
  source: SchemaSource;
  path: string;
  valid: boolean;
  issues: Issue[];
}

/** `specwright schema validate [name]`: one schema (wherever it is found), or every schema on the search path. */
export async function validateSchemas(input: { cwd: string; env: Env; name?: string }) {
  const root = findProjectRoot(input.cwd)?.path;
  const locations =
    input.name !== undefined
      ? [
          locateSchema(root, input.env, { name: input.name, selectedBy: 'argument', selectedIn: null })
            .location,
        ]
      : [...listSchemaLocations(root, input.env).values()].flatMap((group) => group.slice(0, 1));
  const schemas: SchemaValidation[] = [];
  for (const loc of locations) {
    const loaded = await loadSchema(loc, root);
    const valid = !loaded.issues.some((i) => i.level === 'ERROR');
    schemas.push({ name: loc.name, ...placeOf(root, loc), valid, issues: loaded.issues });
  }
  return { root: findProjectRoot(input.cwd), valid: schemas.every((s) => s.valid), schemas };
}

export interface ScaffoldResult {
  root: ProjectRoot;
  schema: string;
  /** Root-relative folder written. */
  path: string;
  /** Root-relative files written, sorted. */
  files: string[];
  /** An existing folder was replaced (`--force`). */
  replaced: boolean;
}

function checkNewSchemaName(name: string): void {
  if (isSchemaName(name)) return;
  throw new CliError('invalid_schema_name', `'${name}' is not a valid schema name.`, {
    fix: 'Use kebab-case starting with a letter, e.g. my-workflow.',
  });
}

/** Write `files` (relative to the new schema folder) in one transaction; an existing folder needs `force`. */
async function writeSchemaFolder(
  root: ProjectRoot,
  name: string,
  files: { rel: string; content: string | Uint8Array }[],
  force: boolean,
): Promise<ScaffoldResult> {
  const dir = `${PROJECT_PATHS.schemas}/${name}`;
  const exists = existsSync(join(root.path, dir));
  if (exists && !force) {
    throw new CliError('schema_exists', `Schema folder ${dir}/ already exists.`, {
      fix: 'Pick another name, or pass --force to replace it.',
    });
  }
  const ops: FileOp[] = exists ? [{ kind: 'delete', path: dir }] : [];
  for (const f of files) ops.push({ kind: 'write', path: `${dir}/${f.rel}`, content: f.content });
  await applyFileTransaction(root.path, ops);
  const written = files.map((f) => `${dir}/${f.rel}`).sort(compareCodePoints);
  return { root, schema: name, path: dir, files: written, replaced: exists };
}

/**
 * `specwright schema init <name> [--artifacts a,b]`: a new project schema made of some or all of the
 * built-in spec-driven artifacts (dependencies rewired around the ones left out), with their templates.
 */
export async function initSchema(input: {
  cwd: string;
  env: Env;
  name: string;
  description?: string;
  artifacts?: string[];
  force: boolean;
}): Promise<ScaffoldResult & { artifacts: string[] }> {
  checkNewSchemaName(input.name);
  const root = requireProjectRoot(input.cwd);
  const builtin = findSchemaLocations(undefined, input.env, DEFAULT_SCHEMA).find(
    (l) => l.source === 'package',
  );
  if (!builtin) throw new CliError('assets_missing', `The built-in ${DEFAULT_SCHEMA} schema is missing.`);
  const { schema: base } = await requireValidSchema(undefined, builtin);
  const ids = base.artifacts.map((a) => a.id);
  const chosen = input.artifacts ?? ids;
  const unknown = chosen.filter((id) => !ids.includes(id));
  if (unknown.length > 0 || chosen.length === 0) {
    throw new CliError(
      'invalid_option',
      `--artifacts must name some of: ${ids.join(', ')} (got '${chosen.join(',')}').`,
      {
        exitCode: 2,
      },
    );
  }
  const schema = planSchemaSubset(base, input.name, chosen, input.description);
  const files: { rel: string; content: string }[] = [
    { rel: 'schema.yaml', content: await renderSchemaYaml(schema) },
  ];
  for (const a of schema.artifacts)
    files.push({ rel: `templates/${a.template}`, content: readTemplate(builtin, a.template, undefined) });
  const result = await writeSchemaFolder(root, input.name, files, input.force);
  return { ...result, artifacts: buildOrder(schema.artifacts) };
}

/** `specwright schema fork <source> [name]`: copy a schema from anywhere on the search path into the project. */
export async function forkSchema(input: {
  cwd: string;
  env: Env;
  source: string;
  name?: string;
  force: boolean;
}): Promise<ScaffoldResult & { source: PlaceJson & { name: string } }> {
  const root = requireProjectRoot(input.cwd);
  const name = input.name ?? `${input.source}-custom`;
  checkNewSchemaName(name);
  const sel: SchemaSelection = { name: input.source, selectedBy: 'argument', selectedIn: null };
  const { location } = locateSchema(root.path, input.env, sel);
  if (location.source === 'project' && name === input.source) {
    throw new CliError('schema_exists', `Cannot fork '${name}' onto itself.`, {
      fix: 'Give the copy another name.',
    });
  }
  // A copy of an invalid schema would be just as unusable: refuse before writing anything.
  await requireValidSchema(root.path, location);
  const files: { rel: string; content: string | Uint8Array }[] = [];
  for (const f of readSchemaFiles(location)) {
    const content =
      f.rel === 'schema.yaml' ? await renameSchemaYaml(f.bytes.toString('utf8'), name) : f.bytes;
    files.push({ rel: f.rel, content });
  }
  const result = await writeSchemaFolder(root, name, files, input.force);
  return { ...result, source: { name: input.source, ...placeOf(root.path, location) } };
}
