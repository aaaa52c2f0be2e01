// The flat `key: value` YAML that `.openspec.yaml` files almost always are, read without a YAML library.
// Anything else (comments, quotes, lists, nesting, CRs, numbers, null-like words, duplicate keys) is
// left to the library: `undefined` means "not flat, ask js-yaml". For what it accepts it must give
// exactly js-yaml's YAML 1.2 core-schema result; test/oracle/flat-yaml-oracle.test.ts checks that.

const LINE = /^([A-Za-z][A-Za-z0-9_]*):[ ]+(\S+)[ ]*$/;
/** Words and paths that start with a letter: plain strings, unless a core-schema literal (below). */
const WORD = /^[A-Za-z][A-Za-z0-9_.\-/]*$/;
/** Dates and ISO 8601 instants: strings in the core schema (it has no timestamp type). */
const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;
/**
 * Lower-case hex with a letter, such as the `base_commit` that `new change` writes: a string in the core
 * schema unless it reads as a number, which among these only `<digits>e<digits>` (a float) does.
 */
const HEX = /^[0-9a-f]*[a-f][0-9a-f]*$/;
const HEX_NUMBER = /^[0-9]+e[0-9]+$/;
/** Literals the core schema reads as null or booleans in other spellings: left to the library. */
const LITERAL = /^(?:null|Null|NULL|True|TRUE|False|FALSE)$/;

function flatValue(raw: string): string | boolean | undefined {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (INSTANT.test(raw)) return raw;
  if (WORD.test(raw) && !LITERAL.test(raw)) return raw;
  if (HEX.test(raw) && !HEX_NUMBER.test(raw)) return raw;
  return undefined;
}

/** The mapping of a flat `key: value` document, or undefined when the text is anything more. */
export function parseFlatYaml(text: string): Record<string, string | boolean> | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const data: Record<string, string | boolean> = {};
  let keys = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const key = m[1] as string;
    const value = flatValue(m[2] as string);
    if (value === undefined || Object.hasOwn(data, key)) return undefined;
    data[key] = value;
    keys++;
  }
  return keys > 0 ? data : undefined;
}
