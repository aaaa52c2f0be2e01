import fc from 'fast-check';

// A grammar of spec-like Markdown fragments, biased towards the constructs that decide where
// top-level ATX headings are: containers, fences, indented code, HTML blocks and lazy lines.

const word = fc.constantFrom(
  'Requirement:',
  'Scenario:',
  'login',
  'The system SHALL',
  'C#',
  'Foo#',
  '#',
  '##',
  '\\#',
  '`code`',
  '**WHEN**',
  '*THEN*',
  'Привет',
  '要求',
  '✅',
  '😀',
  '<b>',
  '|',
  '>',
  '-',
  '1.',
  '```',
  '~~~',
  '\u00a0',
  '',
);

const words = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));
const sep = fc.constantFrom(' ', ' ', ' ', '\t', '  ', '', ' \t');

const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 7 }),
    sep,
    words,
    fc.constantFrom('', '', ' #', ' ###', '#', ' ## ', '\t#', '  '),
  )
  .map(([level, s, text, close]) => ['#'.repeat(level) + s + text + close]);

const paragraph = fc.array(words, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => l || 'text'));

const bullet = fc
  .tuple(
    fc.constantFrom('- ', '* ', '+ ', '-\t', '-', '-    ', '-      ', '1. ', '2) ', '10. ', '01. '),
    fc.constantFrom('**WHEN** x', '**THEN** y', 'item', '# in item', '```', '', '<!-- c', '> q', '- nested'),
    fc.array(
      fc.constantFrom('  - **AND** z', '    - deeper', '  continued', 'lazy', '  ## inner', '   ### three'),
      {
        maxLength: 3,
      },
    ),
  )
  .map(([marker, first, rest]) => [marker + first, ...rest]);

const fence = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '```js', '~~~ info `x`', '``` a`b', '``'),
    fc.array(fc.constantFrom('# inside', '### Requirement: Fenced', '```', '~~~', '', 'code', '<!--'), {
      maxLength: 3,
    }),
    fc.constantFrom('```', '~~~', '````', '``` x', '   ```', '    ```', '``', null),
  )
  .map(([open, body, close]) => (close === null ? [open, ...body] : [open, ...body, close]));

const indentedCode = fc.array(fc.constantFrom('    # code heading', '\t## tab code', '    plain', ''), {
  minLength: 1,
  maxLength: 3,
});

const html = fc.constantFrom(
  ['<!-- ### hidden -->'],
  ['<!--', '# hidden', '-->'],
  ['<!--', '## never closed'],
  ['<!-- a --> # not heading'],
  ['<div>', '# in div', '</div>'],
  ['<div>', '', '# after div'],
  ['<custom-tag>', '# in custom'],
  ['<span class="x">'],
  ['<script>', '# in script', '</script>'],
  ['<?php', '# pi', '?>'],
  ['<!DOCTYPE html', '# doctype', '>'],
  ['<![CDATA[', '# cdata', ']]>'],
  ['</div>'],
  ['<b>inline</b> text'],
);

const quote = fc.array(
  fc.constantFrom('> # quoted', '> text', '>> deep', '> ```', '> - item', '>', 'lazy', '>     code'),
  {
    minLength: 1,
    maxLength: 3,
  },
);

const misc = fc.constantFrom(
  ['| a | b |', '|---|---|', '| 1 | 2 |'],
  [''],
  [''],
  [''],
  ['---'],
  ['==='],
  ['***'],
  ['- - -'],
  ['  '],
  ['\t'],
);

const fragment = fc.oneof(
  { arbitrary: heading, weight: 6 },
  { arbitrary: paragraph, weight: 3 },
  { arbitrary: bullet, weight: 3 },
  { arbitrary: fence, weight: 2 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: html, weight: 2 },
  { arbitrary: quote, weight: 2 },
  { arbitrary: misc, weight: 4 },
);

const indent = fc.oneof(
  { arbitrary: fc.constant(''), weight: 12 },
  { arbitrary: fc.constantFrom(' ', '  ', '   ', '    ', '     ', '\t', ' \t'), weight: 3 },
);
const eol = fc.oneof(
  { arbitrary: fc.constant('\n'), weight: 6 },
  { arbitrary: fc.constantFrom('\r\n', '\r'), weight: 1 },
);

const line = fc.tuple(indent, eol);

// markdown-it continues an open block quote at any indentation, while CommonMark's block quote
// marker allows at most 3 columns (a deeper `>` line is lazy text or code). The scanner follows
// CommonMark, so quote-marker lines never get 4+ columns of leading whitespace here.
const DEEP_QUOTE_MARKER = /^(?: {4}| {0,3}\t)[ \t]*>/;

function decorate(pre: string, text: string): string {
  const decorated = pre + text;
  return DEEP_QUOTE_MARKER.test(decorated) ? text : decorated;
}

/** A whole document: fragments with random indentation and line endings, maybe a BOM and final newline. */
export const specLikeDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fragment, fc.array(line, { minLength: 8, maxLength: 8 })), {
      maxLength: 40,
      size: 'medium',
    }),
    fc.boolean(),
  )
  .map(([bom, frags, finalEol]) => {
    const parts: string[] = [];
    for (const [lines, decor] of frags) {
      lines.forEach((l, j) => {
        const [pre, end] = decor[j % decor.length] as [string, string];
        parts.push(decorate(pre, l), end);
      });
    }
    if (!finalEol && parts.length > 0) parts.pop();
    return (bom ? '\uFEFF' : '') + parts.join('');
  });
