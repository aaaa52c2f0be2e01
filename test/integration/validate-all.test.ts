import { describe, expect, it } from 'vitest';
import { runValidation } from '../../src/app/validate.ts';
import { ADD_AUTH_DELTA, AUTH_SPEC, modifyLogin, tempProjects } from '../helpers/tmp-project.ts';

const { project } = tempProjects();

/**
 * `validate --all` hands what its spec pass read (text and issues of the specs changes merge into) to
 * the change pass. Whatever it reuses, each item must come out exactly as when validated on its own.
 */
describe('validate --all shares the spec pass with the changes', () => {
  const root = project({
    // Warnings and an error of its own (no scenario), touched by two changes.
    'openspec/specs/auth/spec.md': AUTH_SPEC.replace(
      '## Requirements\n',
      '## Requirements\n### Requirement: Audit\nEvery login is recorded.\n\n',
    ),
    'openspec/specs/billing/spec.md': '',
    'openspec/specs/notes/spec.md': '# notes\n\n## Purpose\nShort.\n',
    'openspec/changes/add-auth/specs/auth/spec.md': ADD_AUTH_DELTA,
    'openspec/changes/add-lockout/specs/auth/spec.md': modifyLogin('Lockout'),
    'openspec/changes/fill-billing/specs/billing/spec.md':
      '## ADDED Requirements\n### Requirement: Invoices\nThe system SHALL bill.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n',
  });

  it('gives every spec and change item the issues of a separate run', async () => {
    const all = await runValidation(root, { all: true, strict: false });
    const specs = await runValidation(root, { specs: true, strict: false });
    const changes = await runValidation(root, { changes: true, strict: false });
    expect(all.items).toEqual([...changes.items, ...specs.items]);
    const auth = all.items.find((i) => i.id === 'auth');
    expect(auth?.issues.map((i) => i.rule)).toEqual(['requirement_no_keyword', 'requirement_no_scenario']);
    expect(all.items.find((i) => i.id === 'billing')?.issues.map((i) => i.rule)).toEqual(['spec_empty_file']);
  });

  it('matches one-item runs', async () => {
    const all = await runValidation(root, { all: true, strict: false });
    for (const item of all.items) {
      if (item.type === 'config') continue;
      const one = await runValidation(root, { item: item.id, type: item.type, strict: false });
      // A one-item run of a change has no other change to overlap with.
      const own = item.issues.filter((i) => i.rule !== 'change_overlap');
      expect(one.items[0]?.issues).toEqual(own);
    }
  });
});
