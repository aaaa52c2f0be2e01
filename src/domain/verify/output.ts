/** ANSI escape sequences (CSI with parameters, OSC up to BEL/ST, and two-byte escapes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/**
 * Terminal output as plain text: escape sequences removed, and a carriage return that redraws a line
 * (progress bars) keeps only what was drawn last. Line endings become `\n`.
 */
export function plainOutput(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const cr = line.lastIndexOf('\r', line.length - 1);
      return cr < 0 ? line : line.slice(cr + 1);
    })
    .join('\n');
}

/**
 * Output kept while a step runs, bounded in memory: the first `headChars` characters and the last
 * `tailChars`, with the size of what was left out in between. Enough to show a failure in full in
 * the common case, and never more than a few hundred kilobytes for a step that prints without end.
 */
export class OutputBuffer {
  private head = '';
  private tail = '';
  private dropped = 0;

  constructor(
    private readonly headChars = 64 * 1024,
    private readonly tailChars = 192 * 1024,
  ) {}

  append(chunk: string): void {
    let rest = chunk;
    if (this.head.length < this.headChars) {
      const room = this.headChars - this.head.length;
      this.head += rest.slice(0, room);
      rest = rest.slice(room);
    }
    if (rest === '') return;
    this.tail += rest;
    if (this.tail.length > this.tailChars * 2) this.trim();
  }

  private trim(): void {
    const cut = this.tail.length - this.tailChars;
    if (cut <= 0) return;
    this.dropped += cut;
    this.tail = this.tail.slice(cut);
  }

  /** Everything kept, with a note where output was left out. */
  text(): string {
    this.trim();
    if (this.dropped === 0) return this.head + this.tail;
    return `${this.head}\n… ${this.dropped} characters of output left out …\n${this.tail}`;
  }
}

/** The last `lines` non-empty-at-the-end lines of plain output, at most `maxChars` characters. */
export function lastLines(text: string, lines = 20, maxChars = 4000): string {
  const all = plainOutput(text).replace(/\s+$/, '').split('\n');
  const kept = all.slice(-lines).join('\n');
  return kept.length > maxChars ? `…${kept.slice(kept.length - maxChars + 1)}` : kept;
}
