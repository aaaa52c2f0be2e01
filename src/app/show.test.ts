import { describe, expect, it } from 'vitest';
import { f2Files, tempProjects } from '../../test/helpers/tmp-project.ts';
import { showChange, showSpec } from './show.ts';

const { project } = tempProjects();

describe('reference strings in show', () => {
  it('gives each requirement and scenario of a spec its capability#Requirement[/Scenario] reference', () => {
    const spec = showSpec(project(f2Files()), 'auth');
    expect(spec.requirements.map((r) => [r.ref, r.scenarios.map((s) => s.ref)])).toEqual([
      ['auth#User Login', ['auth#User Login/Valid credentials', 'auth#User Login/Invalid credentials']],
      ['auth#Logout', ['auth#Logout/Logout clears session']],
    ]);
  });

  it('gives delta requirements their references too', async () => {
    const change = await showChange(project(f2Files()), 'add-auth');
    expect(change.deltas.flatMap((d) => (d.requirement ? [d.requirement.ref] : []))).toEqual([
      'auth#Two-Factor Authentication',
      'auth#User Login',
    ]);
    expect(change.deltas[0]?.requirement?.scenarios[0]?.ref).toBe(
      'auth#Two-Factor Authentication/OTP required',
    );
  });
});
