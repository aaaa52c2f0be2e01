import { describe, expect, it } from 'vitest';
import { checkChangeName, isSchemaName } from './names.ts';

describe('checkChangeName', () => {
  it.each(['add-auth', '100-add-feature', '42', 'a', 'x'.repeat(200)])('accepts %s', (name) => {
    expect(checkChangeName(name)).toBeUndefined();
  });

  it.each([
    ['', 'Change name cannot be empty'],
    ['x'.repeat(201), 'Change name is too long (200 characters max)'],
    ['Add-Auth', 'Change name must be lowercase (use kebab-case)'],
    ['add auth', 'Change name cannot contain spaces (use hyphens instead)'],
    ['add_auth', 'Change name cannot contain underscores (use hyphens instead)'],
    ['-add', 'Change name cannot start with a hyphen'],
    ['add-', 'Change name cannot end with a hyphen'],
    ['add--auth', 'Change name cannot contain consecutive hyphens'],
    ['../x', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['a/b', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['.', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['caf\u00e9', 'Change name can only contain lowercase letters, numbers, and hyphens'],
    ['archive', "Change name 'archive' is reserved (openspec/changes/archive/ holds archived changes)"],
  ])('rejects %j: %s', (name, message) => {
    expect(checkChangeName(name)).toBe(message);
  });
});

describe('isSchemaName', () => {
  it.each([
    ['spec-driven', true],
    ['tdd2', true],
    ['2fast', false],
    ['../x', false],
    ['a/b', false],
    ['spec-driven.yaml', false],
    ['C:', false],
  ])('%s -> %s', (name, ok) => {
    expect(isSchemaName(name)).toBe(ok);
  });
});
