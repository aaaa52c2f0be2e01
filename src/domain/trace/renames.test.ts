import { describe, expect, it } from 'vitest';
import { parseDelta } from '../change/delta.ts';
import { parseCoverRef } from '../plan/task-meta.ts';
import { explainFromHistory, followRenames, type NameEvent, nameEventsOf } from './renames.ts';
import { buildSpecIndex } from './spec-index.ts';

const RENAME_DELTA = `## MODIFIED Requirements
### Requirement: Sign In

#### RENAMED Scenario: Valid credentials -> Successful sign-in

#### REMOVED Scenario: Legacy login

## REMOVED Requirements
### Requirement: Remember Me
**Reason**: replaced
**Migration**: none

## RENAMED Requirements
- FROM: \`### Requirement: User Login\`
- TO: \`### Requirement: Sign In\`
`;

const events = nameEventsOf('2026-01-02-rename-login', parseDelta(RENAME_DELTA, 'auth', 'd.md'));

describe('nameEventsOf', () => {
  it('lists requirement renames and removals, then scenario operations under the new name', () => {
    expect(events).toEqual([
      {
        kind: 'requirement-renamed',
        change: '2026-01-02-rename-login',
        capability: 'auth',
        from: 'User Login',
        to: 'Sign In',
      },
      {
        kind: 'requirement-removed',
        change: '2026-01-02-rename-login',
        capability: 'auth',
        name: 'Remember Me',
      },
      {
        kind: 'scenario-renamed',
        change: '2026-01-02-rename-login',
        capability: 'auth',
        requirement: 'Sign In',
        from: 'Valid credentials',
        to: 'Successful sign-in',
      },
      {
        kind: 'scenario-removed',
        change: '2026-01-02-rename-login',
        capability: 'auth',
        requirement: 'Sign In',
        name: 'Legacy login',
      },
    ]);
  });
});

describe('followRenames', () => {
  it('follows a chain of renames, ignoring case', () => {
    const chain: NameEvent[] = [
      { kind: 'requirement-renamed', change: 'a', capability: 'auth', from: 'Login', to: 'Sign In' },
      { kind: 'requirement-renamed', change: 'b', capability: 'other', from: 'Sign In', to: 'X' },
      { kind: 'requirement-renamed', change: 'c', capability: 'auth', from: 'sign in', to: 'Session Start' },
    ];
    expect(followRenames(chain, 'auth', 'LOGIN')).toEqual({
      requirement: 'Session Start',
      renamedBy: ['a', 'c'],
    });
    expect(followRenames(chain, 'auth', 'Logout')).toBeUndefined();
  });

  it('follows a requirement and a scenario rename of one change, and stops at a removal', () => {
    expect(followRenames(events, 'auth', 'User Login', 'valid credentials')).toEqual({
      requirement: 'Sign In',
      scenario: 'Successful sign-in',
      renamedBy: ['2026-01-02-rename-login', '2026-01-02-rename-login'],
    });
    expect(followRenames(events, 'auth', 'User Login', 'Legacy login')).toMatchObject({
      removedBy: '2026-01-02-rename-login',
    });
    expect(followRenames(events, 'auth', 'Remember Me')).toMatchObject({
      removedBy: '2026-01-02-rename-login',
    });
  });
});

describe('explainFromHistory', () => {
  const index = buildSpecIndex([
    {
      capability: 'auth',
      requirements: [{ name: 'Sign In', scenarios: ['Successful sign-in', 'Bad password'] }],
    },
  ]);
  const ref = (t: string) => parseCoverRef(t) ?? { ref: t, capability: '', target: '' };

  it('gives the new reference when renames lead to a name that exists', () => {
    expect(explainFromHistory(index, events, ref('auth#user login/Valid credentials'))).toEqual({
      verdict: 'renamed',
      ref: 'auth#Sign In/Successful sign-in',
      renamedBy: ['2026-01-02-rename-login'],
    });
    expect(explainFromHistory(index, events, ref('auth#User Login/Bad password'))).toMatchObject({
      ref: 'auth#Sign In/Bad password',
    });
    expect(explainFromHistory(index, events, ref('auth#User Login'))).toMatchObject({ ref: 'auth#Sign In' });
  });

  it('says when the name was removed, and nothing when history does not know it', () => {
    expect(explainFromHistory(index, events, ref('auth#Remember Me/Checkbox'))).toEqual({
      verdict: 'removed',
      removedBy: '2026-01-02-rename-login',
    });
    expect(explainFromHistory(index, events, ref('auth#Unknown/X'))).toBeUndefined();
  });
});
