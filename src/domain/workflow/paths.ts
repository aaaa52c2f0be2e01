/** Characters that make a `generates` value a glob rather than one file name. */
const GLOB_CHARS = /[*?[\]{}]/;

/** Whether `pattern` is a glob (`specs/**\/*.md`) rather than a plain relative file path. */
export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

function balanced(value: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of value) {
    if (ch === open) depth++;
    else if (ch === close && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Why `value` is not an acceptable relative path or glob inside a directory (a change folder for
 * `generates`, a schema's `templates/` for `template`), or undefined when it is fine. Stricter than
 * OpenSpec, which also accepts `./x`, backslashes and `a//b`: each of those has one spelling here, so
 * two schemas never disagree about which file an artifact is.
 */
export function checkRelativePath(value: string): string | undefined {
  if (value === '') return 'must not be empty';
  if (value.includes('\0')) return 'must not contain a NUL character';
  if (value.includes('\\')) return 'must use forward slashes (/), not backslashes';
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value))
    return 'must be a relative path, not an absolute one';
  const segments = value.split('/');
  if (segments.includes('..')) return "must not contain '..' (it would leave its directory)";
  if (segments.includes('.')) return "must not contain '.' segments";
  if (segments.includes('')) return 'must not contain empty segments or end with /';
  if (!balanced(value, '{', '}')) return 'has unbalanced braces { }';
  if (!balanced(value, '[', ']')) return 'has unbalanced brackets [ ]';
  return undefined;
}
