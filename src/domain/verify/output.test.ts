import { describe, expect, it } from 'vitest';
import { lastLines, OutputBuffer, plainOutput } from './output.ts';

describe('plainOutput', () => {
  it('removes colour and cursor codes and keeps the last redraw of a line', () => {
    expect(
      plainOutput(
        '\u001b[32m✓ ok\u001b[39m\r\n 10%\r 50%\r100%\ndone\u001b]8;;http://x\u0007link\u001b]8;;\u0007',
      ),
    ).toBe('✓ ok\n100%\ndonelink');
  });
});

describe('OutputBuffer', () => {
  it('keeps everything while small', () => {
    const b = new OutputBuffer(10, 10);
    b.append('abc');
    b.append('def');
    expect(b.text()).toBe('abcdef');
  });

  it('keeps the head and the tail of long output and says how much was left out', () => {
    const b = new OutputBuffer(4, 6);
    for (const c of 'abcdefghijklmnopqrstuvwxyz') b.append(c);
    expect(b.text()).toBe('abcd\n… 16 characters of output left out …\nuvwxyz');
  });
});

describe('lastLines', () => {
  it('keeps the last lines, trailing blank lines dropped, bounded in characters', () => {
    expect(lastLines('1\n2\n3\n4\n\n', 2)).toBe('3\n4');
    expect(lastLines('x'.repeat(50), 20, 10)).toBe(`…${'x'.repeat(9)}`);
  });
});
