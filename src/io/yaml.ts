import { parseFlatYaml } from '../domain/config/flat-yaml.ts';

/** Parsed YAML plus a way to locate a value, or the first error located as `<file>:<line>: <message>`. */
export type YamlResult =
  | {
      ok: true;
      data: unknown;
      /** 1-based line of the value at `path` (e.g. `['schema']`), when it exists in the document. */
      lineOf: (path: readonly PropertyKey[]) => number | undefined;
    }
  | {
      ok: false;
      /** `<file>:<line>: <reason>`, one line. */
      error: string;
      line: number;
      /** The error without its location, for issues that carry `file` and `line` themselves. */
      reason: string;
    };

/** The `yaml` package, imported on first use: only commands that read metadata or config pay its load time. */
export function loadYamlLib(): Promise<typeof import('yaml')> {
  return import('yaml');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parse one YAML document. Duplicate keys and syntax errors come back as a located one-line message
 * (`file` is the root-relative path shown to the user), never as an exception.
 */
export async function parseYaml(text: string, file: string): Promise<YamlResult> {
  const { isNode, parseDocument } = await loadYamlLib();
  // prettyErrors off: its messages embed a multi-line source excerpt; we want a single line.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const reason = first.message.split('\n')[0]?.trim() || 'invalid YAML';
    const line = lineAt(text, first.pos[0]);
    return { ok: false, error: `${file}:${line}: ${reason}`, line, reason };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    const node = doc.getIn(path as unknown[], true);
    return isNode(node) && node.range ? lineAt(text, node.range[0]) : undefined;
  };
  return { ok: true, data: doc.toJS(), lineOf };
}

/** js-yaml, imported once per process (each `import()` of a loaded module still costs a module-map lookup). */
let jsYaml: Promise<typeof import('js-yaml')> | undefined;

/**
 * Read-only fast path for small, hot files (`.openspec.yaml` of every change in `validate --all`): flat
 * `key: value` text is read directly (`parseFlatYaml`), anything else with
 * js-yaml with the YAML 1.2 core schema (no timestamps, so `created: 2026-01-01` stays a string, as
 * with \`yaml\`), about 4x faster than a full document parse. No positions: callers that need to locate
 * a value re-parse with `parseYaml` on the (rare) error path.
 */
export async function parseYamlData(
  text: string,
  file: string,
): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  const flat = parseFlatYaml(text);
  if (flat !== undefined) return { ok: true, data: flat };
  jsYaml ??= import('js-yaml');
  const { load, CORE_SCHEMA } = await jsYaml;
  try {
    return { ok: true, data: load(text, { schema: CORE_SCHEMA, json: false }) };
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0] ?? 'invalid YAML';
    return { ok: false, error: `${file}:${(mark?.line ?? 0) + 1}: ${reason}` };
  }
}
