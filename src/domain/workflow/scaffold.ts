import type { WorkflowSchema } from './schema.ts';

/**
 * A new schema named `name` made of the `chosen` artifacts of `base`, in base order. An artifact that
 * required a left-out one requires what that one required instead (transitively), so `tasks` of
 * proposal+tasks still comes after proposal. `apply` is kept when all of its requirements survive or
 * can be rewired; otherwise it requires the last chosen artifact.
 */
export function planSchemaSubset(
  base: WorkflowSchema,
  name: string,
  chosen: readonly string[],
  description?: string,
): WorkflowSchema {
  const byId = new Map(base.artifacts.map((a) => [a.id, a]));
  const keep = new Set(chosen);
  const rewire = (ids: readonly string[]): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      if (keep.has(id)) out.push(id);
      else for (const r of byId.get(id)?.requires ?? []) visit(r);
    };
    for (const id of ids) visit(id);
    return out;
  };
  const artifacts = base.artifacts
    .filter((a) => keep.has(a.id))
    .map((a) => ({ ...a, requires: rewire(a.requires) }));
  const schema: WorkflowSchema = {
    name,
    version: 1,
    description: description ?? `Custom workflow: ${artifacts.map((a) => a.id).join(' → ')}`,
    artifacts,
  };
  if (base.apply) {
    const requires = rewire(base.apply.requires);
    const last = artifacts[artifacts.length - 1]?.id;
    const tracks = base.apply.tracks;
    const tracked = tracks && artifacts.some((a) => a.generates === tracks) ? tracks : null;
    schema.apply = {
      ...base.apply,
      requires: requires.length > 0 ? requires : last ? [last] : [],
      tracks: tracked,
    };
  }
  return schema;
}
