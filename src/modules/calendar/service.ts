import { randomBytes } from 'node:crypto';
import { sha256 } from '../../lib/hash.js';
import {
  DEFAULT_CALENDAR_RULES,
  WorkingCalendar,
  addDays,
  dayOfWeek,
  daysInMonth,
  holidaysOf,
  isDayOff,
  makeUpWorkingDaysOf,
  validateYearSchedule,
} from '../../core/calendar/index.js';
import type { CalendarRules, Holiday, ScheduleEntry, YearSchedule } from '../../core/calendar/index.js';
import type { ReportingSettings } from '../../core/schedule/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { buildIcal } from '../../lib/ical.js';
import { parseJson } from '../../lib/json.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { findUserById } from '../users/repository.js';
import {
  activeFeedOf,
  findActiveFeed,
  findUnitCalendars,
  insertFeed,
  insertScheduleVersion,
  listActiveSchedules,
  listScheduleVersions,
  occurrencesDueIn,
  revokeFeeds,
  upsertUnitCalendar,
} from './repository.js';
import { readScheduleFile } from './file.js';
import { UnitCalendarSettings } from './settings.js';
import type { ScheduleFile } from './settings.js';

export interface EffectiveCalendar {
  rules: CalendarRules;
  calendar: WorkingCalendar;
  settings: UnitCalendarSettings;
  /** Whose settings are in force: 'own', the id of the nearest ancestor that sets any, or 'default'. */
  inheritedFrom: string;
  reporting: ReportingSettings | undefined;
}

const tokenHash = (token: string) => sha256(token);

type YearBody = { daysOff: ScheduleEntry[]; workingDays: ScheduleEntry[]; source?: string | null | undefined };

/** The national announced schedules in force, as the calendar core reads them. */
async function activeSchedules(db: Q): Promise<YearSchedule[]> {
  const rows = await listActiveSchedules(db);
  return rows.map((r) => ({
    year: r.year,
    daysOff: parseJson<ScheduleEntry[]>(r.days_off_json, []),
    workingDays: parseJson<ScheduleEntry[]>(r.working_days_json, []),
    source: r.source ?? undefined,
  }));
}

/** A unit's calendar: its own settings where it has them, else its nearest ancestor's. */
export async function effectiveCalendar(db: Q, unitId: number): Promise<EffectiveCalendar> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const chain = unit.path.split('/').filter(Boolean).map(Number);
  const rows = await findUnitCalendars(db, chain);
  let settings: UnitCalendarSettings = {};
  let inheritedFrom = 'default';
  for (const id of chain) {
    const row = rows.find((r) => r.unit_id === id);
    if (!row) continue;
    const own = UnitCalendarSettings.parse(JSON.parse(row.settings_json));
    settings = { ...settings, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
    inheritedFrom = id === unit.id ? 'own' : String(id);
  }
  const rules: CalendarRules = {
    ...DEFAULT_CALENDAR_RULES,
    weekend: settings.weekend ?? DEFAULT_CALENDAR_RULES.weekend,
    cultureDayFrom: settings.cultureDayFrom === undefined ? DEFAULT_CALENDAR_RULES.cultureDayFrom : settings.cultureDayFrom,
    overrides: await activeSchedules(db),
  };
  const calendar = new WorkingCalendar(rules, {
    ...(settings.officeHours ? { officeHours: { morning: settings.officeHours.morning, afternoon: settings.officeHours.afternoon } } : {}),
    afternoonCutoff: settings.afternoonCutoff ?? null,
  });
  return { rules, calendar, settings, inheritedFrom, reporting: settings.reporting };
}

