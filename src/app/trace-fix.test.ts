import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/helpers/temp-tree.ts';
import { planTraceFix } from './trace-fix.ts';

describe('planTraceFix', () => {
  it('skips a file it cannot read, with the reason once (the summary names the file itself)', () => {
    const root = makeTree({ 'src/ok.mjs': '// @spec auth#Old\n' });
    writeFileSync(join(root, 'src/bad.mjs'), Buffer.from('// @spec auth#Old\n\xff\n', 'latin1'));
    const found = (file: string) => ({
      found: { file, line: 1, offset: 9, text: 'auth#Old', kind: 'code' as const, via: 'comment' as const },
      fix: 'auth#New',
    });
    const plan = planTraceFix(root, [found('src/ok.mjs'), found('src/bad.mjs')]);
    expect(plan.files.map((f) => [f.file, f.content])).toEqual([['src/ok.mjs', '// @spec auth#New\n']]);
    expect(plan.skipped).toEqual([
      { file: 'src/bad.mjs', line: 1, ref: 'auth#Old', fix: 'auth#New', reason: 'invalid UTF-8 at byte 18.' },
    ]);
  });
});
