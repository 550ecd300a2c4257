import { describe, expect, it } from 'vitest';
import {
  fold,
  formatBytes,
  formatDate,
  linesToNamed,
  matchesSearch,
  namedToLines,
  parseVnDate,
} from './format.js';
import { presetPeriod } from './period.js';

describe('web/src/lib: formatting and search', () => {
  it('reads and writes dates the Vietnamese way', () => {
    expect(formatDate('2023-03-17')).toBe('17/03/2023');
    expect(formatDate(null)).toBe('—');
    expect(parseVnDate('17/3/2023')).toBe('2023-03-17');
    expect(parseVnDate(' 17/03/2023 ')).toBe('2023-03-17');
    expect(parseVnDate('31/02/2023')).toBeNull();
    expect(parseVnDate('hôm nay')).toBeNull();
  });

  it('searches without diacritics or case, đ as d', () => {
    expect(fold('  Hoàn   THÀNH Đúng hạn ')).toBe('hoan thanh dung han');
    expect(matchesSearch('dung han', ['Hoàn thành đúng hạn'])).toBe(true);
    expect(matchesSearch('hoan tre', ['Hoàn thành đúng hạn'])).toBe(false);
    expect(matchesSearch('', [null])).toBe(true);
  });

  it('prints sizes in B, KB, MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });

  it('turns named lists into lines and back', () => {
    const lines = namedToLines(linesToNamed('Văn phòng\nPhòng Nội vụ'));
    expect(linesToNamed(lines).map((n) => n.name)).toEqual(['Văn phòng', 'Phòng Nội vụ']);
  });

  it('gives the dates of quarters, the half year and the year', () => {
    expect(presetPeriod('Q1', 2024)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(presetPeriod('Q4', 2024)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(presetPeriod('H1', 2026)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('Y', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
