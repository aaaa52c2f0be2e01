import stringWidth from 'fast-string-width';
import pc from 'picocolors';
import { formatLocalDate } from '../../domain/local-date.ts';

/** Colour functions; all identity when colour is off, so renderers never branch on it. */
export type Style = ReturnType<typeof pc.createColors>;

export function createStyle(color: boolean): Style {
  return pc.createColors(color);
}

/** Non-fatal warnings as `Warning: …` lines for stderr. */
export function formatWarnings(style: Style, warnings: readonly string[]): string {
  return warnings.map((w) => `${style.yellow('Warning:')} ${w}\n`).join('');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `just now`, `5m ago`, `3h ago`, `2d ago`, then the local date (`YYYY-MM-DD`) from 30 days on.
 * A date rather than the locale's format keeps output identical across machines. Future times (clock
 * skew between machines sharing a repository) read as `just now`.
 */
export function formatRelativeTime(date: Date, now: Date): string {
  const ms = now.getTime() - date.getTime();
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ago`;
  if (ms < 30 * DAY) return `${Math.floor(ms / DAY)}d ago`;
  return formatLocalDate(date);
}

/** Terminal columns `text` occupies: CJK and emoji count 2, combining marks and ANSI escapes 0. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** Pad `text` with spaces to `width` terminal columns (never truncates). */
export function padToWidth(text: string, width: number): string {
  const w = textWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** `Error: <message>` plus `Fix: <fix>` when there is one, as stderr lines. */
export function formatError(style: Style, message: string, fix?: string): string {
  const lines = [`${style.red(style.bold('Error:'))} ${message}`];
  if (fix) lines.push(`${style.dim('Fix:')} ${fix}`);
  return `${lines.join('\n')}\n`;
}
