import { z } from 'zod';
import { UnitCalendarSettings } from './settings.js';

export const Entry = z.object({ date: z.string(), name: z.string() });

export const YearOut = z.object({
  year: z.number(),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), kind: z.enum(['statutory', 'compensation', 'announced']) })),
  workingDays: z.array(Entry),
});

export const MonthQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng YYYY-MM'),
  subtree: z.enum(['0', '1']).optional(),
});

export const MonthOut = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  month: z.string(),
  today: z.string(),
  days: z.array(
    z.object({ date: z.string(), weekday: z.number(), off: z.boolean(), holiday: z.string().nullable(), makeUpWorkingDay: z.string().nullable() }),
  ),
  dues: z.array(
    z.object({
      occurrenceId: z.number(),
      due: z.string(),
      label: z.string(),
      deliverable: z.string().nullable(),
      status: z.string(),
      taskId: z.number(),
      taskCode: z.string(),
      taskTitle: z.string(),
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
    }),
  ),
});

export const ScheduleVersionOut = z.object({
  id: z.number(),
  year: z.number(),
  version: z.number(),
  status: z.string(),
  daysOff: z.array(Entry),
  workingDays: z.array(Entry),
  source: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: z.string(),
});

export const SettingsOut = z.object({
  own: UnitCalendarSettings.nullable(),
  effective: UnitCalendarSettings,
  inheritedFrom: z.string(),
});

export const FeedOut = z.object({ active: z.boolean(), createdAt: z.string().nullable(), url: z.string().nullable() });
