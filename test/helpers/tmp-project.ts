import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** Create a temp project from `{ relativePath: content }`; returns its absolute root. */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'specwright-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  mkdirSync(join(root, 'openspec', 'specs'), { recursive: true });
  mkdirSync(join(root, 'openspec', 'changes', 'archive'), { recursive: true });
  return root;
}

/** Every file under `root` with its bytes (base64), keyed by POSIX path, plus every directory. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        out[`${child}/`] = 'dir';
        walk(child);
      } else if (e.isSymbolicLink()) out[child] = `link:${readlinkSync(join(root, child))}`;
      else out[child] = readFileSync(join(root, child)).toString('base64');
    }
  };
  walk('');
  return out;
}

/** `snapshotTree` of the project's own files, git's left out: to check that a command wrote nothing. */
export function snapshotProjectFiles(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(root)).filter(([k]) => !k.startsWith('.git/')));
}

export function read(root: string, rel: string): string {
  return readFileSync(join(root, rel), 'utf8');
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * For a test file: a `project(files)` maker whose temp dirs are removed after each test, and `track`
 * for other temp dirs the test creates.
 */
export function tempProjects() {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) removeProject(r);
  });
  const track = (dir: string) => {
    roots.push(dir);
    return dir;
  };
  return { project: (files: Record<string, string>) => track(makeProject(files)), track };
}

const PURPOSE = 'Authentication for the web application, covering login, logout and session handling.';

/** Reference fixture F1: one capability `auth` with two requirements. */
export const AUTH_SPEC = `# auth Specification

## Purpose
${PURPOSE}

## Requirements
### Requirement: User Login
The system SHALL allow users to log in with email and password.

#### Scenario: Valid credentials
- **WHEN** a user submits valid credentials
- **THEN** a session is created

#### Scenario: Invalid credentials
- **WHEN** a user submits a wrong password
- **THEN** an error is shown

### Requirement: Logout
The system SHALL allow users to log out.

#### Scenario: Logout clears session
- **WHEN** a user logs out
- **THEN** the session is destroyed
`;

/** Reference fixture F2's delta: ADDED, MODIFIED (all scenarios kept), RENAMED. */
export const ADD_AUTH_DELTA = `## ADDED Requirements

### Requirement: Two-Factor Authentication
The system MUST require a one-time code after password verification.

#### Scenario: OTP required
- **WHEN** a user passes the password step
- **THEN** an OTP prompt is shown

## MODIFIED Requirements

### Requirement: User Login
The system SHALL allow users to log in with email, password and OTP.

#### Scenario: Valid credentials
- **WHEN** a user submits valid credentials
- **THEN** a session is created

#### Scenario: Invalid credentials
- **WHEN** a user submits a wrong password
- **THEN** an error is shown

## RENAMED Requirements
- FROM: \`### Requirement: Logout\`
- TO: \`### Requirement: Sign Out\`
`;

/** F2: F1 plus the change `add-auth` (one of two tasks done). */
export function f2Files(): Record<string, string> {
  return {
    'openspec/config.yaml': 'schema: spec-driven\n',
    'openspec/specs/auth/spec.md': AUTH_SPEC,
    'openspec/changes/add-auth/.openspec.yaml': 'schema: spec-driven\ncreated: 2026-01-01\n',
    'openspec/changes/add-auth/proposal.md':
      '# Add two-factor authentication\n\n## Why\nPasswords alone are not enough to protect accounts from takeover.\n\n## What Changes\n- Add OTP\n',
    'openspec/changes/add-auth/tasks.md':
      '## 1. Implementation\n- [x] 1.1 Add OTP table\n- [ ] 1.2 Add OTP UI\n',
    'openspec/changes/add-auth/specs/auth/spec.md': ADD_AUTH_DELTA,
  };
}

/** F1's `User Login` block, its trailing blank line included. */
const LOGIN_BLOCK = AUTH_SPEC.slice(
  AUTH_SPEC.indexOf('### Requirement: User Login'),
  AUTH_SPEC.indexOf('### Requirement: Logout'),
);

/** A MODIFIED delta of F1's `User Login` that keeps both scenarios and adds one named `extra`. */
export function modifyLogin(extra: string): string {
  return `## MODIFIED Requirements

${LOGIN_BLOCK}#### Scenario: ${extra}
- **WHEN** ${extra.toLowerCase()} happens
- **THEN** it is handled
`;
}
