import { z } from 'zod';
import { checkRelativePath } from './paths.ts';

/** Upper bound on artifacts, so a hostile schema cannot make graph checks expensive. */
const MAX_ARTIFACTS = 1000;

/** Artifact ids are CLI arguments and config keys: lower-case words joined by `-` or `_`. */
const ARTIFACT_ID = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/** `instructions apply` and `instructions archive` name phases, so no artifact may take these ids. */
const RESERVED_ARTIFACT_IDS: readonly string[] = ['apply', 'archive'];

const SCHEMA_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function relativePath(field: string) {
  return z.string({ error: `${field} must be a string` }).superRefine((value, ctx) => {
    const problem = checkRelativePath(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${field} ${problem}` });
  });
}

const ArtifactIdSchema = z
  .string({ error: 'id must be a string' })
  .regex(ARTIFACT_ID, 'id must be lower-case letters and digits joined by - or _ (e.g. "design")')
  .refine((id) => !RESERVED_ARTIFACT_IDS.includes(id), {
    message: `id must not be one of ${RESERVED_ARTIFACT_IDS.join(', ')} (reserved by "instructions")`,
  });

/** One artifact of a workflow: a file (or set of files) the change folder must contain. */
const ArtifactSchema = z.object({
  id: ArtifactIdSchema,
  /** File name or glob relative to the change folder, e.g. `proposal.md` or `specs/**\/*.md`. */
  generates: relativePath('generates'),
  description: z.string({ error: 'description must be a string' }).min(1, 'description must not be empty'),
  /** Markdown file relative to the schema's `templates/` folder. */
  template: relativePath('template'),
  /** Guidance given to whoever writes the artifact. */
  instruction: z.string({ error: 'instruction must be a string' }).optional(),
  /** Ids of the artifacts that must exist first. */
  requires: z.array(z.string({ error: 'requires must list artifact ids' })).default([]),
});

/** The implementation phase: what must exist before it, and which file tracks its tasks. */
const ApplySchema = z.object({
  requires: z
    .array(z.string({ error: 'apply.requires must list artifact ids' }))
    .min(1, 'apply.requires needs at least one artifact id'),
  /** File or glob (relative to the change folder) holding the checkbox tasks; null = no tracking. */
  tracks: relativePath('apply.tracks').nullable().optional(),
  instruction: z.string({ error: 'apply.instruction must be a string' }).optional(),
});

/** `schema.yaml`: a workflow of artifacts and an optional apply phase. */
export const WorkflowSchemaFile = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .regex(SCHEMA_NAME, 'name must be kebab-case starting with a letter (e.g. "spec-driven")'),
  version: z
    .number({ error: 'version must be a number' })
    .int()
    .positive('version must be a positive integer'),
  description: z.string({ error: 'description must be a string' }).optional(),
  artifacts: z
    .array(ArtifactSchema, { error: 'artifacts must be a list' })
    .min(1, 'artifacts needs at least one artifact')
    .max(MAX_ARTIFACTS, `a schema may declare at most ${MAX_ARTIFACTS} artifacts`),
  apply: ApplySchema.optional(),
});

export type WorkflowSchema = z.infer<typeof WorkflowSchemaFile>;

/** Keys `schema.yaml` understands, per level; anything else is reported as a warning and ignored. */
export const KNOWN_KEYS = {
  top: ['name', 'version', 'description', 'artifacts', 'apply'],
  artifact: ['id', 'generates', 'description', 'template', 'instruction', 'requires'],
  apply: ['requires', 'tracks', 'instruction'],
} as const;

/** The ids every phase of `apply` needs: `apply.requires`, or every artifact when there is no apply block. */
export function applyRequires(schema: WorkflowSchema): string[] {
  return schema.apply ? [...schema.apply.requires] : schema.artifacts.map((a) => a.id);
}
