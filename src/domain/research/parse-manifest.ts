import type { Issue } from '../issue.ts';
import { lineAt, lineCount } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import { type Heading, LineKind, type ScannedDoc } from '../markdown/types.ts';
import { looksLikePath, normalizePath } from './file-refs.ts';

/** One `### <path>` of analysis.md: a file the change creates or edits. */
export interface ManifestEntry {
  /** The enclosing `## ` heading as written, or null for an entry above every package heading. */
  package: string | null;
  /** The path of the `### ` heading, backticks and a leading `./` removed. */
  path: string;
  /**
   * What task references are matched against: `<package folder>/<path>` when the package heading is a
   * folder (`## packages/shared`), else the path itself.
   */
  key: string;
  /** 1-based line of the `### ` heading. */
  line: number;
  /** The bullets under the heading (purpose, key decisions), continuation lines joined. */
  notes: string[];
}

export interface Manifest {
  entries: ManifestEntry[];
  /** Findings about the file itself; `file` is left for the caller. */
  issues: Issue[];
}

const BULLET = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

/** The path-like part of a heading: its first backticked span, else its first word. */
function headingToken(text: string): string {
  const code = /`([^`]+)`/.exec(text);
  return (code ? (code[1] as string) : (text.split(/\s+/)[0] ?? '')).trim();
}

/** The folder a package heading names (`packages/shared`, `shared/`), or undefined for a package name. */
function packageFolder(heading: string): string | undefined {
  const token = headingToken(heading);
  if (!looksLikePath(token) || !token.includes('/')) return undefined;
  const folder = normalizePath(token).replace(/\/+$/, '');
  return folder === '' ? undefined : folder;
}

function entryKey(folder: string | undefined, path: string): string {
  if (folder === undefined || path === folder || path.startsWith(`${folder}/`)) return path;
  return `${folder}/${path}`;
}

/** The bullets between line `from` (exclusive) and `to` (exclusive), 0-based line indexes. */
function notesBetween(doc: ScannedDoc, from: number, to: number): string[] {
  const notes: string[] = [];
  let open = false;
  for (let i = from + 1; i < to; i++) {
    const kind = doc.kinds[i];
    const line = lineAt(doc, i);
    if (kind === LineKind.Code || kind === LineKind.Html || kind === LineKind.Blank) {
      open = false;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      notes.push((bullet[1] as string).trim());
      open = true;
    } else if (open && kind !== LineKind.Heading) {
      notes[notes.length - 1] = `${notes[notes.length - 1]} ${line.trim()}`;
    }
  }
  return notes.filter((n) => n !== '');
}

type Report = (rule: string, line: number, message: string, fix: string) => void;

function readEntry(
  doc: ScannedDoc,
  h: Heading,
  end: number,
  pkg: { name: string; folder: string | undefined } | null,
  report: Report,
): ManifestEntry | undefined {
  const token = headingToken(h.text);
  const line = h.line + 1;
  if (!looksLikePath(token)) {
    report(
      'manifest_entry_not_a_path',
      line,
      `"### ${h.text}" does not name a file; manifest entries are "### <path>" headings.`,
      'Write the file path (e.g. ### src/schemas.ts), or turn the heading into a bullet.',
    );
    return undefined;
  }
  const path = normalizePath(token);
  const notes = notesBetween(doc, h.line, end);
  if (notes.length === 0) {
    report(
      'manifest_entry_without_notes',
      line,
      `${path} has no bullets saying what it is for.`,
      'Add bullets with its purpose and the key decisions it implements.',
    );
  }
  if (pkg === null) {
    report(
      'manifest_no_package',
      line,
      `${path} is listed before any "## <package>" heading.`,
      'Group files under "## <package name or folder>" headings (e.g. ## packages/api).',
    );
  }
  return { package: pkg?.name ?? null, path, key: entryKey(pkg?.folder, path), line, notes };
}

/**
 * Parse analysis.md, the implementation manifest: `## <package>` headings (a package name, or a folder
 * such as `packages/shared`), each with `### <path>` headings for the files to create or change, each
 * followed by bullets with its purpose and key decisions. Headings may put the path in backticks and
 * add words after it (`### src/schemas.ts (new)`). Pure.
 */
export function parseManifest(text: string): Manifest {
  const doc = scanMarkdown(text);
  const issues: Issue[] = [];
  const report: Report = (rule, line, message, fix) =>
    issues.push({ level: 'WARNING', rule, message, line, fix });
  const entries: ManifestEntry[] = [];
  const seen = new Map<string, number>();
  let pkg: { name: string; folder: string | undefined } | null = null;
  doc.headings.forEach((h, i) => {
    if (h.level <= 2) pkg = h.level === 2 ? { name: h.text, folder: packageFolder(h.text) } : null;
    if (h.level !== 3) return;
    const end = doc.headings.slice(i + 1).find((n) => n.level <= 3)?.line ?? lineCount(doc);
    const entry = readEntry(doc, h, end, pkg, report);
    if (!entry) return;
    const first = seen.get(entry.key);
    if (first !== undefined) {
      report(
        'manifest_duplicate_entry',
        entry.line,
        `${entry.key} is already listed on line ${first}.`,
        'Keep one entry per file and merge the bullets.',
      );
      return;
    }
    seen.set(entry.key, entry.line);
    entries.push(entry);
  });
  if (entries.length === 0) {
    report(
      'manifest_empty',
      1,
      'analysis.md lists no files.',
      'List every file to create or change as "## <package>", then "### <path>" with bullets.',
    );
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { entries, issues };
}
