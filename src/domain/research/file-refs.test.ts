import { describe, expect, it } from 'vitest';
import { parseTasks } from '../tasks/parse-tasks.ts';
import { backtickedPaths, looksLikePath, taskFileRefs } from './file-refs.ts';

describe('looksLikePath', () => {
  it.each([
    'src/app/plan.ts',
    './src/app/plan.ts',
    'projects/telephony/',
    'node_modules/@scope/pkg/index.js',
    'schema.yaml',
    'index.TS',
    'foo.test.ts',
    '.gitignore',
    '.env',
    'Dockerfile',
    'bin/specwright',
    'src/routes/',
    'src/routes/agents.$agentId.tsx',
  ])('%s is a path', (text) => {
    expect(looksLikePath(text)).toBe(true);
  });

  it.each([
    '',
    'console.log',
    'JSON.parse',
    'process.env',
    'stopReason',
    'cdk-deploy',
    '@dawalnut/telephony-shared',
    '--force',
    '/etc/passwd',
    '~/x.ts',
    'https://example.com/a.ts',
    'voice-agent#Tool use',
    'pnpm check',
    'src/*.ts',
    'fn(a/b)',
    'a/../b.ts',
    'node:fs',
    '1.2.3',
    '$HOME/.config',
  ])('%s is not a path', (text) => {
    expect(looksLikePath(text)).toBe(false);
  });
});

describe('backtickedPaths', () => {
  it('keeps path-like spans in order, without repeats, normalising ./', () => {
    expect(
      backtickedPaths(
        'Edit `src/a.ts` and `./src/a.ts`, call `console.log`, then `README.md` (``src/b.ts``)',
      ),
    ).toEqual(['src/a.ts', 'README.md', 'src/b.ts']);
  });
});

describe('taskFileRefs', () => {
  it('reads task text, criteria, sub-tasks and path-like uses tags, with the owning task id', () => {
    const parsed = parseTasks(
      [
        '## 1. Shared',
        '- [ ] 1.1 Write `src/schemas.ts` [uses: cdk-deploy, infra/cdk.json]',
        '  - Key prefixes live in `src/constants.ts`',
        '  - [ ] Export them from `src/index.ts`',
        '- [ ] Loose task touching `package.json`',
      ].join('\n'),
    );
    expect(taskFileRefs(parsed)).toEqual([
      { path: 'src/schemas.ts', task: '1.1', line: 2 },
      { path: 'src/constants.ts', task: '1.1', line: 2 },
      { path: 'infra/cdk.json', task: '1.1', line: 2 },
      { path: 'src/index.ts', task: '1.1', line: 4 },
      { path: 'package.json', task: null, line: 5 },
    ]);
  });
});
