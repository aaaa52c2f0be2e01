/** The built-in workflow schema, used when neither a flag, the change metadata nor the project config names one. */
export const DEFAULT_SCHEMA = 'spec-driven';

/** Longest change name accepted at creation (OpenSpec's limit). */
const MAX_CHANGE_NAME_LENGTH = 200;

const CHANGE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SCHEMA_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Why a new change name is unacceptable, or undefined when it is fine.
 * The checks and their order match OpenSpec's `validateChangeName`, so users see the same first complaint;
 * the kebab grammar also rules out `.`, `..`, separators and NUL, which keeps names safe as directory names.
 */
export function checkChangeName(name: string): string | undefined {
  if (name.length === 0) return 'Change name cannot be empty';
  if (name.length > MAX_CHANGE_NAME_LENGTH) return 'Change name is too long (200 characters max)';
  if (name === 'archive')
    return "Change name 'archive' is reserved (openspec/changes/archive/ holds archived changes)";
  if (CHANGE_NAME.test(name)) return undefined;
  if (/[A-Z]/.test(name)) return 'Change name must be lowercase (use kebab-case)';
  if (/\s/.test(name)) return 'Change name cannot contain spaces (use hyphens instead)';
  if (name.includes('_')) return 'Change name cannot contain underscores (use hyphens instead)';
  if (name.startsWith('-')) return 'Change name cannot start with a hyphen';
  if (name.endsWith('-')) return 'Change name cannot end with a hyphen';
  if (name.includes('--')) return 'Change name cannot contain consecutive hyphens';
  return 'Change name can only contain lowercase letters, numbers, and hyphens';
}

/** Whether `name` may name a workflow schema directory (no separators, dots or drive letters can pass). */
export function isSchemaName(name: string): boolean {
  return SCHEMA_NAME.test(name);
}
