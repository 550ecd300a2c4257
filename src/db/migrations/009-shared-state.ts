import type { Kysely } from 'kysely';
import { initialiseNumberCounters } from '../../modules/counters/repository.js';
import type { MigrationContext } from './context.js';

/**
 * Shared state for several server processes (ADR 008): number counters (filled from the existing
 * codes and register numbers), used rating links, secrets, used challenges, rate-limit counters and
 * import progress.
 */
export function sharedState(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('number_counter')
        .addColumn('scope', 'varchar(120)', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rating_use')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('dossier_id', 'integer', (c) => c.notNull().unique().references('dossier.id'))
        .addColumn('used_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('app_secret')
        .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
        .addColumn('value', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('used_challenge')
        .addColumn('nonce', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('used_challenge_expires_idx')
        .on('used_challenge')
        .column('expires_at')
        .execute();
      await db.schema
        .createTable('rate_limit_hit')
        .addColumn('key', 'varchar(400)', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rate_limit_hit_window_idx')
        .on('rate_limit_hit')
        .column('window_ends_at')
        .execute();
      await db.schema
        .createTable('import_progress')
        .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('state', 'varchar(20)', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('finished_at', 'varchar(30)')
        .execute();
      void ctx;
      await initialiseNumberCounters(db);
      // Links already used: the rated dossiers that still have their token.
      await db
        .insertInto('rating_use' as never)
        .columns(['token_hash', 'dossier_id', 'used_at'] as never)
        .expression(
          (
            db as Kysely<{
              dossier: { id: number; rating_token_hash: string | null; rated_at: string | null };
            }>
          )
            .selectFrom('dossier')
            .select(['rating_token_hash', 'id', 'rated_at'])
            .where('rated_at', 'is not', null)
            .where('rating_token_hash', 'is not', null) as never,
        )
        .execute();
    },
  };
}
