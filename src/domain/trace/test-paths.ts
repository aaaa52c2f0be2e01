/** A folder that holds tests: `test/`, `tests/`, `__tests__/`, `spec/`, `specs/`, `e2e/`. */
const TEST_DIR = /(?:^|\/)(?:tests?|__tests__|specs?|e2e)\//;
/** A test-named file: `x.test.ts`, `x.spec.js`, `x_test.go`, `x-test.mjs`, `test_x.py`, `XTest.java`. */
const TEST_FILE =
  /(?:[._-](?:test|spec)\.[^/]+|_test\.[^/.]+|(?:^|\/)test_[^/]+\.py|[a-z0-9]Tests?\.(?:java|kt|cs|swift))$/;

/**
 * Whether a root-relative path is a test file by the default rule (test-named files and files in test
 * folders). `trace.tests` in openspec/config.yaml replaces this rule with globs.
 */
export function isTestPath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path);
}

/** Files scanned by default are every listed file except Markdown (docs quote references as examples). */
export function isScannedByDefault(path: string): boolean {
  return !/\.mdx?$/i.test(path);
}
