import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName } from './mask.js';

describe('maskName', () => {
  it('keeps the family name and the first letter of the others', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V** A*');
    expect(maskName('  Lê   Thị  Bình ')).toBe('Lê T** B***');
    expect(maskName('Trần')).toBe('Trần');
  });

  it('never shows more than the first word and one letter of each other word, and keeps the word count', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ỹ]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const masked = maskName(words.join(' ')).split(' ');
        expect(masked).toHaveLength(words.length);
        expect(masked[0]).toBe(words[0]!.normalize('NFC'));
        for (const m of masked.slice(1)) expect([...m].slice(1).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});
