/** Every workflow Specwright renders for assistants, in the order they are listed and generated. */
export const WORKFLOW_IDS = [
  'propose',
  'explore',
  'new',
  'continue',
  'ff',
  'apply',
  'verify',
  'sync',
  'archive',
  'bulk-archive',
  'onboard',
] as const;

export type WorkflowId = (typeof WORKFLOW_IDS)[number];

/** The `core` profile: the workflows most projects need. */
export const CORE_WORKFLOWS: readonly WorkflowId[] = ['propose', 'explore', 'apply', 'sync', 'archive'];

export const PROFILES = ['core', 'custom'] as const;
export type Profile = (typeof PROFILES)[number];

/** What is generated per tool: skills, slash-command files, or both. */
export const DELIVERIES = ['skills', 'commands', 'both'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Prefix of every skill folder and command name (`sw-propose`, `/sw:propose`). */
const NAMESPACE = 'sw';

export function isWorkflowId(value: string): value is WorkflowId {
  return (WORKFLOW_IDS as readonly string[]).includes(value);
}

/** The Agent Skills name (and folder) of a workflow's skill: `sw-propose`. */
export function skillName(workflow: WorkflowId): string {
  return `${NAMESPACE}-${workflow}`;
}

/**
 * The workflows a profile selects, in canonical order: `core` is fixed; `custom` is the given list
 * (duplicates dropped). Unknown ids are the caller's to reject (see `parseWorkflowList`).
 */
export function resolveWorkflows(profile: Profile, custom: readonly WorkflowId[] | undefined): WorkflowId[] {
  const chosen = new Set<WorkflowId>(profile === 'core' ? CORE_WORKFLOWS : (custom ?? CORE_WORKFLOWS));
  return WORKFLOW_IDS.filter((id) => chosen.has(id));
}

/** A comma-separated workflow list, or the unknown names in it. */
export function parseWorkflowList(
  value: string,
): { ok: true; workflows: WorkflowId[] } | { ok: false; unknown: string[] } {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !isWorkflowId(n));
  if (unknown.length > 0) return { ok: false, unknown };
  const set = new Set(names);
  return { ok: true, workflows: WORKFLOW_IDS.filter((id) => set.has(id)) };
}
