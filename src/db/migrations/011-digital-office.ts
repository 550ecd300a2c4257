import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * The digital office (issue 13): the document register (sổ văn bản đi / đến) with its number
 * counters, the installation's trusted root certificates for signed PDFs, internal regulations
 * (quy chế nội bộ) and their reviews, and report exchange with a superior's server (liên thông):
 * the link and outbox on the unit's side, the connections and inbox on the superior's side.
 */
export function digitalOffice(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('document')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('direction', 'varchar(10)', (c) => c.notNull())
        .addColumn('book', 'varchar(20)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('number_text', 'varchar(120)', (c) => c.notNull())
        .addColumn('doc_type', 'varchar(10)', (c) => c.notNull())
        .addColumn('document_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('received_on', 'varchar(10)')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('sender', 'varchar(500)')
        .addColumn('recipients', 'text')
        .addColumn('handling_unit', 'varchar(300)')
        .addColumn('due_date', 'varchar(10)')
        .addColumn('handled_on', 'varchar(10)')
        .addColumn('form', 'varchar(12)', (c) => c.notNull())
        .addColumn('signed', 'integer', (c) => c.notNull())
        .addColumn('signer', 'varchar(300)')
        .addColumn('confidential', 'integer', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)', (c) => c.notNull())
        .addColumn('file_blob_id', 'integer', (c) => c.references('file_blob.id'))
        .addColumn('file_name', 'varchar(300)')
        .addColumn('file_mime', 'varchar(100)')
        .addColumn('file_size', 'integer')
        .addColumn('sig_status', 'varchar(30)')
        .addColumn('sig_json', 'text')
        .addColumn('sig_checked_at', 'varchar(30)')
        .addColumn('source', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('cancel_reason', 'text')
        .addColumn('cancelled_at', 'varchar(30)')
        .addColumn('cancelled_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      // A number is used once per unit, book and year: cancelled documents keep theirs.
      await db.schema
        .createIndex('document_number_idx')
        .on('document')
        .columns(['unit_id', 'book', 'year', 'number'])
        .unique()
        .execute();
      // The figures read only these columns: covering indexes let a subtree's year be counted from
      // the index alone (outgoing by the document's date, incoming by the day it arrived).
      await db.schema
        .createIndex('document_out_figures_idx')
        .on('document')
        .columns([
          'unit_id',
          'direction',
          'document_date',
          'status',
          'confidential',
          'form',
          'signed',
          'channel',
        ])
        .execute();
      await db.schema
        .createIndex('document_in_figures_idx')
        .on('document')
        .columns([
          'unit_id',
          'direction',
          'received_on',
          'status',
          'confidential',
          'form',
          'channel',
          'due_date',
          'handled_on',
        ])
        .execute();

      // The register's next number: one row per unit, year and book, incremented in the writing
      // transaction (INSERT … ON CONFLICT … DO UPDATE … RETURNING), so numbers are unique and gapless.
      await db.schema
        .createTable('document_counter')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('book', 'varchar(20)', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_counter_pk', ['unit_id', 'year', 'book'])
        .execute();

      // Root certificates an administrator trusts for signed PDFs (one store per installation).
      await db.schema
        .createTable('trusted_root')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('subject', 'varchar(500)', (c) => c.notNull())
        .addColumn('not_before', 'varchar(30)', (c) => c.notNull())
        .addColumn('not_after', 'varchar(30)', (c) => c.notNull())
        .addColumn('der', ctx.blob, (c) => c.notNull())
        .addColumn('added_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('added_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('removed_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('removed_at', 'varchar(30)')
        .execute();

      await db.schema
        .createTable('regulation')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('title', 'varchar(500)', (c) => c.notNull())
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('adoption_document_id', 'integer', (c) => c.references('document.id'))
        .addColumn('adoption_number', 'varchar(120)')
        .addColumn('adopted_on', 'varchar(10)')
        .addColumn('review_months', 'integer', (c) => c.notNull())
        .addColumn('last_reviewed_on', 'varchar(10)')
        .addColumn('next_review_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('repeal_reason', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('regulation_review_idx')
        .on('regulation')
        .columns(['status', 'next_review_on'])
        .execute();
      await db.schema.createIndex('regulation_unit_idx').on('regulation').column('unit_id').execute();
      await db.schema
        .createTable('regulation_review')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('regulation_id', 'integer', (c) => c.notNull().references('regulation.id'))
        .addColumn('reviewed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('document_id', 'integer', (c) => c.references('document.id'))
        .addColumn('next_review_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('regulation_review_regulation_idx')
        .on('regulation_review')
        .column('regulation_id')
        .execute();

      // Unit side: the superior's server a unit reports to, and the packages sent there.
      await db.schema
        .createTable('exchange_link')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('superior_url', 'varchar(500)', (c) => c.notNull())
        .addColumn('connection_id', 'integer', (c) => c.notNull())
        .addColumn('superior_name', 'varchar(300)')
        .addColumn('remote_unit_code', 'varchar(50)')
        .addColumn('remote_unit_name', 'varchar(300)')
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('disconnected_at', 'varchar(30)')
        .addColumn('disconnected_by', 'integer', (c) => c.references('app_user.id'))
        .execute();
      await db.schema.createIndex('exchange_link_unit_idx').on('exchange_link').column('unit_id').execute();
      await db.schema
        .createTable('exchange_outbox')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('link_id', 'integer', (c) => c.notNull().references('exchange_link.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id'))
        .addColumn('submission_id', 'integer', (c) => c.notNull().references('report_submission.id'))
        .addColumn('period_key', 'varchar(20)', (c) => c.notNull())
        .addColumn('package_id', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('blob_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('state', 'varchar(12)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'varchar(30)')
        .addColumn('lease_until', 'varchar(30)')
        .addColumn('lease_token', 'varchar(64)')
        .addColumn('last_attempt_at', 'varchar(30)')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'varchar(30)')
        .addColumn('ack_json', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('exchange_outbox_due_idx')
        .on('exchange_outbox')
        .columns(['state', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('exchange_outbox_unit_idx')
        .on('exchange_outbox')
        .columns(['unit_id', 'id'])
        .execute();

      // Superior side: a unit's connection (token, then the unit server's public key) and what came in.
      await db.schema
        .createTable('exchange_connection')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('public_key', 'text')
        .addColumn('enrolled_at', 'varchar(30)')
        .addColumn('remote_unit_code', 'varchar(50)')
        .addColumn('remote_unit_name', 'varchar(300)')
        .addColumn('remote_server', 'varchar(500)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('revoked_at', 'varchar(30)')
        .addColumn('revoked_by', 'integer', (c) => c.references('app_user.id'))
        .execute();
      await db.schema
        .createIndex('exchange_connection_unit_idx')
        .on('exchange_connection')
        .column('unit_id')
        .execute();
      await db.schema
        .createTable('exchange_inbox')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('connection_id', 'integer', (c) => c.notNull().references('exchange_connection.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('package_id', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('period_key', 'varchar(20)', (c) => c.notNull())
        .addColumn('sender_seq', 'integer', (c) => c.notNull())
        .addColumn('blob_id', 'integer', (c) => c.notNull().references('file_blob.id'))
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id'))
        .addColumn('submission_id', 'integer', (c) => c.notNull().references('report_submission.id'))
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('exchange_inbox_report_idx')
        .on('exchange_inbox')
        .column('report_id')
        .execute();
    },
  };
}
