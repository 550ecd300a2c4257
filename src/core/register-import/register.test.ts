/** Properties of the register's reading, over generated files (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  dayNumberFromParts,
  momentOfDayNumber,
  parseTimeOfDay,
} from '../calendar/index.js';
import type { Cell } from './cell.js';
import { readLayout } from './layout.js';
import type { SheetRow } from './layout.js';
import type { RegisterReading } from './register.js';
import { assignCodes, finishReading, readRegister } from './register.js';
import { rowContext } from './row.js';
import type { RegisterProcedure } from './row.js';
import { readMoment } from './values.js';

const calendar = createWorkingCalendar();
const NOW = Date.parse('2026-06-30T10:00:00+07:00');
const procedures: RegisterProcedure[] = [
  { id: 1, code: '1.001', name: 'Đăng ký khai sinh', limit_unit: 'working_days', limit_amount: 3 },
  { id: 2, code: '2.002', name: 'Chứng thực bản sao', limit_unit: 'working_hours', limit_amount: 4 },
  { id: 3, code: '3.003', name: 'Cấp phép xây dựng', limit_unit: 'calendar_days', limit_amount: 15 },
];
const HEADER: Cell[] = [
  'Mã hồ sơ',
  'Mã thủ tục',
  'Người nộp',
  'Ngày tiếp nhận',
  'Ngày giải quyết',
  'Số lần bổ sung',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell of 2026 (some in the future, some malformed), or blank. */
const dateCell = fc.oneof(
  fc.constant(''),
  fc
    .record({
      month: fc.integer({ min: 1, max: 8 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
    })
    .map(({ month, day, hour }) => `${pad(day)}/${pad(month)}/2026 ${pad(hour)}:15`),
  fc.constantFrom('31/02/2026', 'hôm qua', '15/04/2026'),
);
const dataRow = fc.tuple(
  fc.constantFrom('', 'A-1', 'A-2', 'A-3', 'B-1'),
  fc.constantFrom('1.001', '2.002', '3.003', '9.999', ''),
  fc.constantFrom('Nguyễn Văn An', 'Lê Thị Bình', 'X', ''),
  dateCell,
  dateCell,
  fc.constantFrom('', '0', '1', '2', 'nhiều'),
);
const fileRows = fc.array(dataRow, { maxLength: 25 });

function read(rows: Cell[][], order?: number[]) {
  const sheet: SheetRow[] = [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells }));
  const layout = readLayout(sheet, undefined);
  const ctx = rowContext(layout.mapping, procedures, calendar, {
    morning: parseTimeOfDay('07:30'),
    endOfDay: parseTimeOfDay('17:00'),
    nowMs: NOW,
  });
  const body = sheet.slice(1);
  const reading = readRegister(order ? order.map((i) => body[i]!) : body, ctx);
  return { layout, reading };
}

describe('the register reading: rows', () => {
  it('finds the header and every column of the generated files', () => {
    const { layout } = read([]);
    expect(layout.errors).toEqual([]);
    expect(layout.mapping).toMatchObject({ code: 0, procedureCode: 1, applicantName: 2, receivedAt: 3 });
    const { planned, errors } = finishReading(
      read([['A-1', '1.001', 'Nguyễn Văn An', '15/04/2026 09:15', '17/04/2026 10:15', '']]).reading,
    );
    expect(errors).toEqual([]);
    expect(planned).toMatchObject([{ row: 2, code: 'A-1', state: { status: 'resolved', late: false } }]);
  });

  it('a row gives either problems or a dossier, never both; every row without a problem gives one', () => {
    fc.assert(
      fc.property(fileRows, (rows) => {
        const { planned, errors, counts } = finishReading(read(rows).reading);
        const failed = new Set(errors.map((e) => e.row));
        for (const p of planned) expect(failed.has(p.row)).toBe(false);
        expect(planned.length).toBe(counts.valid);
        expect(counts.valid + counts.invalid).toBe(counts.rows);
        expect(counts.open + counts.ended).toBe(counts.valid);
        expect(counts.rows + counts.skipped).toBeLessThanOrEqual(rows.length);
      }),
    );
  });

  it('the errors come sorted by row, and name a field of the register', () => {
    fc.assert(
      fc.property(fileRows, (rows) => {
        const { errors } = finishReading(read(rows).reading);
        for (let i = 1; i < errors.length; i++)
          expect(errors[i]!.row).toBeGreaterThanOrEqual(errors[i - 1]!.row);
        for (const e of errors) expect(e.message).toMatch(/^[^:]+: /);
      }),
    );
  });

  it('duplicate codes are found whatever the order of the rows: each code once, every repeat refused', () => {
    fc.assert(
      fc.property(
        fileRows.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray([...rows.keys()], { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, order]) => {
          const duplicates = (reading: RegisterReading) => {
            const byCode = new Map<string, number>();
            for (const e of reading.errors)
              if (e.field === 'code' && e.message.includes('trùng với dòng')) {
                const code = /mã (\S+) trùng/.exec(e.message)![1]!;
                byCode.set(code, (byCode.get(code) ?? 0) + 1);
              }
            return byCode;
          };
          const straight = read(rows).reading;
          const shuffled = read(rows, order).reading;
          expect(duplicates(shuffled)).toEqual(duplicates(straight));
          expect(new Set(shuffled.givenCodes.map((g) => g.code))).toEqual(
            new Set(straight.givenCodes.map((g) => g.code)),
          );
          const expected = new Map<string, number>();
          for (const code of new Set(rows.map((r) => r[0]).filter((c) => c !== ''))) {
            const times = rows.filter((r) => r[0] === code).length;
            if (times > 1) expected.set(code, times - 1);
          }
          expect(duplicates(straight)).toEqual(expected);
        },
      ),
    );
  });
});

describe('the register reading: codes and moments', () => {
  it('our codes are unique, of the unit, and never one the system or the file holds', () => {
    fc.assert(
      fc.property(fileRows, fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }), (rows, seqs) => {
        const { reading } = read(rows);
        const existing = seqs.map((s) => `UBXA-260415-${String(s).padStart(4, '0')}`);
        const given = new Set(reading.givenCodes.map((g) => g.code));
        const generated = reading.needingCodes();
        assignCodes(reading, 'UBXA', existing);
        const codes = generated.map((p) => p.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const c of codes) {
          expect(c).toMatch(/^UBXA-\d{6}-\d{4}$/);
          expect(existing).not.toContain(c);
          expect(given.has(c)).toBe(false);
        }
      }),
    );
  });

  it('dd/MM/yyyy HH:mm and ISO read back as the same Vietnam moment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (y, mo, d, h, mi) => {
          const expected = momentOfDayNumber(dayNumberFromParts(y, mo, d), h * 60 + mi);
          const dmy = readMoment(`${pad(d)}/${pad(mo)}/${y} ${pad(h)}:${pad(mi)}`);
          const isoText = readMoment(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`);
          expect(dmy).toEqual({ ms: expected, day: dayNumberFromParts(y, mo, d), dateOnly: false });
          expect(isoText).toEqual(dmy);
          expect(readMoment(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}+07:00`)).toEqual(dmy);
          expect(readMoment(`${pad(d)}/${pad(mo)}/${y}`)).toMatchObject({
            day: dayNumberFromParts(y, mo, d),
            dateOnly: true,
          });
        },
      ),
    );
  });
});
