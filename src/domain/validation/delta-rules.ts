import { type DeltaSpec, isContent } from '../change/delta.ts';
import type { Issue } from '../issue.ts';
import { isPartialModify } from '../merge/scenario-ops.ts';
import { foldName } from '../spec/blocks.ts';
import { checkHiddenHeadings } from './heading-rules.ts';
import { checkRequirement, issueSink } from './requirement-rules.ts';

type Sink = ReturnType<typeof issueSink>;

function duplicates(names: { name: string; line: number }[], what: string, add: Sink): void {
  const seen = new Map<string, number>();
  for (const n of names) {
    const first = seen.get(n.name);
    if (first !== undefined)
      add(
        'ERROR',
        'delta_duplicate_entry',
        n.line,
        `${what} lists "${n.name}" twice (first on line ${first + 1}).`,
      );
    else seen.set(n.name, n.line);
  }
}

function conflicts(delta: DeltaSpec, add: Sink): void {
  const named = {
    ADDED: delta.added.map((r) => ({ name: r.name, line: r.line })),
    MODIFIED: delta.modified.map((r) => ({ name: r.name, line: r.line })),
    REMOVED: delta.removed.map((r) => ({ name: r.name, line: r.line })),
  };
  const pairs = [
    ['MODIFIED', 'REMOVED'],
    ['MODIFIED', 'ADDED'],
    ['ADDED', 'REMOVED'],
  ] as const;
  for (const [a, b] of pairs) {
    const other = new Set(named[b].map((n) => foldName(n.name)));
    for (const n of named[a]) {
      if (other.has(foldName(n.name))) {
        add(
          'ERROR',
          'delta_conflicting_operations',
          n.line,
          `Requirement "${n.name}" is in both ${a} and ${b}; one change can do only one of them to a requirement.`,
        );
      }
    }
  }
  const removed = new Set(named.REMOVED.map((n) => foldName(n.name)));
  const modified = new Set(named.MODIFIED.map((n) => foldName(n.name)));
  const added = new Set(named.ADDED.map((n) => foldName(n.name)));
  for (const r of delta.renamed) {
    if (removed.has(foldName(r.from)))
      add(
        'ERROR',
        'delta_conflicting_operations',
        r.line,
        `Requirement "${r.from}" is both RENAMED and REMOVED.`,
      );
    if (modified.has(foldName(r.from)))
      add(
        'ERROR',
        'delta_modified_uses_old_name',
        r.line,
        `MODIFIED refers to "${r.from}", which this delta renames; MODIFIED must use the new name "${r.to}".`,
      );
    if (removed.has(foldName(r.to)))
      add(
        'ERROR',
        'delta_conflicting_operations',
        r.toLine,
        `Requirement "${r.to}" is the target of a RENAMED and also REMOVED; to drop "${r.from}", REMOVE it by that name without renaming it.`,
      );
    if (added.has(foldName(r.to)))
      add('ERROR', 'delta_conflicting_operations', r.toLine, `RENAMED target "${r.to}" is also ADDED.`);
  }
  duplicates(
    delta.renamed.map((r) => ({ name: r.from, line: r.line })),
    'RENAMED (FROM)',
    add,
  );
  duplicates(
    delta.renamed.map((r) => ({ name: r.to, line: r.toLine })),
    'RENAMED (TO)',
    add,
  );
}

function emptySections(delta: DeltaSpec, add: Sink): void {
  if (delta.sections.length === 0) {
    add(
      'ERROR',
      'delta_no_sections',
      0,
      'No delta sections found.',
      'Add "## ADDED Requirements", "## MODIFIED Requirements", "## REMOVED Requirements" or "## RENAMED Requirements".',
    );
    return;
  }
  const counts = {
    ADDED: delta.added.length,
    MODIFIED: delta.modified.length,
    REMOVED: delta.removed.length,
    RENAMED: delta.renamed.length,
  };
  for (const s of delta.sections) {
    if (counts[s.op] === 0) {
      // Nothing at all (blank lines, an HTML comment, as templates leave them) changes nothing: a warning.
      // Text that names no entry may be an entry written wrongly: an error, so it is never dropped unread.
      const text = sectionHasText(delta, s.line);
      add(
        text ? 'ERROR' : 'WARNING',
        'delta_empty_section',
        s.line,
        text
          ? `"## ${s.op} Requirements" has text but no entries, so nothing in it is applied.`
          : `"## ${s.op} Requirements" has no entries.`,
        s.op === 'RENAMED'
          ? 'Add FROM:/TO: pairs or remove the section.'
          : 'Add "### Requirement: <name>" entries or remove the section.',
      );
    }
  }
}

/** Whether the section headed at line `line` holds any line other than blank lines, code and HTML. */
function sectionHasText(delta: DeltaSpec, line: number): boolean {
  const { doc } = delta;
  const next = doc.headings.find((h) => h.line > line && h.level <= 2);
  const end = next ? next.line : doc.kinds.length;
  for (let i = line + 1; i < end; i++) if (isContent(doc, i)) return true;
  return false;
}

/** Rules on one delta file that do not need the main spec (syntax issues come from the parser). */
export function validateDelta(delta: DeltaSpec): Issue[] {
  const issues: Issue[] = [...delta.issues];
  const add = issueSink(issues, delta.file);
  emptySections(delta, add);
  duplicates(
    delta.added.map((r) => ({ name: r.name, line: r.line })),
    'ADDED',
    add,
  );
  duplicates(
    delta.modified.map((r) => ({ name: r.name, line: r.line })),
    'MODIFIED',
    add,
  );
  duplicates(
    delta.removed.map((r) => ({ name: r.name, line: r.line })),
    'REMOVED',
    add,
  );
  conflicts(delta, add);
  checkHiddenHeadings(delta.doc, add);
  for (const r of delta.added) checkRequirement(delta.doc, r, 'ADDED', add);
  for (const r of delta.modified) checkRequirement(delta.doc, r, 'MODIFIED', add, isPartialModify(r));
  for (const r of delta.removed) {
    if (!r.hasReason || !r.hasMigration) {
      const missing = [!r.hasReason && 'Reason', !r.hasMigration && 'Migration']
        .filter(Boolean)
        .join(' and ');
      add(
        'WARNING',
        'delta_removed_without_reason',
        r.line,
        `REMOVED "${r.name}" has no ${missing}.`,
        'Add "**Reason**: ..." and "**Migration**: ..." lines under it.',
      );
    }
  }
  // In file order (stable: issues on one line keep the order they were found in).
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
