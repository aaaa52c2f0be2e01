import { describe, expect, it } from 'vitest';
import { parseManifest } from './parse-manifest.ts';

const SEED = `# Implementation manifest

Everything the change creates or edits.

## @dawalnut/telephony-shared

### src/constants.ts
- DynamoDB key prefixes (TENANT#, AGENT#, CALL#, PHONE#)
- EventBridge event types
- TTL configuration

### \`src/schemas.ts\` (new)
- 22 Zod schemas covering all domain entities
- Discriminated unions for message roles
  and webhook auth types

## projects/telephony/infra

### lib/data-stack.ts
1. Single table, one GSI

### ./projects/telephony/infra/lib/ai-stack.ts
- Lambda and Bedrock access
`;

describe('parseManifest', () => {
  it('reads packages, paths, keys and bullets as in the seed example', () => {
    const m = parseManifest(SEED);
    expect(m.issues).toEqual([]);
    expect(m.entries).toEqual([
      {
        package: '@dawalnut/telephony-shared',
        path: 'src/constants.ts',
        key: 'src/constants.ts',
        line: 7,
        notes: [
          'DynamoDB key prefixes (TENANT#, AGENT#, CALL#, PHONE#)',
          'EventBridge event types',
          'TTL configuration',
        ],
      },
      {
        package: '@dawalnut/telephony-shared',
        path: 'src/schemas.ts',
        key: 'src/schemas.ts',
        line: 12,
        notes: [
          '22 Zod schemas covering all domain entities',
          'Discriminated unions for message roles and webhook auth types',
        ],
      },
      {
        package: 'projects/telephony/infra',
        path: 'lib/data-stack.ts',
        key: 'projects/telephony/infra/lib/data-stack.ts',
        line: 19,
        notes: ['Single table, one GSI'],
      },
      {
        package: 'projects/telephony/infra',
        path: 'projects/telephony/infra/lib/ai-stack.ts',
        key: 'projects/telephony/infra/lib/ai-stack.ts',
        line: 22,
        notes: ['Lambda and Bedrock access'],
      },
    ]);
  });

  it('warns about non-path entries, missing bullets, missing packages and duplicates', () => {
    const m = parseManifest(
      [
        '### src/top.ts',
        '- before any package',
        '## api',
        '### Overview',
        'prose',
        '### src/a.ts',
        '### src/a.ts',
        '- again',
        '```',
        '### src/in-code.ts',
        '```',
      ].join('\n'),
    );
    expect(m.entries.map((e) => [e.package, e.path])).toEqual([
      [null, 'src/top.ts'],
      ['api', 'src/a.ts'],
    ]);
    expect(m.issues.map((i) => [i.rule, i.line, i.level])).toEqual([
      ['manifest_no_package', 1, 'WARNING'],
      ['manifest_entry_not_a_path', 4, 'WARNING'],
      ['manifest_entry_without_notes', 6, 'WARNING'],
      ['manifest_duplicate_entry', 7, 'WARNING'],
    ]);
  });

  it('warns once when the file lists no file at all; prose sections are fine', () => {
    const m = parseManifest('# Analysis\n\n## Open questions\n- Per-tenant Connect instances?\n');
    expect(m.entries).toEqual([]);
    expect(m.issues).toEqual([expect.objectContaining({ rule: 'manifest_empty', line: 1 })]);
  });

  it('treats a package heading with a folder in backticks or a trailing slash as a folder', () => {
    const m = parseManifest('## `packages/api` (HTTP)\n### a.ts\n- x\n## shared/\n### b.ts\n- y\n');
    expect(m.entries.map((e) => e.key)).toEqual(['packages/api/a.ts', 'shared/b.ts']);
  });
});
