import { describe, expect, it } from 'vitest';
import { renderSupportedToolsDoc } from './supported-tools-doc.ts';
import { TOOLS } from './tools.ts';

describe('docs/supported-tools.md', () => {
  it('is generated from the tool table', async () => {
    await expect(renderSupportedToolsDoc()).toMatchFileSnapshot('../../../docs/supported-tools.md');
  });

  it('has one row per tool', () => {
    const doc = renderSupportedToolsDoc();
    for (const t of TOOLS) expect(doc).toContain(`| \`${t.id}\` | ${t.name} |`);
  });
});
