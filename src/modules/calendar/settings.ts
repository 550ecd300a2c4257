import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm');
const monthDay = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), yearOffset: z.number().int().min(0).max(1).optional() });

/** A unit's own calendar settings; every field left out is inherited from the parent unit. */
export const UnitCalendarSettings = z.object({
  /** Days of the week off (0 = Sunday … 6 = Saturday). */
  weekend: z.array(z.number().int().min(0).max(6)).max(7).optional(),
  /** From which year 24/11 (Ngày Văn hóa Việt Nam) is a day off; null = never. */
  cultureDayFrom: z.number().int().min(2000).max(2100).nullable().optional(),
  /** Office hours, for limits counted in hours. */
  officeHours: z
    .object({ morning: z.tuple([time, time]), afternoon: z.tuple([time, time]) })
    .nullable()
    .optional(),
  /** Received after this time, a dossier counts from the next working day. */
  afternoonCutoff: time.nullable().optional(),
  /** Periodic report due dates and data cut-off days, when the plan does not state them. */
  reporting: z
    .object({
      dueDates: z.object({ Q1: monthDay, H1: monthDay, Q3: monthDay, Y: monthDay }).partial().optional(),
      cutoffStartDay: z.number().int().min(1).max(28).optional(),
      cutoffEndDay: z.number().int().min(1).max(28).optional(),
    })
    .optional(),
});
export type UnitCalendarSettings = z.infer<typeof UnitCalendarSettings>;

export const ScheduleEntryIn = z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(200) });

export const YearScheduleBody = z.object({
  daysOff: z.array(ScheduleEntryIn).max(100),
  workingDays: z.array(ScheduleEntryIn).max(100),
  source: z.string().trim().max(1000).nullable().optional(),
});

/** The file `cchc calendar import` and the admin screen read: one or more years. */
export const ScheduleFile = z.object({
  schedules: z.array(YearScheduleBody.extend({ year: z.number().int().min(1900).max(2200) })).min(1).max(50),
});
export type ScheduleFile = z.infer<typeof ScheduleFile>;
