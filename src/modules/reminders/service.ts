import type { WorkingCalendar } from '../../core/calendar/index.js';
import { REMINDER_KINDS, REMINDER_KIND_LABELS, preferenceFor } from '../../core/reminders/index.js';
import type { ChannelPreference, ReminderKind } from '../../core/reminders/index.js';
import type { Dialect } from '../../db/database.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { findUserById } from '../users/repository.js';
import type { Mailer } from './mailer.js';
import {
  countOutbox,
  countUnread,
  findNotification,
  listNotifications,
  listOutbox,
  listPreferences,
  markAllNotificationsRead,
  markNotificationRead,
  upsertPreference,
} from './repository.js';
import type { PreferencesOut } from './schema.js';
import type { ReminderSource } from './source.js';
import { runSweep } from './sweep.js';
import type { SweepResult } from './sweep.js';

export const NOTIFICATION_PAGE = 30;
export const OUTBOX_PAGE = 50;

export interface RemindersDeps {
  db: Q;
  dialect: Dialect;
  clock: Clock;
  /** A unit's working-day calendar: `(id) => services.calendar.forUnit(id).then((c) => c.calendar)`. */
  calendarOf(unitId: number): Promise<WorkingCalendar>;
  mailer: Mailer;
  /** Where reminders come from; the sweep asks each in turn (see source.ts). */
  sources: readonly ReminderSource[];
  appUrl: string | null;
}

export function remindersService(deps: RemindersDeps) {
  const { db, clock } = deps;
  const sources: ReminderSource[] = [...deps.sources];

  return {
    /** Adds a source after wiring (a module built later plugs its reminders in). */
    addSource(source: ReminderSource): void {
      sources.push(source);
    },

    /** One sweep with the injected clock: make what is due, send pending e-mails. */
    sweep(): Promise<SweepResult> {
      return runSweep({ ...deps, sources });
    },

    async notifications(actor: Actor, o: { unreadOnly: boolean; page: number }) {
      const [items, unread] = await Promise.all([
        listNotifications(db, actor.userId, {
          unreadOnly: o.unreadOnly,
          limit: NOTIFICATION_PAGE,
          offset: (o.page - 1) * NOTIFICATION_PAGE,
        }),
        countUnread(db, actor.userId),
      ]);
      return { items, unread };
    },

    unreadCount: (actor: Actor) => countUnread(db, actor.userId),

    async markRead(actor: Actor, id: number) {
      const n = await findNotification(db, id);
      if (!n || !policy.readNotification(actor, n.user_id))
        throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo.');
      await markNotificationRead(db, id, clock.now().toISOString());
      return { ...n, read_at: n.read_at ?? clock.now().toISOString() };
    },

    async markAllRead(actor: Actor): Promise<number> {
      return markAllNotificationsRead(db, actor.userId, clock.now().toISOString());
    },

    async preferences(actor: Actor): Promise<PreferencesOut> {
      const [rows, user] = await Promise.all([
        listPreferences(db, actor.userId),
        findUserById(db, actor.userId),
      ]);
      const stored = new Map<string, ChannelPreference>(
        rows.map((r) => [r.kind, { email: r.email === 1, inApp: r.in_app === 1 }]),
      );
      return {
        items: REMINDER_KINDS.map((kind) => ({
          kind,
          ...preferenceFor(kind, stored),
          label: REMINDER_KIND_LABELS[kind].label,
          description: REMINDER_KIND_LABELS[kind].description,
          isDefault: !stored.has(kind),
        })),
        emailAddress: user?.email ?? null,
        emailConfigured: deps.mailer.configured,
      };
    },

    async savePreferences(
      actor: Actor,
      items: { kind: ReminderKind; email: boolean; inApp: boolean }[],
      requestId?: string,
    ) {
      const before = await listPreferences(db, actor.userId);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        for (const i of items)
          await upsertPreference(tx, {
            user_id: actor.userId,
            kind: i.kind,
            email: i.email ? 1 : 0,
            in_app: i.inApp ? 1 : 0,
            updated_at: now,
          });
        await insertAudit(tx, {
          unitId: actor.unitId,
          userId: actor.userId,
          entity: 'notification_preference',
          entityId: actor.userId,
          action: 'save',
          before: before.map((b) => ({ kind: b.kind, email: b.email, inApp: b.in_app })),
          after: items,
          at: now,
          requestId,
        });
      });
      return this.preferences(actor);
    },

    /** The outbox of a unit (or its subtree) for its administrators and a superior's. */
    async outbox(
      actor: Actor,
      o: {
        unitId: number;
        subtree: boolean;
        status?: string | undefined;
        kind?: string | undefined;
        page: number;
      },
    ) {
      const unit = await findUnitById(db, o.unitId);
      if (!unit || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
      if (!policy.readOutbox(actor, unit.path))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên của đơn vị hoặc đơn vị cấp trên mới xem được hộp thư đi.',
        );
      const filter = {
        path: unit.path,
        unitId: o.subtree ? undefined : unit.id,
        status: o.status,
        kind: o.kind,
        limit: OUTBOX_PAGE,
        offset: (o.page - 1) * OUTBOX_PAGE,
      };
      const [items, total] = await Promise.all([listOutbox(db, filter), countOutbox(db, filter)]);
      return { items, total };
    },
  };
}

export type RemindersService = ReturnType<typeof remindersService>;