async function readableUnitOf(db: Q, actor: Actor, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

/** Only administrators of a top-level unit edit the national schedule. */
async function assertNationalEditorOf(db: Q, actor: Actor) {
  const unit = await findUnitById(db, actor.unitId);
  if (!unit || unit.parent_id !== null || !actor.roles.includes('admin'))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị viên của đơn vị cấp cao nhất mới sửa được lịch nghỉ, làm bù hằng năm.');
}

async function saveYearOf(db: Q, clock: Clock, actor: Actor | null, year: number, body: YearBody, requestId?: string) {
  const problems = validateYearSchedule({ year, daysOff: body.daysOff, workingDays: body.workingDays });
  if (problems.length > 0) throw new AppError('VALIDATION', `Lịch năm ${year} không hợp lệ: ${problems.join('; ')}.`, problems);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (tx) => {
    const row = await insertScheduleVersion(tx, { year, daysOff: body.daysOff, workingDays: body.workingDays, source: body.source ?? null, createdBy: actor?.userId ?? null, at: now });
    await insertAudit(tx, { unitId: actor?.unitId ?? null, userId: actor?.userId ?? null, entity: 'calendar_schedule', entityId: row.id, action: 'save', after: { year, version: row.version, daysOff: body.daysOff, workingDays: body.workingDays, source: body.source ?? null }, at: now, requestId });
    return row;
  });
}

/** Each day of a month: weekday, day off, holiday or make-up working day. */
function monthDays(y: number, first: string, last: string, rules: CalendarRules) {
  const holidays = holidaysOf(y, rules);
  const makeUp = makeUpWorkingDaysOf(y, rules);
  const days = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const dow = dayOfWeek(d);
    const holiday = holidays.find((h) => h.date === d);
    const workday = makeUp.find((w) => w.date === d);
    days.push({
      date: d,
      weekday: dow,
      off: isDayOff(d, rules),
      holiday: holiday ? holiday.name : null,
      makeUpWorkingDay: workday ? workday.name : null,
    });
  }
  return days;
}

/** The .ics of a user's due dates: tasks assigned to them, or all of their unit's if they edit it. */
async function feedIcsOf(db: Q, clock: Clock, token: string, baseUrl: string): Promise<string> {
  const feed = await findActiveFeed(db, tokenHash(token));
  if (!feed) throw new AppError('NOT_FOUND', 'Liên kết lịch không tồn tại hoặc đã bị thu hồi.');
  const user = await findUserById(db, feed.user_id);
  if (!user || user.active !== 1) throw new AppError('NOT_FOUND', 'Liên kết lịch không tồn tại hoặc đã bị thu hồi.');
  const unit = await findUnitById(db, user.unit_id);
  if (!unit) throw new AppError('NOT_FOUND');
  const roles = parseJson<string[]>(user.roles, []);
  const editor = roles.some((r) => r === 'admin' || r === 'head' || r === 'officer');
  const today = vietnamToday(clock);
  const from = addDays(today, -90);
  const to = addDays(today, 400);
  const dues = await occurrencesDueIn(db, unit.path, from, to, editor ? { unitId: unit.id } : { unitId: unit.id, assigneeId: user.id });
  return buildIcal(
    `Hạn CCHC — ${unit.name}`,
    dues.map((d) => ({
      uid: `occ-${d.id}@cchc`,
      date: d.due_date ?? today,
      summary: `${d.status === 'done' ? '✓ ' : ''}[${d.task_code}] ${d.deliverable ? `${d.deliverable}: ` : ''}${d.label}`,
      description: d.task_title,
      url: `${baseUrl}/tasks/${d.task_id}`,
    })),
    clock.now(),
  );
}

