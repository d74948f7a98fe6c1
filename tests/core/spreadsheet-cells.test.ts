import { describe, expect, it } from 'vitest';
import { isBlankRow, nameKey, readChoice, readDate, readRating, readUrl } from '../../core/spreadsheet-cells.js';

describe('readDate', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['3/14/2025', '2025-03-14'],
    ['03/14/25', '2025-03-14'],
    ['March 14, 2025', '2025-03-14'],
    ['Mar. 14 2025', '2025-03-14'],
    ['14 de marzo de 2025', '2025-03-14'],
    ['45730', '2025-03-14'],
    [' 2025-03-14T00:00:00.000Z ', '2025-03-14'],
  ])('reads %s', (text, day) => expect(readDate(text)).toBe(day));

  it.each(['14/3/2025', '2025-02-30', 'yesterday', '', 'Smarch 14, 2025', '12'])('refuses %s', (text) => expect(readDate(text)).toBeNull());
});

describe('readRating', () => {
  it.each([
    ['2', 2],
    ['+1', 1],
    ['1', 1],
    ['-1', -1],
    ['−1', -1],
    [' 0 ', 0],
    ['-2', -2],
    ['1.0', 1],
  ])('reads %s', (text, rating) => expect(readRating(text)).toBe(rating));
  it.each(['3', '-3', '1.5', 'good', '', '+'])('refuses %s', (text) => expect(readRating(text)).toBeNull());
});

describe('readChoice', () => {
  const standards = [
    { slug: 'kids', names: ['3', 'Treat Kids Like Kids', 'Tratar a los niños como niños'] },
    { slug: 'health', names: ['2', 'Health and Wellness Support'] },
  ];
  it('finds a choice by slug, number or title in either language, whatever the case, accents and spacing', () => {
    expect(readChoice('KIDS', standards)).toBe('kids');
    expect(readChoice('3', standards)).toBe('kids');
    expect(readChoice('  treat kids   like kids ', standards)).toBe('kids');
    expect(readChoice('Tratar a los ninos como ninos', standards)).toBe('kids');
    expect(readChoice('health and wellness support', standards)).toBe('health');
  });
  it('refuses what matches nothing, or more than one choice', () => {
    expect(readChoice('11', standards)).toBeNull();
    expect(readChoice('', standards)).toBeNull();
    expect(
      readChoice('Sam', [
        { slug: 'a', names: ['Sam'] },
        { slug: 'b', names: ['sam'] },
      ]),
    ).toBeNull();
  });
  it('compares names without case, accents or punctuation', () => expect(nameKey(' José  Ñúñez-Ruiz ')).toBe('jose nunez ruiz'));
});

describe('readUrl', () => {
  it('adds https:// to an address typed without a scheme', () => {
    expect(readUrl('www.example.org/story')).toBe('https://www.example.org/story');
    expect(readUrl('example.org')).toBe('https://example.org/');
    expect(readUrl('http://example.org/a?b=1')).toBe('http://example.org/a?b=1');
  });
  it('refuses what is not a web address', () => {
    for (const text of ['javascript:alert(1)', 'ftp://example.org', 'not a url', 'localhost', '']) expect(readUrl(text), text).toBeNull();
  });
});

describe('isBlankRow', () => {
  it('is true only when every cell is empty or spaces', () => {
    expect(isBlankRow({ a: '', b: '  ', c: undefined })).toBe(true);
    expect(isBlankRow({ a: '', b: 'x' })).toBe(false);
  });
});
