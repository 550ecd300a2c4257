import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { rebuildDossierDayCounts } from '../../modules/dossiers/repository.js';
import type { MigrationContext } from './context.js';

const COUNTER_COLUMNS = [
  'received',
  'online',
  'direct',
  'postal',
  'fee_bearing',
  'paid_online',
  'components_digitised',
  'fully_digitised',
  'early',
  'on_time',
  'late_finished',
  'resolved',
  'returned',
  'refused',
  'withdrawn',
  'with_result',
  'electronic',
  'very_satisfied',
  'satisfied',
  'not_satisfied',
  'complaints_finished',
  'open_on_time',
  'open_late',
  'complaints_open',
] as const;

/**
 * Per-unit per-day and per-month counters of the dossier figures (ADR 006), filled from the existing register.
 * The dossier writers keep them in step from now on.
 */
export function dossierDayCounts(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let t = db.schema
        .createTable('dossier_day_count')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('day', 'varchar(10)', (c) => c.notNull());
      for (const col of COUNTER_COLUMNS) t = t.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
      t = t.addPrimaryKeyConstraint('dossier_day_count_pk', ['unit_id', 'day']);
      // SQLite: the rows live in the primary key's b-tree, so a range of days is one index scan.
      if (ctx.dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
      await t.execute();
      // The same received and finished counters per month, so that a year reads 12 rows per unit.
      let m = db.schema
        .createTable('dossier_month_count')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('month', 'varchar(7)', (c) => c.notNull());
      for (const col of COUNTER_COLUMNS.filter((c) => !c.startsWith('open_') && c !== 'complaints_open'))
        m = m.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
      m = m.addPrimaryKeyConstraint('dossier_month_count_pk', ['unit_id', 'month']);
      if (ctx.dialect === 'sqlite') m = m.modifyEnd(sql`without rowid`);
      await m.execute();
      if (ctx.dialect === 'postgres') {
        // PostgreSQL keeps rows apart from the primary key: an index carrying every counter lets a
        // range of days or months be read from the index alone (SQLite: "without rowid" above).
        const monthCols = COUNTER_COLUMNS.filter((c) => !c.startsWith('open_') && c !== 'complaints_open');
        await sql`create index dossier_day_count_cover_idx on dossier_day_count (unit_id, day) include (${sql.join(COUNTER_COLUMNS.map((c) => sql.ref(c)))})`.execute(
          db,
        );
        await sql`create index dossier_month_count_cover_idx on dossier_month_count (unit_id, month) include (${sql.join(monthCols.map((c) => sql.ref(c)))})`.execute(
          db,
        );
      }
      // Open dossiers by appointment: the dashboards' "late, still open" list reads the first few.
      await db.schema
        .createIndex('dossier_open_appointment_idx')
        .on('dossier')
        .columns(['appointment_at', 'id'])
        .where(sql.ref('ended_at'), 'is', null)
        .execute();
      await rebuildDossierDayCounts(db);
    },
  };
}
