import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * Reminders (issue 6): every message the sweep makes is one `outbox` row, unique per recipient,
 * kind and event (`dedupe_key`), so that no reminder is made twice even when several processes
 * sweep one PostgreSQL at once; in-app copies in `notification`; each user's choices per kind in
 * `notification_preference`.
 */
export function reminders(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('outbox')
        .addColumn('id', id, (c) => c.primaryKey())
        /** `task_due_7:occurrence:123:2026-06-05:user:45`: the unique event of one recipient. */
        .addColumn('dedupe_key', 'varchar(300)', (c) => c.notNull().unique())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('event_key', 'varchar(200)', (c) => c.notNull())
        .addColumn('subject', 'varchar(500)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'varchar(500)')
        .addColumn('in_app', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('email_to', 'varchar(200)')
        /** pending | sending | sent | failed | not_configured | no_address | off */
        .addColumn('email_status', 'varchar(20)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', 'varchar(30)')
        .addColumn('claim_token', 'varchar(64)')
        .addColumn('last_error', 'varchar(1000)')
        .addColumn('sent_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_unit_idx').on('outbox').columns(['unit_id', 'id']).execute();
      await db.schema
        .createIndex('outbox_email_status_idx')
        .on('outbox')
        .columns(['email_status', 'id'])
        .execute();

      await db.schema
        .createTable('notification')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('outbox_id', 'integer', (c) => c.notNull().unique().references('outbox.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('subject', 'varchar(500)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'varchar(500)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('read_at', 'varchar(30)')
        .execute();
      await db.schema
        .createIndex('notification_user_idx')
        .on('notification')
        .columns(['user_id', 'id'])
        .execute();
      await db.schema
        .createIndex('notification_unread_idx')
        .on('notification')
        .columns(['user_id', 'read_at'])
        .execute();

      await db.schema
        .createTable('notification_preference')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('email', 'integer', (c) => c.notNull())
        .addColumn('in_app', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('notification_preference_pk', ['user_id', 'kind'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('notification_preference').execute();
      await db.schema.dropTable('notification').execute();
      await db.schema.dropTable('outbox').execute();
    },
  };
}
