import { describe, expect, it } from 'vitest';
import { INVALID_PERIOD, periodBounds } from './period.js';

describe('periodBounds', () => {
  const now = Date.parse('2026-05-20T10:00:00+07:00');

  it('gives the Vietnam days as UTC instants, up to now for a period not ended', () => {
    expect(periodBounds('2026-01-01', '2026-03-31', now)).toEqual({
      fromIso: '2025-12-31T17:00:00.000Z',
      toIso: '2026-03-31T16:59:59.999Z',
    });
    expect(periodBounds('2026-04-01', '2026-06-30', now).toIso).toBe('2026-05-20T03:00:00.000Z');
  });

  it.each([
    ['2026-06-01', '2026-06-30'],
    ['2026-03-02', '2026-03-01'],
    ['không phải ngày', '2026-03-01'],
  ])('refuses %s – %s', (from, to) => {
    expect(() => periodBounds(from, to, now)).toThrow(INVALID_PERIOD);
  });
});
