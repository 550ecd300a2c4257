import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * Periodic CCHC reports: one row per unit and period (the draft: number, signer, narratives; its
 * status), and every submission with its frozen files and snapshot (never deleted; a return for
 * correction is written on the submission it concerns).
 */
export function reports(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('report')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('period_key', 'varchar(20)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('number', 'varchar(100)')
        .addColumn('signer_title', 'varchar(200)')
        .addColumn('signer_name', 'varchar(200)')
        .addColumn('narratives_json', 'text', (c) => c.notNull())
        .addColumn('submission_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('report_unit_period_idx')
        .on('report')
        .columns(['unit_id', 'period_key'])
        .unique()
        .execute();
      await db.schema.createIndex('report_year_idx').on('report').columns(['year', 'status']).execute();

      await db.schema
        .createTable('report_submission')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('submitted_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('late', 'integer', (c) => c.notNull())
        .addColumn('docx_file_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('xlsx_file_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('snapshot_json', 'text', (c) => c.notNull())
        .addColumn('returned_at', 'varchar(30)')
        .addColumn('returned_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('return_reason', 'text')
        .execute();
      await db.schema
        .createIndex('report_submission_report_idx')
        .on('report_submission')
        .columns(['report_id', 'seq'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('report_submission').execute();
      await db.schema.dropTable('report').execute();
    },
  };
}
