// HTML blocks (CommonMark types 1-7): where they start and where they end.

// HTML block starts indexed by CommonMark type 1-7, as markdown-it writes them (so both agree on
// details such as `\s` in tags). Types 6 and 7 end at a blank line; 7 cannot interrupt a paragraph.
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|' +
  'dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|' +
  'legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|' +
  'table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const ATTRIBUTE =
  '(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)';
const OPEN_OR_CLOSE_TAG = `(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*\\/?>|<\\/[A-Za-z][A-Za-z0-9-]*\\s*>)`;
export const HTML_START: readonly RegExp[] = [
  /$^/,
  /^<(?:script|pre|style|textarea)(?=\s|>|$)/i,
  /^<!--/,
  /^<\?/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^</?(?:${BLOCK_TAGS})(?=\\s|/?>|$)`, 'i'),
  new RegExp(`^${OPEN_OR_CLOSE_TAG}\\s*$`),
];
const HTML_END_1 = /<\/(?:script|pre|style|textarea)>/i;
const HTML_END_MARK = ['', '', '-->', '?>', '>', ']]>'];

/** Does an HTML block of `type` end on `text` (searched from `from`)? Types 6 and 7 never do. */
export function htmlEnds(type: number, text: string, from: number): boolean {
  if (type === 1) return HTML_END_1.test(from === 0 ? text : text.slice(from));
  const mark = HTML_END_MARK[type];
  return mark !== undefined && mark !== '' && text.indexOf(mark, from) !== -1;
}
