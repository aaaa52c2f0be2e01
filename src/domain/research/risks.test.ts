import { describe, expect, it } from 'vitest';
import { checkRisks, parseRisks, sortRisks } from './risks.ts';

const DESIGN = [
  '## Risks / Trade-offs',
  '- [HIGH] Bedrock exceeds the 8-second Connect limit → Cache agent config, keep payloads small',
  '- [medium] Single table needs every access pattern upfront -> List them in the design',
  '* [LOW] Costs grow with calls →',
  '- [HIGH] Circular stack dependency',
  '  - [LOW] Nested risk `a->b` stays whole → fine',
  '- Plain bullet → not a risk',
  '- [ ] 1.1 not a risk either',
  '```',
  '- [HIGH] inside code → ignored',
  '```',
  '<!-- - [HIGH] in a comment -->',
].join('\n');

describe('parseRisks', () => {
  it('reads level, text and mitigation from bullets, outside code and comments', () => {
    expect(parseRisks(DESIGN)).toEqual([
      {
        level: 'HIGH',
        text: 'Bedrock exceeds the 8-second Connect limit',
        mitigation: 'Cache agent config, keep payloads small',
        line: 2,
      },
      {
        level: 'MEDIUM',
        text: 'Single table needs every access pattern upfront',
        mitigation: 'List them in the design',
        line: 3,
      },
      { level: 'LOW', text: 'Costs grow with calls', mitigation: null, line: 4 },
      { level: 'HIGH', text: 'Circular stack dependency', mitigation: null, line: 5 },
      { level: 'LOW', text: 'Nested risk `a->b` stays whole', mitigation: 'fine', line: 6 },
    ]);
  });

  it('finds nothing in a file without a register', () => {
    expect(parseRisks('# Design\n\nNo risks.\n')).toEqual([]);
  });
});

describe('checkRisks', () => {
  it('warns about HIGH risks without a mitigation only', () => {
    const issues = checkRisks(parseRisks(DESIGN), 'openspec/changes/x/design.md');
    expect(issues).toEqual([
      {
        level: 'WARNING',
        rule: 'risk_without_mitigation',
        message: 'HIGH risk "Circular stack dependency" has no mitigation.',
        file: 'openspec/changes/x/design.md',
        line: 5,
        fix: 'Say how it is contained: - [HIGH] Circular stack dependency → <mitigation>',
      },
    ]);
  });
});

describe('sortRisks', () => {
  it('orders by level, keeping file order within a level', () => {
    expect(sortRisks(parseRisks(DESIGN)).map((r) => r.line)).toEqual([2, 5, 3, 4, 6]);
  });
});