export function calendarService({ db, clock }: { db: Q; clock: Clock }) {
  const forUnit = (unitId: number) => effectiveCalendar(db, unitId);
  const readableUnit = (actor: Actor, unitId: number) => readableUnitOf(db, actor, unitId);
  const assertNationalEditor = (actor: Actor) => assertNationalEditorOf(db, actor);
  const saveYear = (actor: Actor | null, year: number, body: YearBody, requestId?: string) =>
    saveYearOf(db, clock, actor, year, body, requestId);

  return {
    forUnit,

    /** A year's days off and make-up working days for a unit. */
    async year(actor: Actor, unitId: number, year: number): Promise<{ holidays: Holiday[]; workingDays: ScheduleEntry[] }> {
      await readableUnit(actor, unitId);
      const { rules } = await forUnit(unitId);
      return { holidays: holidaysOf(year, rules), workingDays: makeUpWorkingDaysOf(year, rules) };
    },

    /** A month view: each day's kind, and the occurrences due in the unit (or its subtree). */
    async month(actor: Actor, unitId: number, month: string, subtree: boolean) {
      const unit = await readableUnit(actor, unitId);
      const { rules } = await forUnit(unitId);
      const [y, m] = month.split('-').map(Number) as [number, number];
      const first = `${month}-01`;
      const last = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
      const days = monthDays(y, first, last, rules);
      const dues = await occurrencesDueIn(db, unit.path, first, last, subtree ? {} : { unitId: unit.id });
      return { unit: { id: unit.id, name: unit.name }, month, today: vietnamToday(clock), days, dues };
    },

    /** Open occurrences overdue or due within `days` calendar days, for the dashboard. */
    async deadlines(actor: Actor, unitId: number, subtree: boolean, days: number) {
      const unit = await readableUnit(actor, unitId);
      const today = vietnamToday(clock);
      const rows = await occurrencesDueIn(db, unit.path, '1900-01-01', addDays(today, days), { pendingOnly: true, ...(subtree ? {} : { unitId: unit.id }) });
      return { today, rows };
    },

    async schedules(year: number) {
      return listScheduleVersions(db, year);
    },

    async saveSchedule(actor: Actor, year: number, body: { daysOff: ScheduleEntry[]; workingDays: ScheduleEntry[]; source?: string | null | undefined }, requestId?: string) {
      await assertNationalEditor(actor);
      return saveYear(actor, year, body, requestId);
    },

    /** Reads a pasted or uploaded schedule file, after checking who asks, and imports it. */
    async importText(actor: Actor, text: string, source: string | null, requestId?: string) {
      await assertNationalEditor(actor);
      return this.importFile(actor, readScheduleFile(text, source), requestId);
    },

    /** Imports a schedule file (one or more years), all or nothing. */
    async importFile(actor: Actor | null, file: ScheduleFile, requestId?: string) {
      if (actor) await assertNationalEditor(actor);
      const problems = file.schedules.flatMap((s) =>
        validateYearSchedule({ year: s.year, daysOff: s.daysOff, workingDays: s.workingDays }).map((p) => `năm ${s.year}: ${p}`),
      );
      if (problems.length > 0) throw new AppError('VALIDATION', `Tệp lịch không hợp lệ, chưa lưu gì: ${problems.join('; ')}.`, problems);
      const saved = [];
      for (const s of file.schedules) saved.push(await saveYear(actor, s.year, s, requestId));
      return saved;
    },

    async settings(actor: Actor, unitId: number) {
      await readableUnit(actor, unitId);
      const rows = await findUnitCalendars(db, [unitId]);
      const own = rows[0] ? UnitCalendarSettings.parse(JSON.parse(rows[0].settings_json)) : null;
      const effective = await forUnit(unitId);
      return { own, effective: effective.settings, inheritedFrom: effective.inheritedFrom };
    },

    async saveSettings(actor: Actor, unitId: number, settings: UnitCalendarSettings, requestId?: string) {
      const unit = await readableUnit(actor, unitId);
      if (!(policy.manageUnit(actor, unit.path) || policy.editPlan(actor, unit.id))) throw new AppError('FORBIDDEN');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const before = await findUnitCalendars(tx, [unitId]);
        await upsertUnitCalendar(tx, unitId, JSON.stringify(settings), actor.userId, now);
        await insertAudit(tx, { unitId, userId: actor.userId, entity: 'unit_calendar', entityId: unitId, action: 'save', before: before[0] ? JSON.parse(before[0].settings_json) : null, after: settings, at: now, requestId });
      });
      return this.settings(actor, unitId);
    },

    /** Creates (or replaces) the actor's secret feed URL token; the old one stops working. */
    async createFeed(actor: Actor): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await insertFeed(db, actor.userId, tokenHash(token), clock.now().toISOString());
      return token;
    },

    async revokeFeed(actor: Actor): Promise<void> {
      await revokeFeeds(db, actor.userId, clock.now().toISOString());
    },

    async feedStatus(actor: Actor) {
      const f = await activeFeedOf(db, actor.userId);
      return { active: f !== undefined, createdAt: f?.created_at ?? null };
    },

    /** The .ics of a user's due dates: tasks assigned to them, or all of their unit's if they edit it. */
    async feedIcs(token: string, baseUrl: string): Promise<string> {
      return feedIcsOf(db, clock, token, baseUrl);
    },
  };
}

export type CalendarService = ReturnType<typeof calendarService>;
