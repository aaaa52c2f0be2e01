import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, findBlock, removeBlock, upsertBlock } from './managed-block.ts';
import { contentHash, readStamp, withStamp } from './stamp.ts';

describe('stamps', () => {
  it('round-trips: a stamped text is pristine, its body is what was stamped', () => {
    const text = withStamp('# Hello\n', 'html', '1.2.3');
    expect(text).toBe(
      `# Hello\n<!-- generated-by: specwright 1.2.3 sha256:${contentHash('# Hello\n')} -->\n`,
    );
    expect(readStamp(text)).toMatchObject({ state: 'pristine', version: '1.2.3', body: '# Hello\n' });
    expect(readStamp(withStamp('a = 1\n', 'hash', '1.0.0'))).toMatchObject({
      state: 'pristine',
      body: 'a = 1\n',
    });
  });

  it('tells edits, CRLF checkouts and unstamped files apart', () => {
    const text = withStamp('line\n', 'html', '1.0.0');
    expect(readStamp(text.replace('line', 'changed')).state).toBe('edited');
    expect(readStamp(`${text}appended after the stamp\n`).state).toBe('edited');
    expect(readStamp(text.replace(/\n/g, '\r\n')).state).toBe('pristine');
    expect(readStamp(`\uFEFF${text}`).state).toBe('pristine');
    expect(readStamp('no stamp here\n')).toEqual({ state: 'none', body: 'no stamp here\n' });
  });
});

describe('managed blocks', () => {
  const inner = 'ours\n';

  it('creates, appends after user text, and replaces only between the markers', () => {
    expect(upsertBlock(undefined, inner)).toBe(`${BLOCK_START}\nours\n${BLOCK_END}\n`);
    const user = '# My notes\n\nKeep me.\n';
    const added = upsertBlock(user, inner);
    expect(added).toBe(`${user}\n${BLOCK_START}\nours\n${BLOCK_END}\n`);
    const edited = `Intro\n${added}Outro\n`;
    const replaced = upsertBlock(edited, 'new\n');
    expect(replaced).toBe(`Intro\n${user}\n${BLOCK_START}\nnew\n${BLOCK_END}\nOutro\n`);
  });

  it('keeps CRLF files CRLF', () => {
    const crlf = 'one\r\ntwo\r\n';
    expect(upsertBlock(crlf, inner)).toBe(`one\r\ntwo\r\n\r\n${BLOCK_START}\r\nours\r\n${BLOCK_END}\r\n`);
  });

  it('reports broken markers', () => {
    expect(findBlock(`${BLOCK_START}\nno end\n`).kind).toBe('broken');
    expect(findBlock(`${BLOCK_END}\n${BLOCK_START}\n`).kind).toBe('broken');
    expect(findBlock(`${BLOCK_START}\n${BLOCK_END}\n${BLOCK_START}\n${BLOCK_END}\n`).kind).toBe('broken');
    expect(findBlock('plain\n').kind).toBe('absent');
  });

  it('removes the block and the blank line before it, leaving user text byte for byte', () => {
    const user = '# Mine\n';
    expect(removeBlock(upsertBlock(user, inner))).toBe(user);
    expect(removeBlock(upsertBlock(undefined, inner))).toBe('');
    const around = `A\n${BLOCK_START}\nx\n${BLOCK_END}\nB\n`;
    expect(removeBlock(around)).toBe('A\nB\n');
  });
});
