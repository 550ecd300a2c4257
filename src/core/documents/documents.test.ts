import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bookFor,
  daysUntilReview,
  documentFigures,
  documentTypeOf,
  nextReviewDate,
  numberSymbol,
  parseNumberSymbol,
  reviewDueState,
} from './index.js';
import type { DocumentFact } from './index.js';

describe('Decree 30 numbers and symbols', () => {
  it('writes the number from 01 with the type and the issuer; a công văn has no type code', () => {
    expect(numberSymbol(71, 'KH', 'MNTT')).toBe('71/KH-MNTT');
    expect(numberSymbol(1, 'QĐ', 'UBND')).toBe('01/QĐ-UBND');
    expect(numberSymbol(5, 'CV', 'MNTT-VP')).toBe('05/MNTT-VP');
  });

  it('reads numbers and symbols as printed', () => {
    expect(parseNumberSymbol('71/KH-MNTT')).toEqual({ number: 71, type: 'KH', issuer: 'MNTT', year: null });
    expect(parseNumberSymbol('Số: 12/BC-UBND')).toEqual({
      number: 12,
      type: 'BC',
      issuer: 'UBND',
      year: null,
    });
    expect(parseNumberSymbol('41/2011/QĐ-UBND')).toEqual({
      number: 41,
      type: 'QĐ',
      issuer: 'UBND',
      year: 2011,
    });
    expect(parseNumberSymbol('05/MNTT-VP')).toEqual({ number: 5, type: 'CV', issuer: 'MNTT-VP', year: null });
    expect(parseNumberSymbol('12 / TTr - PGDĐT')).toEqual({
      number: 12,
      type: 'TTr',
      issuer: 'PGDĐT',
      year: null,
    });
    expect(parseNumberSymbol('không số')).toBeNull();
  });

  it('reads type codes and names, keeping codes that fold alike apart', () => {
    expect(documentTypeOf('Kế hoạch')).toBe('KH');
    expect(documentTypeOf('ke hoach')).toBe('KH');
    expect(documentTypeOf('QD')).toBe('QĐ');
    expect(documentTypeOf('Quy định')).toBe('QyĐ');
    expect(documentTypeOf('HĐ')).toBe('HĐ');
    expect(documentTypeOf('HD')).toBe('HD');
    expect(documentTypeOf('Công văn')).toBe('CV');
    expect(documentTypeOf('Thư ngỏ')).toBeNull();
  });

  it('numbers confidential documents in books of their own', () => {
    expect(bookFor('outgoing', false)).toBe('di');
    expect(bookFor('outgoing', true)).toBe('di-mat');
    expect(bookFor('incoming', false)).toBe('den');
    expect(bookFor('incoming', true)).toBe('den-mat');
  });
});

const fact = (over: Partial<DocumentFact>): DocumentFact => ({
  direction: 'outgoing',
  day: '2026-02-10',
  form: 'electronic',
  signed: true,
  confidential: false,
  channel: 'eoffice',
  dueDate: null,
  handledOn: null,
  cancelled: false,
  ...over,
});

describe('document figures', () => {
  it('counts by hand: confidential excluded from the shares, cancelled and out-of-period nowhere', () => {
    const facts = [
      fact({}), // electronic, signed, e-office
      fact({ form: 'paper', signed: false, channel: 'postal' }),
      fact({ signed: false, channel: 'email' }),
      fact({ confidential: true, form: 'paper', signed: false, channel: 'hand' }), // excluded from shares
      fact({ cancelled: true }), // nowhere
      fact({ day: '2026-04-01' }), // outside
      fact({ direction: 'incoming', channel: 'eoffice', dueDate: '2026-02-20', handledOn: '2026-02-18' }),
      fact({
        direction: 'incoming',
        form: 'paper',
        channel: 'postal',
        dueDate: '2026-02-20',
        handledOn: '2026-02-25',
      }),
      fact({
        direction: 'incoming',
        confidential: true,
        form: 'paper',
        channel: 'hand',
        dueDate: '2026-03-01',
      }),
      fact({ direction: 'incoming', dueDate: '2026-04-15' }), // open, not yet due at the period end
      fact({ direction: 'incoming' }), // no deadline
    ];
    const f = documentFigures(facts, '2026-01-01', '2026-03-31');
    expect(f.counts).toEqual({
      outgoing: 4,
      outgoingConfidential: 1,
      outgoingElectronic: 2,
      outgoingSigned: 1,
      outgoingOfficialChannel: 2,
      incoming: 5,
      incomingConfidential: 1,
      incomingElectronic: 3,
      incomingOfficialChannel: 3,
      withDeadline: 4,
      handledOnTime: 1,
      handledLate: 1,
      openOnTime: 1,
      openLate: 1,
    });
    // (2 + 3) ÷ (3 + 4)
    expect(f.electronic).toMatchObject({ numerator: 5, denominator: 7, value: 71.43 });
    expect(f.electronicOutgoing.value).toBe(66.67);
    expect(f.electronicIncoming.value).toBe(75);
    expect(f.signed).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    expect(f.officialChannel).toMatchObject({ numerator: 5, denominator: 7 });
    expect(f.incomingOnTime).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  });

  it('judges incoming deadlines as of the period end or today, whichever comes first', () => {
    const d = [
      fact({ direction: 'incoming', day: '2026-03-02', dueDate: '2026-03-10', handledOn: '2026-03-20' }),
    ];
    // On 5 March it was open and not yet due; on 31 March it had been handled late.
    expect(documentFigures(d, '2026-03-01', '2026-03-31', '2026-03-05').counts.openOnTime).toBe(1);
    expect(documentFigures(d, '2026-03-01', '2026-03-31', '2026-03-15').counts.openLate).toBe(1);
    expect(documentFigures(d, '2026-03-01', '2026-03-31').counts.handledLate).toBe(1);
  });

  it('gives no value without documents, never 0 % or 100 %', () => {
    const f = documentFigures([], '2026-01-01', '2026-12-31');
    expect(f.electronic.value).toBeNull();
    expect(f.incomingOnTime.value).toBeNull();
  });
});

describe('regulation reviews', () => {
  it('adds months with the day clamped, and dates the next review from the last one', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 14)).toBe('2027-01-15');
    expect(nextReviewDate(12, null, '2025-03-01', '2026-01-01')).toBe('2026-03-01');
    expect(nextReviewDate(12, '2026-02-10', '2025-03-01', '2026-01-01')).toBe('2027-02-10');
    expect(nextReviewDate(6, null, null, '2026-01-01')).toBe('2026-07-01');
  });

  it('is due soon within 30 days, overdue after', () => {
    expect(reviewDueState('2026-05-01', '2026-03-01')).toBeNull();
    expect(reviewDueState('2026-03-31', '2026-03-01')).toBe('due_soon');
    expect(reviewDueState('2026-03-01', '2026-03-01')).toBe('due_soon');
    expect(reviewDueState('2026-02-28', '2026-03-01')).toBe('overdue');
    expect(daysUntilReview('2026-03-11', '2026-03-01')).toBe(10);
  });
});
