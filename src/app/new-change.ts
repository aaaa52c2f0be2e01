import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../domain/errors.ts';
import { formatLocalDate } from '../domain/local-date.ts';
import { checkChangeName, DEFAULT_SCHEMA, isSchemaName } from '../domain/names.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { changeMetadataPath, renderChangeMetadata } from '../io/change-meta.ts';
import { headCommit } from '../io/git.ts';
import { changePath, findProjectRoot, type ProjectRoot } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { checkSchemaName, findSchemaLocations, listSchemaLocations } from '../io/schemas.ts';
import { planSkeleton } from './init.ts';
import { requireValidSchema } from './schemas.ts';

export interface NewChangeInput {
  cwd: string;
  name: string;
  /** Written to README.md when given. */
  description?: string;
  /** Workflow schema; default the project config's `schema`, else `spec-driven`. */
  schema?: string;
  now: Date;
  /** Environment for the user schema directory (XDG_DATA_HOME, HOME). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface NewChangeResult {
  root: ProjectRoot;
  change: {
    id: string;
    /** Root-relative POSIX path of the change directory. */
    path: string;
    /** Root-relative POSIX path of `.openspec.yaml`. */
    metadataPath: string;
    schema: string;
  };
  /** Skeleton items created because no project existed (`root.source === 'implicit'`); else empty. */
  createdSkeleton: string[];
  /** Root-relative paths written for the change. */
  files: string[];
  /** Non-fatal problems, e.g. an invalid field in openspec/config.yaml. */
  warnings: string[];
}

/**
 * Resolve the schema name through the shared lookup (project, user data dir, built-ins). Also says
 * whether the schema writes delta specs at all: a change of a schema without them is `skip_specs`.
 */
async function resolveSchema(
  input: NewChangeInput,
  rootPath: string,
  name: string,
): Promise<{ name: string; writesSpecs: boolean }> {
  const env = input.env ?? {};
  const found = isSchemaName(name) ? findSchemaLocations(rootPath, env, name)[0] : undefined;
  if (found) {
    // An invalid schema is refused here, before anything is written, as status and instructions would.
    const { schema } = await requireValidSchema(rootPath, found);
    return { name, writesSpecs: schema.artifacts.some((a) => a.generates.startsWith('specs/')) };
  }
  const available = [...listSchemaLocations(rootPath, env).keys()];
  throw new CliError(
    'unknown_schema',
    `Schema '${name}' not found. Available schemas: ${available.join(', ')}`,
    {
      fix:
        input.schema !== undefined
          ? `Use --schema ${available[0] ?? DEFAULT_SCHEMA}, or add openspec/schemas/${name}/schema.yaml.`
          : "Fix the 'schema' field in openspec/config.yaml.",
    },
  );
}

function assertChangeIsNew(rootPath: string, name: string): void {
  try {
    lstatSync(join(rootPath, changePath(name)));
  } catch {
    return;
  }
  throw new CliError('change_exists', `Change '${name}' already exists at ${changePath(name)}/`, {
    fix: 'Pick another name, or continue working in the existing change.',
  });
}

/**
 * `specwright new change <name>`: validate everything first (name, schema, no existing change), then
 * create the change directory, `.openspec.yaml` and optional README.md in one transaction. Outside any
 * project, the `openspec/` skeleton is created in `cwd` within the same transaction.
 */
export async function createChange(input: NewChangeInput): Promise<NewChangeResult> {
  const problem = checkChangeName(input.name);
  if (problem)
    throw new CliError('invalid_change_name', problem, { fix: 'Use kebab-case, e.g. add-user-auth.' });
  if (input.schema !== undefined) checkSchemaName(input.schema);
  const root: ProjectRoot = findProjectRoot(input.cwd) ?? { path: resolve(input.cwd), source: 'implicit' };
  const skeleton = root.source === 'implicit' ? planSkeleton(root.path) : { ops: [], created: [] };
  const { config, warnings } = await readProjectConfig(root.path);
  const { name: schema, writesSpecs } = await resolveSchema(
    input,
    root.path,
    input.schema ?? config.schema ?? DEFAULT_SCHEMA,
  );
  assertChangeIsNew(root.path, input.name);

  const dir = changePath(input.name);
  const metadataPath = changeMetadataPath(input.name);
  // The commit the change starts from: `trace <change>` lists the files touched since then.
  const baseCommit = await headCommit(root.path);
  const metadata = await renderChangeMetadata({
    schema,
    created: formatLocalDate(input.now),
    created_at: input.now.toISOString(),
    ...(writesSpecs ? {} : { skip_specs: true }),
    ...(baseCommit ? { base_commit: baseCommit } : {}),
  });
  const files = [metadataPath];
  const writes: FileOp[] = [{ kind: 'write', path: metadataPath, content: metadata }];
  if (input.description !== undefined) {
    files.push(`${dir}/README.md`);
    writes.push({
      kind: 'write',
      path: `${dir}/README.md`,
      content: `# ${input.name}\n\n${input.description}\n`,
    });
  }
  await applyFileTransaction(root.path, [...skeleton.ops, { kind: 'mkdir', path: dir }, ...writes]);
  return {
    root,
    change: { id: input.name, path: dir, metadataPath, schema },
    createdSkeleton: skeleton.created,
    files,
    warnings,
  };
}
