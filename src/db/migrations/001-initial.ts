import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/** Units, accounts, sessions, plans with their areas, tasks and targets, evidence, audit. */
export function initial(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id, blob } = ctx;
      await db.schema
        .createTable('unit')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(300)', (c) => c.notNull())
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('unit.id'))
        .addColumn('path', 'varchar(1000)', (c) => c.notNull())
        .addColumn('superior_name', 'varchar(300)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('archived_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('unit_path_idx').on('unit').column('path').execute();
      await db.schema.createIndex('unit_parent_idx').on('unit').column('parent_id').execute();

      await db.schema
        .createTable('app_user')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('full_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('email', 'varchar(200)')
        .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
        .addColumn('roles', 'varchar(200)', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('app_user_unit_idx').on('app_user').column('unit_id').execute();

      await db.schema
        .createTable('session')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('ip', 'varchar(64)')
        .addColumn('user_agent', 'varchar(400)')
        .execute();
      await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

      await db.schema
        .createTable('login_failure')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('username', 'varchar(64)', (c) => c.notNull())
        .addColumn('ip', 'varchar(64)', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_failure_user_idx')
        .on('login_failure')
        .columns(['username', 'at'])
        .execute();
      await db.schema.createIndex('login_failure_ip_idx').on('login_failure').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('plan')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('number', 'varchar(64)')
        .addColumn('title', 'varchar(500)', (c) => c.notNull())
        .addColumn('issued_on', 'varchar(10)')
        .addColumn('superior_name', 'varchar(300)')
        .addColumn('unit_name', 'varchar(300)')
        .addColumn('document_json', 'text', (c) => c.notNull())
        .addColumn('source_filename', 'varchar(300)')
        .addColumn('source_kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('source_sha256', 'varchar(64)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('plan_unit_year_idx')
        .on('plan')
        .columns(['unit_id', 'year', 'version'])
        .unique()
        .execute();

      await db.schema
        .createTable('plan_area')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('code', 'varchar(10)', (c) => c.notNull())
        .addColumn('title', 'varchar(500)', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_area_plan_idx').on('plan_area').column('plan_id').execute();

      await db.schema
        .createTable('task')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('area_id', 'integer', (c) => c.notNull().references('plan_area.id'))
        .addColumn('code', 'varchar(20)', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('deliverables_json', 'text', (c) => c.notNull())
        .addColumn('lead', 'varchar(500)')
        .addColumn('lead_optional', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cooperators_json', 'text', (c) => c.notNull())
        .addColumn('deadline_text', 'text', (c) => c.notNull())
        .addColumn('optional', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('note', 'text')
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('progress_note', 'text')
        .addColumn('completed_on', 'varchar(10)')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('removed_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('task_plan_idx').on('task').columns(['plan_id', 'position']).execute();

      await db.schema
        .createTable('task_assignee')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addPrimaryKeyConstraint('task_assignee_pk', ['task_id', 'user_id'])
        .execute();
      await db.schema.createIndex('task_assignee_user_idx').on('task_assignee').column('user_id').execute();

      await db.schema
        .createTable('target')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('source', 'varchar(20)', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('target.id'))
        .addColumn('code', 'varchar(20)', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('threshold_json', 'text')
        .addColumn('lead', 'varchar(500)')
        .addColumn('cooperators_json', 'text', (c) => c.notNull())
        .addColumn('is_group', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('achieved_value', 'double precision')
        .addColumn('achieved_text', 'text')
        .addColumn('achieved_note', 'text')
        .addColumn('assessed_state', 'varchar(20)')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('removed_at', 'varchar(30)')
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('target_plan_idx').on('target').columns(['plan_id', 'position']).execute();

      await db.schema
        .createTable('file_blob')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('data', blob, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('file_blob_sha_idx').on('file_blob').column('sha256').execute();

      await db.schema
        .createTable('evidence')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('task_id', 'integer', (c) => c.references('task.id'))
        .addColumn('target_id', 'integer', (c) => c.references('target.id'))
        .addColumn('deliverable_index', 'integer')
        .addColumn('file_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('filename', 'varchar(300)', (c) => c.notNull())
        .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('withdrawn_at', 'varchar(30)')
        .addColumn('withdrawn_by', 'integer', (c) => c.references('app_user.id'))
        .execute();
      await db.schema.createIndex('evidence_task_idx').on('evidence').column('task_id').execute();
      await db.schema.createIndex('evidence_target_idx').on('evidence').column('target_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer')
        .addColumn('user_id', 'integer')
        .addColumn('entity', 'varchar(40)', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('action', 'varchar(40)', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('request_id', 'varchar(64)')
        .execute();
      await db.schema
        .createIndex('audit_entity_idx')
        .on('audit_log')
        .columns(['entity', 'entity_id'])
        .execute();
      await db.schema.createIndex('audit_unit_idx').on('audit_log').columns(['unit_id', 'at']).execute();
    },
  };
}
