/** What every dossier use case works with: the database, the clock, calendars, and the lookups cache. */
import { replay } from '../../core/dossier/index.js';
import type { DossierEvent, DossierState, TimeLimit } from '../../core/dossier/index.js';
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { parseJson } from '../../lib/json.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { CalendarService } from '../calendar/service.js';
import { findUnitById } from '../units/repository.js';
import { findDossier, listDossierEvents } from './repository.js';
import type { DossierWithScope } from './repository.js';

export interface DossiersDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
}

export interface DossiersContext extends DossiersDeps {
  /** The public lookup's answers by code (writers in this process drop the entry they change). */
  lookups: TtlCache<string>;
}

export function dossiersContext(deps: DossiersDeps): DossiersContext {
  // Citizens refresh the lookup page; a short cache keeps it near a static page's speed. Writers
  // in this process drop the entry they change; another process's change shows within 2 s.
  return { ...deps, lookups: new TtlCache<string>(2000, 10_000) };
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (s: string) => Date.parse(s);

/** Rebuilds the core's events from stored rows. */
export function toEvents(rows: { kind: string; at: string; data_json: string }[]): DossierEvent[] {
  return rows.map(
    (r) =>
      ({
        ...parseJson<Record<string, unknown>>(r.data_json, {}),
        kind: r.kind,
        at: ms(r.at),
      }) as DossierEvent,
  );
}

export async function readableUnit({ db }: DossiersContext, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

export async function loadReadable(
  { db }: DossiersContext,
  actor: Actor,
  id: number,
): Promise<DossierWithScope> {
  const d = await findDossier(db, id);
  if (!d || !policy.readUnit(actor, d.unit_path)) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
  return d;
}

/** A dossier the actor may handle (read it, and handle its unit's dossiers), else 404/403. */
export async function loadHandled(ctx: DossiersContext, actor: Actor, id: number): Promise<DossierWithScope> {
  const d = await loadReadable(ctx, actor, id);
  if (!policy.handleDossiers(actor, d.unit_id)) throw new AppError('FORBIDDEN');
  return d;
}

/** The dossier's state replayed from its events, as of now unless said. */
export async function stateOf(
  { db, clock, calendar }: DossiersContext,
  d: DossierWithScope,
  asOf?: number,
): Promise<DossierState> {
  const events = toEvents(await listDossierEvents(db, d.id));
  const cal = (await calendar.forUnit(d.unit_id)).calendar;
  return replay(events, {
    limit: { unit: d.limit_unit as TimeLimit['unit'], amount: d.limit_amount },
    calendar: cal,
    asOf: asOf ?? clock.now().getTime(),
  });
}
