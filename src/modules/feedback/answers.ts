import { foldForSearch } from '../../core/feedback/index.js';
import type { FeedbackDeps } from './context.js';
import { listPublished } from './repository.js';

/** The published answers, searched without diacritics, a page at a time. */
export async function publishedAnswers(
  { db }: FeedbackDeps,
  q: { search?: string | undefined; unitId?: number | undefined; page: number; pageSize: number },
) {
  const folded = q.search ? foldForSearch(q.search).replace(/[%_\\]/g, ' ') : undefined;
  return listPublished(db, {
    folded,
    unitId: q.unitId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}
