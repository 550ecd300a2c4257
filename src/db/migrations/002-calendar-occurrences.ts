import type { Kysely } from 'kysely';
import { OFFICIAL_SCHEDULES } from '../../core/calendar/index.js';
import type { MigrationContext } from './context.js';

/**
 * The working-day calendar as data (announced yearly schedules, versioned; a unit's own rules),
 * task schedules read from deadline phrases, their dated occurrences, and iCalendar feeds.
 */
export function calendarOccurrences(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('calendar_schedule')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('days_off_json', 'text', (c) => c.notNull())
        .addColumn('working_days_json', 'text', (c) => c.notNull())
        .addColumn('source', 'varchar(1000)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('calendar_schedule_year_idx').on('calendar_schedule').columns(['year', 'version']).unique().execute();

      await db.schema
        .createTable('unit_calendar')
        .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('unit.id'))
        .addColumn('settings_json', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await db.schema.alterTable('task').addColumn('schedule_json', 'text').execute();
      await db.schema.alterTable('task').addColumn('schedule_corrected', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('plan').addColumn('report_settings_json', 'text').execute();

      await db.schema
        .createTable('task_occurrence')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
        .addColumn('key', 'varchar(120)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)')
        .addColumn('label', 'varchar(300)', (c) => c.notNull())
        .addColumn('deliverable', 'varchar(500)')
        .addColumn('period_key', 'varchar(20)')
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('completed_on', 'varchar(10)')
        .addColumn('note', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('removed_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('task_occurrence_task_key_idx').on('task_occurrence').columns(['task_id', 'key']).unique().execute();
      await db.schema.createIndex('task_occurrence_due_idx').on('task_occurrence').columns(['due_date', 'status']).execute();

      await db.schema.alterTable('evidence').addColumn('occurrence_id', 'integer', (c) => c.references('task_occurrence.id')).execute();

      await db.schema
        .createTable('calendar_feed')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('revoked_at', 'varchar(30)')
        .execute();

      // The announced schedules shipped with the code become version 1 of each year's data.
      const now = new Date().toISOString();
      const rows = OFFICIAL_SCHEDULES.map((s) => ({
        year: s.year,
        version: 1,
        status: 'active',
        days_off_json: JSON.stringify(s.daysOff),
        working_days_json: JSON.stringify(s.workingDays),
        source: s.source ?? null,
        created_by: null,
        created_at: now,
      }));
      if (rows.length > 0) await (db as Kysely<{ calendar_schedule: (typeof rows)[number] }>).insertInto('calendar_schedule').values(rows).execute();
    },
  };
}
