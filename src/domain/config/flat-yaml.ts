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

/** A top-level literal or folded block scalar header, such as `context: |` (no indentation indicator). */
const BLOCK_HEADER = /^([A-Za-z][A-Za-z0-9_]*):[ ]+[|>][+-]?[ ]*$/;

/** Outside YAML's printable set, or a byte order mark: a file holding one is left to the parser. */
function isUnusual(c: number): boolean {
  if (c < 0x20) return c !== 0x0a && c !== 0x09;
  if (c === 0x7f || (c >= 0x80 && c <= 0x9f)) return true;
  return c === 0xfeff || c === 0xfffe || c === 0xffff;
}

/**
 * The index of the first line after the block scalar whose content starts at `start`, or undefined when
 * its indentation is anything but plain (content less indented than its first line, leading blank
 * lines deeper than it, blank lines without content).
 */
function blockEnd(lines: readonly string[], start: number): number | undefined {
  let indent = 0;
  let leadingBlank = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const spaces = (/^[ ]*/.exec(line) as RegExpExecArray)[0].length;
    if (spaces === line.length) {
      if (indent === 0) leadingBlank = Math.max(leadingBlank, spaces);
      continue;
    }
    if (indent === 0) {
      if (spaces === 0) break;
      if (leadingBlank > spaces) return undefined;
      indent = spaces;
    } else if (spaces === 0) break;
    else if (spaces < indent) return undefined;
  }
  return indent === 0 && leadingBlank > 0 ? undefined : i;
}

/**
 * Whether `text` is certainly valid YAML without asking a parser: whole-line comments, blank lines,
 * flat `key: value` lines (as `parseFlatYaml` takes them) and top-level `key: |` or `key: >` blocks,
 * which is what config.yaml files usually are. `false` means "ask the parser", not "invalid".
 */
export function isSimpleYaml(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isUnusual(text.charCodeAt(i))) return false;
  const lines = text.split('\n');
  const flat: string[] = [];
  const blockKeys = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || /^[ ]*#/.test(line)) continue;
    const header = BLOCK_HEADER.exec(line);
    if (!header) {
      flat.push(line);
      continue;
    }
    const end = blockEnd(lines, i + 1);
    if (end === undefined || blockKeys.has(header[1] as string)) return false;
    blockKeys.add(header[1] as string);
    i = end - 1;
  }
  const data = flat.length === 0 ? {} : parseFlatYaml(flat.join('\n'));
  return data !== undefined && Object.keys(data).every((key) => !blockKeys.has(key));
}
