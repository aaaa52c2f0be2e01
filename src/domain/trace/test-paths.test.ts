import { describe, expect, it } from 'vitest';
import { isScannedByDefault, isTestPath } from './test-paths.ts';

describe('isTestPath', () => {
  it.each([
    ['test/login.mjs', true],
    ['packages/api/tests/x.py', true],
    ['src/__tests__/a.js', true],
    ['src/login.test.ts', true],
    ['src/login.spec.js', true],
    ['pkg/login_test.go', true],
    ['tests_helpers.py', false],
    ['test_login.py', true],
    ['src/LoginTest.java', true],
    ['src/login.ts', false],
    ['src/testing/util.ts', false],
    ['src/contest.ts', false],
  ])('%s → %s', (path, expected) => {
    expect(isTestPath(path)).toBe(expected);
  });

  it('leaves Markdown out of the default scan', () => {
    expect(isScannedByDefault('docs/x.md')).toBe(false);
    expect(isScannedByDefault('src/x.ts')).toBe(true);
  });
});
