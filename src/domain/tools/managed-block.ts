/** Markers around the part of `AGENTS.md` / `CLAUDE.md` that Specwright owns; the rest is the user's. */
export const BLOCK_START = '<!-- SPECWRIGHT:START -->';
export const BLOCK_END = '<!-- SPECWRIGHT:END -->';

export type BlockFind =
  | { kind: 'absent' }
  /** `start`/`end`: offsets of the START line's first character and just past the END line's newline. */
  | { kind: 'found'; start: number; end: number; inner: string }
  | { kind: 'broken'; reason: string };

interface Line {
  text: string;
  start: number;
  /** Offset just past the line's newline. */
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    lines.push({ text: text.slice(start, end).replace(/\r?\n$/, ''), start, end });
    start = end;
  }
  return lines;
}

/** The managed block of `text`: absent, found (exactly one START line followed by one END line), or broken. */
export function findBlock(text: string): BlockFind {
  const lines = linesOf(text);
  const starts = lines.filter((l) => l.text.trim() === BLOCK_START);
  const ends = lines.filter((l) => l.text.trim() === BLOCK_END);
  if (starts.length === 0 && ends.length === 0) return { kind: 'absent' };
  const [start] = starts;
  const [end] = ends;
  if (starts.length !== 1 || ends.length !== 1 || !start || !end || end.start < start.end) {
    return {
      kind: 'broken',
      reason: `expected one ${BLOCK_START} line followed by one ${BLOCK_END} line`,
    };
  }
  return { kind: 'found', start: start.start, end: end.end, inner: text.slice(start.end, end.start) };
}

function eol(text: string | undefined): string {
  return text?.includes('\r\n') ? '\r\n' : '\n';
}

/** The block for `inner` (ending with a newline), in the file's newline style. */
function renderBlock(inner: string, newline: string): string {
  const block = `${BLOCK_START}\n${inner}${BLOCK_END}\n`;
  return newline === '\n' ? block : block.replace(/\r?\n/g, newline);
}

/**
 * `text` with its managed block set to `inner`: replaced between the markers when present, otherwise
 * appended after a blank line (or the whole file when there is none). Bytes outside the markers are kept.
 * The caller must not pass a text whose block is broken.
 */
export function upsertBlock(text: string | undefined, inner: string): string {
  const newline = eol(text);
  const block = renderBlock(inner, newline);
  if (text === undefined || text === '') return block;
  const found = findBlock(text);
  if (found.kind === 'found') return text.slice(0, found.start) + block + text.slice(found.end);
  const sep = text.endsWith('\n') ? newline : newline + newline;
  return text + sep + block;
}

/** `text` without its managed block (and the blank line init put before it); `''` when nothing else is left. */
export function removeBlock(text: string): string {
  const found = findBlock(text);
  if (found.kind !== 'found') return text;
  let before = text.slice(0, found.start);
  const after = text.slice(found.end);
  if (after === '') before = before.replace(/(\r?\n)\r?\n$/, '$1');
  const result = before + after;
  return result.trim() === '' ? '' : result;
}
