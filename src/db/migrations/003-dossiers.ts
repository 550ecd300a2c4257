import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/** The one-stop register: procedures, dossiers and their events, ratings, personal-data access log. */
export function dossiers(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('procedure')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('code', 'varchar(64)', (c) => c.notNull())
        .addColumn('name', 'varchar(1000)', (c) => c.notNull())
        .addColumn('field', 'varchar(300)')
        .addColumn('limit_unit', 'varchar(20)', (c) => c.notNull())
        .addColumn('limit_amount', 'double precision', (c) => c.notNull())
        .addColumn('fee_text', 'varchar(500)')
        .addColumn('fee_bearing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('online_level', 'varchar(20)', (c) => c.notNull())
        .addColumn('result_type', 'varchar(20)', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('procedure_unit_code_idx').on('procedure').columns(['unit_id', 'code']).unique().execute();

      await db.schema
        .createTable('dossier')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedure.id'))
        .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('channel', 'varchar(20)', (c) => c.notNull())
        .addColumn('applicant_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('applicant_id_number', 'varchar(40)')
        .addColumn('applicant_address', 'varchar(500)')
        .addColumn('applicant_phone', 'varchar(30)')
        .addColumn('applicant_email', 'varchar(200)')
        .addColumn('request', 'text')
        .addColumn('documents_json', 'text', (c) => c.notNull())
        .addColumn('register_book', 'varchar(40)')
        .addColumn('register_no', 'integer')
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('original_appointment_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('appointment_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('appointment_day_start', 'varchar(30)', (c) => c.notNull())
        .addColumn('apology_appointment_at', 'varchar(30)')
        .addColumn('status', 'varchar(30)', (c) => c.notNull())
        .addColumn('ended_at', 'varchar(30)')
        .addColumn('end_kind', 'varchar(20)')
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('late_since', 'varchar(30)')
        .addColumn('awaiting_supplement_since', 'varchar(30)')
        .addColumn('supplement_requests', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('fee_bearing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('paid_online', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('digitised', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('electronic_result', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('signed_result', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rating', 'varchar(20)')
        .addColumn('rating_criteria_json', 'text')
        .addColumn('rating_comment', 'text')
        .addColumn('rated_at', 'varchar(30)')
        .addColumn('rating_token_hash', 'varchar(64)')
        .addColumn('complaint', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dossier_unit_received_idx').on('dossier').columns(['unit_id', 'received_at']).execute();
      await db.schema.createIndex('dossier_unit_status_idx').on('dossier').columns(['unit_id', 'status', 'appointment_at']).execute();
      await db.schema.createIndex('dossier_unit_ended_idx').on('dossier').columns(['unit_id', 'ended_at']).execute();
      // Covers every column the period figures read (ADR 005): the figures scan only this index,
      // never the table rows, which halves their time over a superior's million dossiers.
      await db.schema
        .createIndex('dossier_figures_idx')
        .on('dossier')
        .columns([
          'unit_id',
          'ended_at',
          'received_at',
          'appointment_at',
          'appointment_day_start',
          'late',
          'late_since',
          'awaiting_supplement_since',
          'supplement_requests',
          'channel',
          'fee_bearing',
          'paid_online',
          'digitised',
          'electronic_result',
          'end_kind',
          'rating',
          'complaint',
        ])
        .execute();
      await db.schema.createIndex('dossier_rating_token_idx').on('dossier').column('rating_token_hash').execute();

      await db.schema
        .createTable('dossier_event')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossier.id'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dossier_event_dossier_idx').on('dossier_event').columns(['dossier_id', 'at']).execute();

      await db.schema
        .createTable('personal_data_access')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull())
        .addColumn('dossier_id', 'integer')
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('detail', 'varchar(500)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('personal_data_access_unit_idx').on('personal_data_access').columns(['unit_id', 'at']).execute();

      await db.schema.alterTable('target').addColumn('metric', 'varchar(40)').execute();
    },
  };
}
