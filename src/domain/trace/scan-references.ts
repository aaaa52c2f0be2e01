import { type CoverRef, parseCoverRef, splitCoverRefs } from '../plan/task-meta.ts';

/** Where a reference was written: an `@spec` marker (any comment syntax) or a test's title. */
export type ReferenceVia = 'comment' | 'title';

/** Whether a reference sits in a test file (it then counts towards coverage) or in other code. */
export type ReferenceKind = 'test' | 'code';

/** One reference found in a source file. */
export interface FoundReference {
  /** Root-relative POSIX path. */
  file: string;
  /** 1-based line. */
  line: number;
  /** Offset of the reference text in the file's text (UTF-16 code units), for rewriting. */
  offset: number;
  /** The reference exactly as written (surrounding whitespace excluded). */
  text: string;
  /** The parsed reference; undefined when the text after `@spec` is not `capability#name`. */
  ref?: CoverRef;
  kind: ReferenceKind;
  via: ReferenceVia;
  /** For titles: the quote that delimits the string (a rewrite must not introduce it). */
  quote?: string;
}

/** What the scanner needs to know beyond the text. */
export interface ScanOptions {
  file: string;
  isTest: boolean;
  /**
   * Whether a capability exists. Test titles only count when they start with a known capability, so an
   * ordinary title such as `it('issue#12 regression')` is never taken for a reference.
   */
  isCapability: (capability: string) => boolean;
}

/** `@spec` after a non-word character, then the rest of the line. */
const MARKER = /(?<![\w@.$-])@spec[ \t]+([^\r\n]*)/g;
/** Comment closers and trailing decoration stripped from the end of an `@spec` line. */
const TRAILER = /(?:[ \t]*(?:\*\/|-->|"""|'''|#\}|%>|\*\)))+[ \t]*$/;
/**
 * A test registration with a literal title: `it(`, `test(`, `describe(`, `context(`, `specify(`,
 * `suite(`, `scenario(` with modifiers (`it.only(`, `test.skip(`), and Go's `t.Run(`.
 */
const TEST_CALL =
  /(?:(?<![\w$.])(?:it|test|describe|context|specify|suite|scenario)(?:\.[A-Za-z]+)*|\.Run)[ \t]*\([ \t]*(['"`])((?:\\.|(?!\1)[^\\\r\n])*)\1/g;

/** Line numbers of offsets visited in non-decreasing order, counting each newline once. */
function lineCounter(text: string) {
  let line = 1;
  let pos = 0;
  return (offset: number): number => {
    for (let i = text.indexOf('\n', pos); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    pos = Math.max(pos, offset);
    return line;
  };
}

/** Split a list at reference-starting commas, keeping each part's offset and trimming whitespace. */
function parts(list: string, start: number): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let at = start;
  for (const raw of splitCoverRefs(list)) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') out.push({ text, offset: at + lead });
    at += raw.length + 1;
  }
  return out;
}

function scanMarkers(text: string, opts: ScanOptions, lineOf: (offset: number) => number): FoundReference[] {
  const found: FoundReference[] = [];
  const kind: ReferenceKind = opts.isTest ? 'test' : 'code';
  for (const m of text.matchAll(MARKER)) {
    const body = (m[1] as string).replace(TRAILER, '');
    const bodyStart = (m.index as number) + m[0].length - (m[1] as string).length;
    for (const p of parts(body, bodyStart)) {
      const ref = parseCoverRef(p.text);
      const entry: FoundReference = {
        file: opts.file,
        line: lineOf(p.offset),
        offset: p.offset,
        text: p.text,
        kind,
        via: 'comment',
      };
      if (ref) entry.ref = ref;
      found.push(entry);
    }
  }
  return found;
}

/** The reference part of a title: `cap#Req/Scenario: what it checks` or `[cap#Req/Scenario] …`. */
function titleRefs(title: string): { list: string; start: number } | undefined {
  const lead = title.length - title.trimStart().length;
  const bracketed = title[lead] === '[';
  const start = lead + (bracketed ? 1 : 0);
  const end = bracketed ? title.indexOf(']', start) : title.indexOf(':', start);
  if (bracketed && end < 0) return undefined;
  const list = title.slice(start, end < 0 ? title.length : end);
  return list.includes('#') ? { list, start } : undefined;
}

function scanTitles(text: string, opts: ScanOptions, lineOf: (offset: number) => number): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(TEST_CALL)) {
    const quote = m[1] as string;
    const title = m[2] as string;
    if (quote === '`' && title.includes('${')) continue;
    const refs = titleRefs(title);
    if (!refs) continue;
    const titleStart = (m.index as number) + m[0].length - 1 - title.length;
    for (const p of parts(refs.list, titleStart + refs.start)) {
      const ref = parseCoverRef(p.text);
      if (!ref || !opts.isCapability(ref.capability)) continue;
      const line = lineOf(p.offset);
      found.push({
        file: opts.file,
        line,
        offset: p.offset,
        text: p.text,
        ref,
        kind: 'test',
        via: 'title',
        quote,
      });
    }
  }
  return found;
}

/**
 * Every reference in one file: `@spec <refs>` anywhere on a line (the references run to the end of the
 * line, comment closers removed, several separated by commas), and in test files the literal titles of
 * test calls that start with a reference. Sorted by position.
 */
export function scanReferences(text: string, opts: ScanOptions): FoundReference[] {
  const hasMarker = text.includes('@spec');
  const hasTitles = opts.isTest && text.includes('#');
  if (!hasMarker && !hasTitles) return [];
  const markers = hasMarker ? scanMarkers(text, opts, lineCounter(text)) : [];
  const titles = hasTitles ? scanTitles(text, opts, lineCounter(text)) : [];
  if (markers.length === 0) return titles;
  if (titles.length === 0) return markers;
  return [...markers, ...titles].sort((a, b) => a.offset - b.offset);
}
