import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLabel, newImportId, readCounts, readRowErrors } from './importReport.js';

describe('web/src/lib/importReport: the reports the server sends', () => {
  it('reads the row errors under `errors`, in a report or in a refused import’s details', () => {
    const report = {
      created: 1,
      errors: [
        { row: 3, field: 'code', message: 'Mã thủ tục: thiếu mã thủ tục.' },
        { row: 1, field: 'file', message: 'Tệp danh mục thiếu cột bắt buộc.' },
      ],
    };
    expect(readRowErrors(report)).toEqual([
      { row: 3, field: 'code', message: 'Mã thủ tục: thiếu mã thủ tục.' },
      { row: 1, field: 'file', message: 'Tệp danh mục thiếu cột bắt buộc.' },
    ]);
    expect(readRowErrors({ errors: [], counts: { rows: 2 } })).toEqual([]);
    expect(readRowErrors(undefined)).toEqual([]);
    expect(readRowErrors({ errors: [{ row: 2, field: 'code', message: '' }] })).toEqual([]);
  });

  it('never throws and keeps only errors with a message, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const errors = readRowErrors(value);
        expect(errors.every((e) => typeof e.message === 'string' && e.message.trim() !== '')).toBe(true);
        expect(readRowErrors({ errors: value }).length).toBeLessThanOrEqual(
          Array.isArray(value) ? value.length : 0,
        );
      }),
    );
  });

  it('names the counts under `counts` first, then those at the top, each once', () => {
    const commit = {
      imported: 5,
      importId: null,
      counts: { rows: 6, valid: 5, invalid: 1, skipped: 0, late: 2 },
    };
    expect(readCounts(commit).map((c) => [c.key, c.label, c.value])).toEqual([
      ['rows', 'Tổng số dòng', 6],
      ['valid', 'Dòng hợp lệ', 5],
      ['invalid', 'Dòng có lỗi', 1],
      ['skipped', 'Bỏ qua', 0],
      ['late', 'Hồ sơ trễ hạn', 2],
      ['imported', 'Đã nhập', 5],
    ]);
    expect(readCounts({ dryRun: true, headerRow: 1, created: 2, updated: 1, unchanged: 0 })).toHaveLength(3);
    expect(readCounts(null)).toEqual([]);
  });

  it('labels a field as the server listed it, or by its key', () => {
    const fields = [{ key: 'code', label: 'Mã hồ sơ' }];
    expect(fieldLabel('code', fields)).toBe('Mã hồ sơ');
    expect(fieldLabel('file', fields)).toBe('file');
  });

  it('chooses progress ids the server accepts', () => {
    expect(newImportId()).toMatch(/^[A-Za-z0-9_-]{24,64}$/);
    expect(newImportId()).not.toBe(newImportId());
  });
});
