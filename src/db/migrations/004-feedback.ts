import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * Citizens' feedback and petitions (PAKN, Decree 20/2008): the register, its steps, attachments,
 * a unit's answer templates and its own time limits.
 */
export function feedback(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('feedback')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('code', 'varchar(80)', (c) => c.notNull().unique())
        .addColumn('source', 'varchar(30)', (c) => c.notNull())
        .addColumn('external_code', 'varchar(100)')
        .addColumn('sender_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('sender_address', 'varchar(500)', (c) => c.notNull())
        .addColumn('sender_phone', 'varchar(30)', (c) => c.notNull())
        .addColumn('sender_email', 'varchar(200)')
        .addColumn('sender_id_number', 'varchar(40)')
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('category', 'varchar(30)')
        .addColumn('classify_note', 'text')
        .addColumn('forwarded_to', 'varchar(300)')
        .addColumn('assignee_id', 'integer', (c) => c.references('app_user.id'))
        .addColumn('answer_text', 'text')
        .addColumn('answered_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('answered_at', 'varchar(30)')
        .addColumn('approved_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('approved_at', 'varchar(30)')
        .addColumn('answered_on_time', 'integer')
        .addColumn('published_title', 'varchar(300)')
        .addColumn('published_content', 'text')
        .addColumn('published_answer', 'text')
        .addColumn('published_at', 'varchar(30)')
        .addColumn('publish_withdrawn_at', 'varchar(30)')
        .addColumn('search_text', 'text')
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('classify_due_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('forward_due_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('answer_due_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('publish_due_at', 'varchar(30)')
        .addColumn('due_at', 'varchar(30)')
        .addColumn('closed_at', 'varchar(30)')
        .addColumn('tracking_token_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('feedback_unit_received_idx')
        .on('feedback')
        .columns(['unit_id', 'received_at'])
        .execute();
      await db.schema
        .createIndex('feedback_unit_due_idx')
        .on('feedback')
        .columns(['unit_id', 'due_at'])
        .execute();
      await db.schema
        .createIndex('feedback_published_idx')
        .on('feedback')
        .columns(['status', 'published_at'])
        .execute();
      await db.schema
        .createIndex('feedback_token_idx')
        .on('feedback')
        .column('tracking_token_hash')
        .unique()
        .execute();

      await db.schema
        .createTable('feedback_event')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('feedback_id', 'integer', (c) => c.notNull().references('feedback.id'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('actor_id', 'integer', (c) => c.references('app_user.id'))
        .execute();
      await db.schema
        .createIndex('feedback_event_feedback_idx')
        .on('feedback_event')
        .columns(['feedback_id', 'at'])
        .execute();

      await db.schema
        .createTable('feedback_attachment')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('feedback_id', 'integer', (c) => c.notNull().references('feedback.id'))
        .addColumn('blob_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('filename', 'varchar(300)', (c) => c.notNull())
        .addColumn('mime', 'varchar(100)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('feedback_attachment_feedback_idx')
        .on('feedback_attachment')
        .column('feedback_id')
        .execute();

      await db.schema
        .createTable('feedback_template')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'varchar(30)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('feedback_template_unit_idx')
        .on('feedback_template')
        .column('unit_id')
        .execute();

      await db.schema
        .createTable('feedback_settings')
        .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('unit.id'))
        .addColumn('classify_days', 'integer', (c) => c.notNull())
        .addColumn('forward_days', 'integer', (c) => c.notNull())
        .addColumn('answer_days', 'integer', (c) => c.notNull())
        .addColumn('publish_days', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
  };
}
