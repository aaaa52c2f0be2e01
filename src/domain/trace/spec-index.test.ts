import { describe, expect, it } from 'vitest';
import { parseDelta } from '../change/delta.ts';
import { parseCoverRef } from '../plan/task-meta.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import {
  buildSpecIndex,
  deltaNames,
  formatRef,
  requirementNames,
  resolveRef,
  scenarioKey,
  scenariosOf,
} from './spec-index.ts';

const AUTH = `# auth

## Purpose
Authentication for the web application, covering login and logout.

## Requirements
### Requirement: User Login
The system SHALL let users log in.

#### Scenario: Valid credentials
- **WHEN** valid
- **THEN** ok

#### Scenario: Invalid credentials
- **WHEN** invalid
- **THEN** error

### Requirement: Input/Output
The system SHALL echo.

#### Scenario: Echo
- **WHEN** x
- **THEN** x
`;

const main = [{ capability: 'auth', requirements: requirementNames(parseSpec(AUTH).requirements) }];
const index = buildSpecIndex(main);
const ref = (text: string) => {
  const r = parseCoverRef(text);
  if (!r) throw new Error(`not a reference: ${text}`);
  return r;
};

describe('resolveRef', () => {
  it.each([
    ['auth#User Login', { kind: 'requirement', capability: 'auth', requirement: 'User Login' }],
    [
      'auth#user login / valid credentials ',
      { kind: 'scenario', capability: 'auth', requirement: 'User Login', scenario: 'Valid credentials' },
    ],
    ['auth#Input/Output', { kind: 'requirement', capability: 'auth', requirement: 'Input/Output' }],
    [
      'auth#Input/Output/Echo',
      { kind: 'scenario', capability: 'auth', requirement: 'Input/Output', scenario: 'Echo' },
    ],
  ])('%s resolves', (text, resolved) => {
    expect(resolveRef(index, ref(text))).toEqual({ resolved });
  });

  it('explains what is missing, with close names as references', () => {
    expect(resolveRef(index, ref('auht#User Login'))).toEqual({
      missing: 'capability',
      problem: 'there is no capability "auht"',
      suggestions: ['auth'],
    });
    expect(resolveRef(index, ref('auth#User Logn/Valid credentials'))).toMatchObject({
      missing: 'requirement',
      problem: 'auth has no requirement "User Logn"',
      suggestions: ['auth#User Login'],
    });
    expect(resolveRef(index, ref('auth#User Login/Valid credential'))).toEqual({
      missing: 'scenario',
      problem: 'requirement "User Login" of auth has no scenario "Valid credential"',
      suggestions: ['auth#User Login/Valid credentials', 'auth#User Login/Invalid credentials'],
    });
  });
});

describe('index entries', () => {
  it('lists every scenario once with its reference string', () => {
    expect(scenariosOf(main).map((s) => s.ref)).toEqual([
      'auth#User Login/Valid credentials',
      'auth#User Login/Invalid credentials',
      'auth#Input/Output/Echo',
    ]);
    expect(formatRef('auth', 'User Login')).toBe('auth#User Login');
    expect(scenarioKey('auth', ' User Login', 'Valid Credentials ')).toBe(
      'auth#user login/valid credentials',
    );
  });

  it('adds a change’s ADDED, MODIFIED and renamed requirements (renames keep their scenarios)', () => {
    const delta = parseDelta(
      `## ADDED Requirements
### Requirement: Two-Factor
The system MUST ask for a code.

#### Scenario: Code required
- **WHEN** x
- **THEN** y

## MODIFIED Requirements
### Requirement: User Login

#### RENAMED Scenario: Valid credentials -> Successful sign-in

## RENAMED Requirements
- FROM: \`### Requirement: Input/Output\`
- TO: \`### Requirement: Echo Service\`
`,
      'auth',
      'd.md',
    );
    const names = deltaNames(delta, main[0]?.requirements ?? []);
    expect(names.requirements).toEqual([
      { name: 'Two-Factor', scenarios: ['Code required'] },
      { name: 'User Login', scenarios: ['Valid credentials', 'Successful sign-in'] },
      { name: 'Echo Service', scenarios: ['Echo'] },
    ]);
    const withChange = buildSpecIndex([...main, names]);
    expect(resolveRef(withChange, ref('auth#Echo Service/Echo'))).toHaveProperty('resolved');
    expect(resolveRef(withChange, ref('auth#User Login/Successful sign-in'))).toHaveProperty('resolved');
    expect(resolveRef(withChange, ref('auth#User Login/Invalid credentials'))).toHaveProperty('resolved');
  });
});
