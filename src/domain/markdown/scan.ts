import { type Heading, LineKind, type ScannedDoc } from './types.ts';

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** Strip an ATX heading's optional closing `#` run (it must be preceded by a space or tab). */
export function stripClosingRun(content: string): string {
  const m = /(^|[ \t])#+[ \t]*$/.exec(content);
  if (!m) return content.trim();
  return content.slice(0, m.index).trim();
}

/** Split text into lines and record where each starts (CRLF, LF and lone CR all end a line). */
function splitLines(source: string, bomLength: number): { lines: string[]; lineStarts: number[] } {
  const lines: string[] = [];
  const lineStarts: number[] = [];
  let start = bomLength;
  const n = source.length;
  let i = bomLength;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStarts.push(start === bomLength ? 0 : start);
      lines.push(source.slice(start, i));
      i += c === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1;
      start = i;
    } else i++;
  }
  if (start < n || lines.length === 0) {
    lineStarts.push(start === bomLength ? 0 : start);
    lines.push(source.slice(start, n));
  }
  lineStarts.push(n);
  return { lines, lineStarts };
}

/**
 * Scan a Markdown document into lines, line kinds and top-level ATX headings.
 * Fenced code, indented code and HTML comments are masked so headings inside them are content.
 */
export function scanMarkdown(source: string): ScannedDoc {
  const bomLength = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { lines, lineStarts } = splitLines(source, bomLength);
  const kinds = new Uint8Array(lines.length);
  const headings: Heading[] = [];
  let fence: { char: string; len: number } | null = null;
  let inComment = false;
  let prevParagraph = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (fence) {
      kinds[i] = LineKind.Code;
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) fence = null;
      continue;
    }
    if (inComment) {
      kinds[i] = LineKind.Html;
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (line.trim() === '') {
      kinds[i] = LineKind.Blank;
      prevParagraph = false;
      continue;
    }
    const f = FENCE_OPEN.exec(line);
    if (f?.[2] && !(f[2][0] === '`' && (f[3] ?? '').includes('`'))) {
      fence = { char: f[2][0] as string, len: f[2].length };
      kinds[i] = LineKind.Code;
      prevParagraph = false;
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      kinds[i] = LineKind.Html;
      inComment = !line.includes('-->', line.indexOf('<!--') + 4);
      prevParagraph = false;
      continue;
    }
    if (!prevParagraph && /^(?: {4}|\t)/.test(line)) {
      kinds[i] = LineKind.Code;
      continue;
    }
    const h = ATX.exec(line);
    if (h?.[1]) {
      kinds[i] = LineKind.Heading;
      headings.push({ level: h[1].length, text: stripClosingRun(h[2] ?? ''), line: i });
      prevParagraph = false;
      continue;
    }
    kinds[i] = LineKind.Text;
    prevParagraph = true;
  }
  return { source, bomLength, lines, lineStarts, kinds, headings };
}
