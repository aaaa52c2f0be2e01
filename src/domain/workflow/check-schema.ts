import type { Issue } from '../issue.ts';
import { findCycle } from './graph.ts';
import { isGlob } from './paths.ts';
import { KNOWN_KEYS, type WorkflowSchema, WorkflowSchemaFile } from './schema.ts';

/** 1-based line of the YAML value at a path, when the document has it. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/** The result of checking a parsed `schema.yaml`: the schema when it has no ERROR, and every finding. */
export interface SchemaCheck {
  schema?: WorkflowSchema;
  issues: Issue[];
}

interface Where {
  file: string;
  lineOf: LineOf;
}

/** Line of `path`, else of its nearest ancestor that exists, else 1. */
function locate(where: Where, path: readonly PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = where.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return 1;
}

function issue(
  where: Where,
  level: Issue['level'],
  rule: string,
  message: string,
  path: readonly PropertyKey[],
  fix?: string,
): Issue {
  const out: Issue = { level, rule, message, file: where.file, line: locate(where, path) };
  if (fix) out.fix = fix;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys the format does not define: ignored, but named, since a typo (`require:`) silently changes the graph. */
function unknownKeys(data: unknown, where: Where): Issue[] {
  if (!isRecord(data)) return [];
  const found: { key: string; path: PropertyKey[]; known: readonly string[] }[] = [];
  const collect = (obj: Record<string, unknown>, path: PropertyKey[], known: readonly string[]) => {
    for (const key of Object.keys(obj))
      if (!known.includes(key)) found.push({ key, path: [...path, key], known });
  };
  collect(data, [], KNOWN_KEYS.top);
  if (Array.isArray(data.artifacts)) {
    data.artifacts.forEach((a, i) => {
      if (isRecord(a)) collect(a, ['artifacts', i], KNOWN_KEYS.artifact);
    });
  }
  if (isRecord(data.apply)) collect(data.apply, ['apply'], KNOWN_KEYS.apply);
  return found.map((f) =>
    issue(
      where,
      'WARNING',
      'schema_unknown_key',
      `Unknown key '${f.path.join('.')}' is ignored.`,
      f.path,
      `Known keys here: ${f.known.join(', ')}.`,
    ),
  );
}

function shapeIssues(
  error: { issues: readonly { path: PropertyKey[]; message: string }[] },
  where: Where,
): Issue[] {
  return error.issues.map((i) => {
    const at = i.path.length > 0 ? `'${i.path.join('.')}': ` : '';
    return issue(where, 'ERROR', 'schema_invalid_field', `${at}${i.message}`, i.path);
  });
}

function duplicateIds(schema: WorkflowSchema, where: Where): Issue[] {
  const first = new Map<string, number>();
  const out: Issue[] = [];
  schema.artifacts.forEach((a, i) => {
    const earlier = first.get(a.id);
    if (earlier === undefined) first.set(a.id, i);
    else {
      const line = locate(where, ['artifacts', earlier, 'id']);
      out.push(
        issue(
          where,
          'ERROR',
          'schema_duplicate_artifact',
          `Artifact id '${a.id}' is declared twice (first on line ${line}).`,
          ['artifacts', i, 'id'],
          'Give every artifact its own id.',
        ),
      );
    }
  });
  return out;
}

function unknownRequires(schema: WorkflowSchema, where: Where): Issue[] {
  const ids = schema.artifacts.map((a) => a.id);
  const known = `Known artifacts: ${ids.join(', ')}.`;
  const out: Issue[] = [];
  schema.artifacts.forEach((a, i) => {
    a.requires.forEach((r, j) => {
      if (r === a.id)
        out.push(
          issue(where, 'ERROR', 'schema_cycle', `Artifact '${a.id}' requires itself.`, [
            'artifacts',
            i,
            'requires',
            j,
          ]),
        );
      else if (!ids.includes(r))
        out.push(
          issue(
            where,
            'ERROR',
            'schema_unknown_requires',
            `Artifact '${a.id}' requires '${r}', which is not an artifact of this schema.`,
            ['artifacts', i, 'requires', j],
            known,
          ),
        );
    });
  });
  schema.apply?.requires.forEach((r, j) => {
    if (!ids.includes(r))
      out.push(
        issue(
          where,
          'ERROR',
          'schema_unknown_apply_requires',
          `apply.requires names '${r}', which is not an artifact of this schema.`,
          ['apply', 'requires', j],
          known,
        ),
      );
  });
  return out;
}

function cycleIssue(schema: WorkflowSchema, where: Where): Issue[] {
  const nodes = schema.artifacts.map((a) => ({ id: a.id, requires: a.requires.filter((r) => r !== a.id) }));
  const cycle = findCycle(nodes);
  if (!cycle) return [];
  const [a, b] = cycle as [string, string];
  const i = schema.artifacts.findIndex((x) => x.id === a);
  const j = schema.artifacts[i]?.requires.indexOf(b) ?? 0;
  return [
    issue(
      where,
      'ERROR',
      'schema_cycle',
      `Dependency cycle: ${cycle.join(' → ')}.`,
      ['artifacts', i, 'requires', j],
      'Remove one of these requires so the artifacts can be written in some order.',
    ),
  ];
}

/** `apply.tracks` should be what some artifact generates, or no artifact ever produces the task list. */
function tracksIssue(schema: WorkflowSchema, where: Where): Issue[] {
  const tracks = schema.apply?.tracks;
  if (!tracks || schema.artifacts.some((a) => a.generates === tracks)) return [];
  const hint = isGlob(tracks)
    ? ''
    : ` Did you mean one of: ${schema.artifacts.map((a) => a.generates).join(', ')}?`;
  return [
    issue(
      where,
      'WARNING',
      'schema_tracks_unmatched',
      `apply.tracks '${tracks}' is not generated by any artifact.${hint}`,
      ['apply', 'tracks'],
    ),
  ];
}

/**
 * Check a parsed `schema.yaml` document: shape (zod), then the graph (duplicate ids, unknown `requires`
 * and `apply.requires`, cycles) and the softer findings (unknown keys, unmatched `apply.tracks`). Every
 * issue carries `file` and the line of the offending value. Template files are checked by the caller,
 * which can see the disk.
 */
export function checkSchemaDocument(data: unknown, file: string, lineOf: LineOf): SchemaCheck {
  const where = { file, lineOf };
  const warnings = unknownKeys(data, where);
  const parsed = WorkflowSchemaFile.safeParse(data ?? {});
  if (!parsed.success) return { issues: [...shapeIssues(parsed.error, where), ...warnings] };
  const schema = parsed.data;
  const errors = [...duplicateIds(schema, where), ...unknownRequires(schema, where)];
  if (!errors.some((e) => e.rule === 'schema_cycle')) errors.push(...cycleIssue(schema, where));
  const issues = [...errors, ...tracksIssue(schema, where), ...warnings];
  return errors.length > 0 ? { issues } : { schema, issues };
}
