import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * Satisfaction surveys (questions, invitations, answers — never deleted) and the unit's CCHC news
 * column (posts and their attachments — unpublished or removed, never deleted).
 */
export function surveysPosts(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('survey')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('slug', 'varchar(40)', (c) => c.notNull().unique())
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('template', 'varchar(30)')
        .addColumn('questions_json', 'text', (c) => c.notNull())
        .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('opens_on', 'varchar(10)')
        .addColumn('closes_on', 'varchar(10)')
        .addColumn('removed_at', 'varchar(30)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('survey_unit_idx')
        .on('survey')
        .columns(['unit_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('survey_invitation')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(30)')
        .execute();
      await db.schema
        .createIndex('survey_invitation_survey_idx')
        .on('survey_invitation')
        .column('survey_id')
        .execute();

      await db.schema
        .createTable('survey_response')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('invitation_id', 'integer', (c) => c.references('survey_invitation.id'))
        .addColumn('browser_id', 'varchar(64)')
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .addColumn('very_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('not_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      // One answer per invitation, one per browser (NULLs are distinct on both databases).
      await db.schema
        .createIndex('survey_response_invitation_idx')
        .on('survey_response')
        .column('invitation_id')
        .unique()
        .execute();
      await db.schema
        .createIndex('survey_response_browser_idx')
        .on('survey_response')
        .columns(['survey_id', 'browser_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('survey_response_unit_idx')
        .on('survey_response')
        .columns(['unit_id', 'submitted_at', 'very_satisfied', 'satisfied', 'not_satisfied'])
        .execute();

      await db.schema
        .createTable('post')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published_at', 'varchar(30)')
        .addColumn('removed_at', 'varchar(30)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('post_unit_idx')
        .on('post')
        .columns(['unit_id', 'published', 'published_at'])
        .execute();

      await db.schema
        .createTable('post_attachment')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('post_id', 'integer', (c) => c.notNull().references('post.id'))
        .addColumn('file_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('filename', 'varchar(200)', (c) => c.notNull())
        .addColumn('mime', 'varchar(100)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('removed_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('post_attachment_post_idx')
        .on('post_attachment')
        .column('post_id')
        .execute();
    },
  };
}
