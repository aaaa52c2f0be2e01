// The assistant's loop, driven through the built CLI: ask `status` what is next, ask `instructions` how,
// write the artifact from its template, and repeat; then apply (tick tasks) and archive.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../helpers/cli.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
export type Json = Record<string, any>;

/** Run with `--json`, expect exit 0, an empty stderr and one document. */
export function json(root: string, args: string[]): Json {
  const r = runCli(root, [...args, '--json']);
  expect(r.stderr, `stderr of ${args.join(' ')}`).toBe('');
  expect(r.code, `${args.join(' ')}: ${r.stdout}`).toBe(0);
  return r.json() as Json;
}

/** Every `<placeholder>` of a template replaced from `values`; a placeholder without a value fails the test. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/<(?!!--)([^<>\n]+)>/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for template placeholder ${whole}`);
    return value;
  });
}

const PURPOSE = '## Purpose\nFull-text search over the notes a user keeps, from the web app and the API.\n\n';

/** What an assistant would write for each artifact of the spec-driven family, from the template. */
const VALUES: Record<string, Record<string, string>> = {
  proposal: {
    'Title of the change': 'Add note search',
    'An observable change': 'A search box finds notes by words in their title or body',
    'Another one; mark a change that breaks current behaviour with **BREAKING**':
      'Results are ranked by relevance',
    'new-capability-id': 'search',
    'what it will cover': 'finding notes by their text',
    'existing-capability-id': 'none',
    'which behaviour changes': 'no existing capability changes',
  },
  specs: {
    'Name of the behaviour': 'Search Notes by Text',
    'do something a user or another system can observe':
      'return the notes whose title or body contains every word of the query',
    'A situation that shows the behaviour': 'Matching words',
    'a condition or an action': 'a user searches for "garden plan"',
    'the observable result': 'every note containing both words is listed, best match first',
  },
  design: {
    'What this design must achieve': 'Answers in under 100 ms for 10,000 notes',
    'What it deliberately leaves out': 'Fuzzy matching and synonyms',
    Decision: 'An inverted index kept in the database',
    'What was chosen, which alternatives were considered, and why this one won.':
      'A word index table updated on save; a search service was rejected as too heavy for this size.',
    Risk: 'Index drift after a failed save',
    'How it is contained': 'Rebuild the index in the nightly job',
    'Anything still undecided': 'Whether titles should weigh more than bodies',
  },
  tasks: {
    'First group': 'Index',
    'Task, as an imperative sentence': 'Create the word index table and fill it on save (unit test)',
    Task: 'Add the search endpoint with ranking (integration test)',
    'Second group': 'Interface',
  },
  research: {
    'What was looked at': 'Database full-text features and a dedicated search service',
    'What was found': 'The database handles our volume; a service adds operations work',
  },
};

/** Write the artifact the instructions describe, from their template; specs go to specs/search/spec.md. */
function writeArtifact(root: string, i: Json): void {
  const values = VALUES[i.artifact];
  if (!values) throw new Error(`no content for ${i.artifact}`);
  let content = fill(i.template.content, values);
  let target = i.output.absolutePath as string;
  if (i.output.isGlob) {
    expect(i.output.path).toMatch(/\/specs\/\*\*\/\*\.md$/);
    target = join(root, i.output.path.replace('**/*.md', 'search/spec.md'));
    content = PURPOSE + content;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** Walk `status` → `instructions <next>` → write until nothing is left to write; returns the order written. */
export function writeAllArtifacts(root: string, change: string, onWritten?: (id: string) => void): string[] {
  const written: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const status = json(root, ['status', '--change', change]);
    if (status.next === null) {
      expect(status.artifacts.every((a: Json) => a.status === 'done')).toBe(true);
      return written;
    }
    expect(status.nextCommand).toBe(`specwright instructions ${status.next} --change ${change}`);
    const i = json(root, ['instructions', status.next, '--change', change]);
    expect(i.status).toBe('ready');
    for (const dep of i.dependencies) expect(dep.files.length, `${dep.id} read first`).toBeGreaterThan(0);
    writeArtifact(root, i);
    written.push(i.artifact);
    onWritten?.(i.artifact);
  }
  throw new Error('status never ran out of artifacts');
}

/** `instructions apply`, then tick every pending task at its reported line, checking progress each time. */
export function applyAllTasks(root: string, change: string): void {
  let apply = json(root, ['instructions', 'apply', '--change', change]);
  expect(apply.state).toBe('ready');
  expect(apply.progress.done).toBe(0);
  for (const task of apply.pending) {
    const file = join(root, task.file);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[task.line - 1]).toContain(`- [ ] ${task.id} ${task.text}`);
    lines[task.line - 1] = (lines[task.line - 1] as string).replace('- [ ]', '- [x]');
    writeFileSync(file, lines.join('\n'));
  }
  apply = json(root, ['instructions', 'apply', '--change', change]);
  expect(apply).toMatchObject({ state: 'all_done', pending: [], progress: { remaining: 0 } });
}
