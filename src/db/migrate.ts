import type { Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import type { Db } from './database.js';
import { migrationContext } from './migrations/context.js';
import { initial } from './migrations/001-initial.js';
import { calendarOccurrences } from './migrations/002-calendar-occurrences.js';
import { dossiers } from './migrations/003-dossiers.js';
import { feedback } from './migrations/004-feedback.js';
import { surveysPosts } from './migrations/005-surveys-posts.js';
import { reports } from './migrations/006-reports.js';
import { reminders } from './migrations/007-reminders.js';
import { dossierDayCounts } from './migrations/008-dossier-day-counts.js';
import { sharedState } from './migrations/009-shared-state.js';
import { digitalOffice } from './migrations/011-digital-office.js';
import { parIndex } from './migrations/012-par-index.js';

/** Migrations in order. Append only: a released migration is never edited. */
function migrations(db: Db): Record<string, Migration> {
  const ctx = migrationContext(db.dialect);
  return {
    '001-initial': initial(ctx),
    '002-calendar-occurrences': calendarOccurrences(ctx),
    '003-dossiers': dossiers(ctx),
    '004-feedback': feedback(ctx),
    '005-surveys-posts': surveysPosts(ctx),
    '006-reports': reports(ctx),
    '007-reminders': reminders(ctx),
    '008-dossier-day-counts': dossierDayCounts(ctx),
    '009-shared-state': sharedState(ctx),
    '011-digital-office': digitalOffice(ctx),
    '012-par-index': parIndex(ctx),
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db) };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
