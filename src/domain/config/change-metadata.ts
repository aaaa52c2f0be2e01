import { z } from 'zod';

/**
 * `.openspec.yaml`, the per-change metadata file. Keys are snake_case because the file format is
 * OpenSpec's; `created_at` is our addition (OpenSpec ignores unknown keys, and so do we: they are kept).
 */
export const ChangeMetadataSchema = z.looseObject({
  /** Workflow schema the change follows, e.g. `spec-driven`. */
  schema: z.string().min(1),
  /** Local calendar day of creation. */
  created: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')
    .optional(),
  /** Exact creation instant (ISO 8601); lets `list` and `status` order changes created on the same day. */
  created_at: z.iso.datetime({ offset: true }).optional(),
  /** The change intentionally has no spec deltas. */
  skip_specs: z.boolean().optional(),
  /** Archive may delete a main spec that REMOVED operations leave without requirements. */
  retire_capabilities: z.boolean().optional(),
});

export type ChangeMetadata = z.infer<typeof ChangeMetadataSchema>;
