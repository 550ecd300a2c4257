import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * The PAR Index (issue 18): criteria sets imported as data (versions per year, the kind of unit
 * they apply to, the original sheet kept for the scoring sheet's layout), each unit's assessment
 * per year with a score row per leaf (self score, "không áp dụng", note, measured figure,
 * appraised score and reason, explanation), evidence (files in `file_blob`, or links to what the
 * system holds), indexes entered for years without data, and self-inspections whose findings
 * become plan tasks.
 */
export function parIndex(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { id } = ctx;
      await db.schema
        .createTable('par_criteria_set')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('name', 'varchar(500)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_kind', 'varchar(30)')
        .addColumn('source', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('total_max', 'double precision', (c) => c.notNull())
        .addColumn('columns_json', 'text', (c) => c.notNull())
        .addColumn('file_blob_id', 'integer', (c) => c.references('file_blob.id'))
        .addColumn('file_name', 'varchar(300)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('par_criteria_set_owner_idx')
        .on('par_criteria_set')
        .columns(['owner_unit_id', 'year', 'status'])
        .execute();
      await db.schema
        .createTable('par_criterion')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('set_id', 'integer', (c) => c.notNull().references('par_criteria_set.id'))
        .addColumn('parent_id', 'integer', (c) => c.references('par_criterion.id'))
        .addColumn('code', 'varchar(20)', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('max_points', 'double precision')
        .addColumn('guide', 'text')
        .addColumn('evidence', 'text')
        .addColumn('sign', 'varchar(8)', (c) => c.notNull())
        .addColumn('is_leaf', 'integer', (c) => c.notNull())
        .addColumn('rule_json', 'text', (c) => c.notNull())
        .addColumn('row_no', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('par_criterion_set_idx')
        .on('par_criterion')
        .columns(['set_id', 'position'])
        .execute();
      await db.schema
        .createTable('par_assessment')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('set_id', 'integer', (c) => c.notNull().references('par_criteria_set.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('survey_weight', 'double precision')
        .addColumn('survey_rate', 'double precision')
        .addColumn('self_index', 'double precision')
        .addColumn('final_index', 'double precision')
        .addColumn('submitted_at', 'varchar(30)')
        .addColumn('returned_at', 'varchar(30)')
        .addColumn('return_reason', 'text')
        .addColumn('finalized_at', 'varchar(30)')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('par_assessment_unit_year_uq', ['unit_id', 'year'])
        .execute();
      await db.schema
        .createTable('par_score')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('par_assessment.id'))
        .addColumn('criterion_id', 'integer', (c) => c.notNull().references('par_criterion.id'))
        .addColumn('self_score', 'double precision')
        .addColumn('not_applicable', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('figure', 'double precision')
        .addColumn('figure_text', 'text')
        .addColumn('appraised_score', 'double precision')
        .addColumn('appraisal_reason', 'text')
        .addColumn('explanation', 'text')
        .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('par_score_leaf_uq', ['assessment_id', 'criterion_id'])
        .execute();
      await db.schema
        .createTable('par_evidence')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('score_id', 'integer', (c) => c.notNull().references('par_score.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('file_blob_id', 'integer', (c) => c.references('file_blob.id'))
        .addColumn('file_name', 'varchar(300)')
        .addColumn('content_type', 'varchar(100)')
        .addColumn('size', 'integer')
        .addColumn('ref_id', 'integer')
        .addColumn('label', 'varchar(500)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('withdrawn_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('par_evidence_score_idx').on('par_evidence').column('score_id').execute();
      await db.schema
        .createTable('par_index_entry')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('index_value', 'double precision', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('par_index_entry_uq', ['unit_id', 'year'])
        .execute();
      await db.schema
        .createTable('par_inspection')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'varchar(500)', (c) => c.notNull())
        .addColumn('scope_json', 'text', (c) => c.notNull())
        .addColumn('planned_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('inspectors', 'varchar(500)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('done_on', 'varchar(10)')
        .addColumn('conclusion', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('par_inspection_unit_idx')
        .on('par_inspection')
        .columns(['unit_id', 'year'])
        .execute();
      await db.schema
        .createTable('par_finding')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('inspection_id', 'integer', (c) => c.notNull().references('par_inspection.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('task_id', 'integer', (c) => c.references('task.id'))
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const t of [
        'par_finding',
        'par_inspection',
        'par_index_entry',
        'par_evidence',
        'par_score',
        'par_assessment',
        'par_criterion',
        'par_criteria_set',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
