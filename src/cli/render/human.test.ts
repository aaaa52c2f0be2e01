import { describe, expect, it } from 'vitest';
import { createStyle, formatError, formatRelativeTime, padToWidth, textWidth } from './human.ts';

const NOW = new Date('2026-03-04T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [-3_600_000, 'just now'],
    [5 * 60_000, '5m ago'],
    [3 * 3_600_000 + 59_000, '3h ago'],
    [2 * 86_400_000, '2d ago'],
    [29 * 86_400_000, '29d ago'],
  ])('%i ms ago -> %s', (ms, text) => {
    expect(formatRelativeTime(ago(ms), NOW)).toBe(text);
  });

  it('falls back to the local date after 30 days', () => {
    expect(formatRelativeTime(new Date(2025, 11, 25, 12), NOW)).toBe('2025-12-25');
  });
});

describe('text width', () => {
  it.each([
    ['abc', 3],
    ['添加登录', 8],
    ['🚀x', 3],
    ['e\u0301', 1],
    ['\u001b[31mred\u001b[39m', 3],
  ])('%j is %i columns', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });

  it('pads by columns, not code units', () => {
    expect(padToWidth('登录', 6)).toBe('登录  ');
    expect(padToWidth('toolong', 3)).toBe('toolong');
  });
});

describe('formatError', () => {
  it('prints Error and Fix lines, coloured only when asked', () => {
    expect(formatError(createStyle(false), 'Boom.', 'Do X.')).toBe('Error: Boom.\nFix: Do X.\n');
    expect(formatError(createStyle(false), 'Boom.')).toBe('Error: Boom.\n');
    expect(formatError(createStyle(true), 'Boom.')).toContain('\u001b[');
  });
});
