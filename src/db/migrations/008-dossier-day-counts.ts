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
 * Per-unit per-day counters of the dossier figures (ADR 006), filled from the existing register.
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
      await rebuildDossierDayCounts(db);
    },
  };
}
