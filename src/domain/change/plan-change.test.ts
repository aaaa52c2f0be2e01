import { describe, expect, it } from 'vitest';
import { authChangeInput } from '../../../test/helpers/change-input.ts';
import { AUTH_SPEC } from '../../../test/helpers/tmp-project.ts';
import { planChange } from './plan-change.ts';

function plan(deltaText: string, linkedFolders?: string[]) {
  return planChange(authChangeInput(deltaText, AUTH_SPEC, linkedFolders ? { linkedFolders } : {}));
}

const ADDED =
  '## ADDED Requirements\n### Requirement: A\nThe system SHALL a.\n\n#### Scenario: s\n- **WHEN** x\n- **THEN** y\n';

describe('planChange', () => {
  it('does not merge a delta holding a header Markdown reads as text (one error, not a second one for the result)', () => {
    const { issues, merges } = plan(`${ADDED}\n###Requirement: B\nThe system SHALL b.\n`);
    expect(issues.map((i) => i.rule)).toEqual(['heading_without_space']);
    expect(merges).toEqual([]);
  });

  it('reports a linked folder under specs/ and still plans the real deltas', () => {
    const { issues, merges } = plan(ADDED, ['openspec/changes/c/specs/billing']);
    expect(issues.map((i) => [i.rule, i.file])).toEqual([
      ['delta_linked_folder', 'openspec/changes/c/specs/billing'],
    ]);
    expect(merges.map((m) => m.action)).toEqual(['update']);
  });
});
