import dayjs from 'dayjs';

/** A reporting period between two dates (`YYYY-MM-DD`), both included. */
export interface DatePeriod {
  from: string;
  to: string;
}

export type PeriodPreset = 'this_quarter' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'Y' | 'custom';

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  this_quarter: 'Quý này',
  Q1: 'Quý I',
  Q2: 'Quý II',
  Q3: 'Quý III',
  Q4: 'Quý IV',
  H1: '6 tháng đầu năm',
  Y: 'Cả năm',
  custom: 'Tùy chọn ngày',
};
export const PERIOD_PRESETS = Object.keys(PERIOD_PRESET_LABELS) as PeriodPreset[];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => dayjs(`${year}-${pad(month)}-01`).daysInMonth();
const quarter = (year: number, q: number): DatePeriod => {
  const end = q * 3;
  return { from: `${year}-${pad(end - 2)}-01`, to: `${year}-${pad(end)}-${pad(lastDay(year, end))}` };
};

/** Today in Vietnam (the server counts dossier days in UTC+7). */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The dates of a preset in `year` ("this quarter" is the current one, whatever the year). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, year: number): DatePeriod {
  switch (preset) {
    case 'this_quarter': {
      const today = vietnamToday();
      return quarter(Number(today.slice(0, 4)), Math.ceil(Number(today.slice(5, 7)) / 3));
    }
    case 'Q1':
      return quarter(year, 1);
    case 'Q2':
      return quarter(year, 2);
    case 'Q3':
      return quarter(year, 3);
    case 'Q4':
      return quarter(year, 4);
    case 'H1':
      return { from: `${year}-01-01`, to: `${year}-06-30` };
    case 'Y':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}
