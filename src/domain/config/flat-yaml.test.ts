import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { renderInitialConfig } from './config-template.ts';
import { isSimpleYaml } from './flat-yaml.ts';

/** Whether the YAML library the commands use parses `text` without an error. */
const parses = (text: string) => parseDocument(text, { uniqueKeys: true }).errors.length === 0;

const CONTEXT =
  'schema: spec-driven\ncontext: |\n  Tech stack: TypeScript.\n\n  # not a comment\n    deeper\n';

describe('isSimpleYaml', () => {
  it.each([
    ['the config init writes', renderInitialConfig()],
    ['flat keys', 'schema: spec-driven\nlanguage: English\n'],
    ['comments only', '# nothing yet\n   # indented comment\n'],
    ['an empty file', ''],
    ['comments between keys', 'schema: spec-driven\n  # note\nlanguage: English\n'],
    ['a literal block', CONTEXT],
    ['a folded block with chomping, then a key', 'context: >-\n  one\n  two\n\nschema: x\n'],
    ['a block with a tab inside its text', 'context: |\n  a\tb\n'],
  ])('is true for %s, which the YAML library parses', (_name, text) => {
    expect(isSimpleYaml(text)).toBe(true);
    expect(parses(text)).toBe(true);
  });

  it.each([
    ['a broken flow sequence', 'schema: spec-driven\nplan:\n  weights: [\n'],
    ['nesting', 'rules:\n  proposal:\n    - Short\n'],
    ['a trailing comment', 'schema: spec-driven # the default\n'],
    ['a duplicate key', 'schema: a\nschema: b\n'],
    ['a block key repeated as a flat key', 'context: |\n  a\ncontext: b\n'],
    ['a block less indented after its first line', 'context: |\n    a\n  b\n'],
    ['a blank line deeper than the block text', 'context: |\n      \n  a\n'],
    ['CRLF line ends', 'schema: spec-driven\r\n'],
    ['a byte order mark', '\uFEFF# c\n'],
    ['a control character', 'context: |\n  a\u0001\n'],
  ])('leaves %s to the parser', (_name, text) => {
    expect(isSimpleYaml(text)).toBe(false);
  });

  it('never accepts a document the YAML library rejects (generated documents)', () => {
    const pieces = [
      'schema: spec-driven',
      'language: English',
      '# comment',
      '  # indented comment',
      'context: |',
      'notes: >-',
      '  text line',
      '    deeper line',
      ' one space',
      '\tTab',
      '',
      '   ',
      'key: [',
      '- item',
      'schema: again',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      const count = 1 + (next() % 7);
      const text = `${Array.from({ length: count }, () => pieces[next() % pieces.length]).join('\n')}\n`;
      if (isSimpleYaml(text)) expect(parses(text), JSON.stringify(text)).toBe(true);
    }
  });
});
