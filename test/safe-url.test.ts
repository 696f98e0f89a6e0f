// Only http(s) links are stored or rendered (imported files, pages, corpus records).
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../lib/core/safe-url';
import { toMarkdown } from '../lib/view/report-view';

describe('safeHttpUrl', () => {
  it('keeps http and https URLs', () => {
    expect(safeHttpUrl('https://www.arabnews.com/node/1')).toBe('https://www.arabnews.com/node/1');
    expect(safeHttpUrl(' http://127.0.0.1:8080/a ')).toBe('http://127.0.0.1:8080/a');
  });

  it('refuses every other scheme, relative URLs and non-text', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'chrome://settings',
      'vbscript:x',
      '/relative',
      'not a url',
      '',
      null,
      undefined,
      42,
      {},
    ]) {
      expect(safeHttpUrl(bad), String(bad)).toBeNull();
    }
    expect(safeHttpUrl(`https://example.org/${'a'.repeat(5000)}`)).toBeNull();
  });
});

describe('Markdown export', () => {
  it('cites only http(s) links', () => {
    const match = (articleUrl: string) => ({
      stance: 'corroborates' as const,
      source: 'X',
      sourceId: 'x',
      article: 'A',
      articleUrl,
      statement: 'S.',
      score: 1,
      reason: 'r',
    });
    const report = {
      title: 'T',
      coverage: { isCoverage: true, score: 1, reason: '' },
      self: null,
      paragraphs: [
        { index: 0, text: 'P one.', matches: [match('javascript:alert(1)')] },
        { index: 1, text: 'P two.', matches: [match('https://example.org/a')] },
      ],
    };
    const md = toMarkdown(report, 'https://page.example/', new Date('2026-01-01T00:00:00Z'));
    expect(md).not.toMatch(/javascript:/);
    expect(md).toContain('<https://example.org/a>');
  });
});
