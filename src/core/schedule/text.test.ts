import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSlice, fold, foldText, originalSpan, slug } from './text.js';

describe('foldText', () => {
  it('removes case and diacritics, đ → d', () => {
    expect(fold('Định kỳ HÀNG QUÝ, Đề án')).toBe('dinh ky hang quy, de an');
  });

  it('folds NFD exactly like NFC and maps back to the original offsets', () => {
    const nfd = 'Quý II'.normalize('NFD');
    const f = foldText(nfd);
    expect(f.text).toBe('quy ii');
    expect(nfd.slice(originalSpan(f, 0, 3).start, originalSpan(f, 0, 3).end)).toBe('Quý'.normalize('NFD'));
  });

  it('collapses whitespace and blanks HTML tags', () => {
    const raw = '<p>-  Kế\u00a0hoạch</p>\n<p>x</p>';
    const f = foldText(raw);
    expect(f.text).toBe(' - ke hoach\nx ');
  });

  it('keeps the map consistent for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const f = foldText(s);
        expect(f.starts).toHaveLength(f.text.length);
        expect(f.ends).toHaveLength(f.text.length);
        for (let i = 0; i < f.text.length; i++) {
          expect(f.starts[i]).toBeLessThan(f.ends[i]!);
          expect(f.ends[i]).toBeLessThanOrEqual(s.length);
          if (i > 0) expect(f.starts[i]).toBeGreaterThanOrEqual(f.starts[i - 1]!);
        }
      }),
    );
  });
});

describe('helpers', () => {
  it('slug', () => {
    expect(slug('Kế hoạch')).toBe('kehoach');
    expect(slug('Báo cáo năm')).toBe('baocaonam');
    expect(slug('Biên bản tự kiểm tra')).toBe('bienbantukiemtra');
  });

  it('cleanSlice', () => {
    expect(cleanSlice('<p>  Theo   Thông báo </p>', { start: 0, end: 26 })).toBe('Theo Thông báo');
  });
});
