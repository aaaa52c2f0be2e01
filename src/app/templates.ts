import { join } from 'node:path';
import { DEFAULT_SCHEMA } from '../domain/names.ts';
import { buildOrder } from '../domain/workflow/graph.ts';
import { findProjectRoot, type ProjectRoot } from '../io/project.ts';
import { readProjectConfig } from '../io/project-config.ts';
import { displayPath } from '../io/schemas.ts';
import { resolveChangeDir } from './resolve-item.ts';
import {
  locateSchema,
  type PlaceJson,
  placeOf,
  requireValidSchema,
  type SchemaSelection,
  selectSchema,
} from './schemas.ts';

type Env = Readonly<Record<string, string | undefined>>;

interface TemplateEntry {
  artifact: string;
  /** The `template` value of schema.yaml, relative to the schema's `templates/`. */
  template: string;
  /** Where the file is: root-relative inside the project, else absolute. */
  path: string;
  absolutePath: string;
}

export interface TemplatesResult {
  root: ProjectRoot | undefined;
  schema: SchemaSelection & PlaceJson;
  templates: TemplateEntry[];
  warnings: string[];
}

async function selection(root: ProjectRoot | undefined, input: { schema?: string; change?: string }) {
  if (input.schema !== undefined)
    return { sel: { name: input.schema, selectedBy: 'flag' as const, selectedIn: null }, warnings: [] };
  if (!root)
    return { sel: { name: DEFAULT_SCHEMA, selectedBy: 'default' as const, selectedIn: null }, warnings: [] };
  if (input.change !== undefined) resolveChangeDir(root.path, input.change);
  const { config, warnings } = await readProjectConfig(root.path);
  const sel = await selectSchema(root.path, {
    ...(input.change !== undefined ? { change: input.change } : {}),
    ...(config.schema !== undefined ? { configSchema: config.schema } : {}),
  });
  return { sel, warnings };
}

/** `specwright templates [--schema s] [--change c]`: the template file of every artifact, in build order. */
export async function listTemplates(input: {
  cwd: string;
  env: Env;
  schema?: string;
  change?: string;
}): Promise<TemplatesResult> {
  const root = findProjectRoot(input.cwd);
  const { sel, warnings } = await selection(root, input);
  const { location } = locateSchema(root?.path, input.env, sel);
  const { schema, warnings: schemaWarnings } = await requireValidSchema(root?.path, location);
  const byId = new Map(schema.artifacts.map((a) => [a.id, a]));
  const templates = buildOrder(schema.artifacts).map((id): TemplateEntry => {
    const template = byId.get(id)?.template as string;
    const absolutePath = join(location.dir, 'templates', template);
    return { artifact: id, template, path: displayPath(root?.path, absolutePath), absolutePath };
  });
  return {
    root,
    schema: { ...sel, ...placeOf(root?.path, location) },
    templates,
    warnings: [...warnings, ...schemaWarnings],
  };
}
