import type { SurveyQuestion } from '../../core/survey/index.js';
import type { SurveyRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { parseJson } from '../../lib/json.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { findSurvey } from './repository.js';
import type { SurveyWithScope } from './repository.js';

/** What every survey use case works with. */
export interface SurveysDeps {
  db: Q;
  clock: Clock;
  /** Told when a unit's answers change (the transparency page's cache). */
  onAnswer?: (unitId: number) => void | Promise<void>;
}

export interface SurveyInput {
  title: string;
  description?: string | undefined;
  questions: SurveyQuestion[];
  anonymous: boolean;
  published: boolean;
  opensOn?: string | null | undefined;
  closesOn?: string | null | undefined;
}

export type { SurveyState } from '../../shared/surveys.js';
import type { SurveyState } from '../../shared/surveys.js';

/** Whether a survey takes answers today (Vietnam date): published, opened, not closed. */
export function surveyState(
  s: Pick<SurveyRow, 'published' | 'opens_on' | 'closes_on' | 'removed_at'>,
  today: string,
): SurveyState {
  if (s.removed_at !== null) return 'closed';
  if (s.closes_on !== null && today > s.closes_on) return 'closed';
  if (s.published !== 1) return 'draft';
  if (s.opens_on !== null && today < s.opens_on) return 'scheduled';
  return 'open';
}

export const questionsOf = (s: Pick<SurveyRow, 'questions_json'>) =>
  parseJson<SurveyQuestion[]>(s.questions_json, []);

/** 'YYYY-MM-DD' days in Vietnam → ISO instants of the first and last millisecond. */
export function dayBounds(from: string, to: string): { fromIso: string; toIso: string } {
  const f = Date.parse(`${from}T00:00:00+07:00`);
  const t = Date.parse(`${to}T23:59:59.999+07:00`);
  if (Number.isNaN(f) || Number.isNaN(t) || f > t)
    throw new AppError('VALIDATION', 'Kỳ số liệu không hợp lệ: ngày đầu phải trước ngày cuối.');
  return { fromIso: new Date(f).toISOString(), toIso: new Date(t).toISOString() };
}

export async function readableUnit({ db }: SurveysDeps, actor: Actor, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

export async function loadReadable({ db }: SurveysDeps, actor: Actor, id: number): Promise<SurveyWithScope> {
  const s = await findSurvey(db, id);
  if (!s || s.removed_at !== null || !policy.readUnit(actor, s.unit_path))
    throw new AppError('NOT_FOUND', 'Không tìm thấy khảo sát.');
  return s;
}

export async function loadWritable(deps: SurveysDeps, actor: Actor, id: number): Promise<SurveyWithScope> {
  const s = await loadReadable(deps, actor, id);
  if (!policy.manageSurveys(actor, s.unit_id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới quản lý được khảo sát.');
  return s;
}
