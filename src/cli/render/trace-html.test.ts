import { describe, expect, it } from 'vitest';
import { sampleTraceReport } from '../../../test/helpers/trace-report.ts';
import { escapeHtml, renderTraceHtml } from './trace-html.ts';

describe('renderTraceHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes one self-contained page: inline CSS, no script, no external resource, names escaped', () => {
    const html = renderTraceHtml(sampleTraceReport({ change: 'add-<b>' }));
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i);
    expect(html).toContain('<title>Spec coverage of add-&lt;b&gt;</title>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;) | y&lt;/script&gt;');
    expect(html).toContain('below the minimum of 80%');
    expect(html).toContain('<code>auth#Login/Ok</code>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });
});
