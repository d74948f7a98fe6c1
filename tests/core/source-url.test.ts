import { describe, expect, it } from 'vitest';
import { normaliseSourceUrl } from '../../core/source-url.js';

describe('normaliseSourceUrl', () => {
  it('treats the same page reached through different links as one', () => {
    const same = [
      'https://www.Example.org/news/story/',
      'http://example.org/news/story',
      'https://EXAMPLE.ORG/news/story?utm_source=newsletter&utm_medium=email',
      'https://example.org:443/news/story#comments',
      'https://example.org/news/story/?fbclid=abc123&gclid=x',
    ];
    const forms = new Set(same.map(normaliseSourceUrl));
    expect([...forms]).toEqual(['example.org/news/story']);
  });

  it('keeps parameters that choose the page, in a stable order', () => {
    expect(normaliseSourceUrl('https://example.org/item?id=7&page=2&utm_campaign=x')).toBe('example.org/item?id=7&page=2');
    expect(normaliseSourceUrl('https://example.org/item?page=2&id=7')).toBe('example.org/item?id=7&page=2');
    expect(normaliseSourceUrl('https://example.org/item?id=7')).not.toBe(normaliseSourceUrl('https://example.org/item?id=8'));
  });

  it('keeps the path’s case and a non-default port, and never throws on text that is not a URL', () => {
    expect(normaliseSourceUrl('https://example.org/Report.PDF')).toBe('example.org/Report.PDF');
    expect(normaliseSourceUrl('http://example.org:8080/')).toBe('example.org:8080');
    expect(normaliseSourceUrl('  Not A URL ')).toBe('not a url');
  });
});
