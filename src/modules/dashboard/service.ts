import { AppError } from '../../errors.js';
import type { Q } from '../../db/types.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { planAreas, planYears, taskStatusCounts } from './repository.js';
import type { Dashboard } from './schema.js';

const STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
type Counts = Record<(typeof STATUSES)[number], number>;
const zero = (): Counts => ({ not_started: 0, in_progress: 0, done: 0, not_applicable: 0 });

export function dashboardService({ db }: { db: Q }) {
  return {
    /** Tasks by status per area, for one unit or rolled up over its subtree. */
    async get(
      actor: Actor,
      opts: { unitId?: number | undefined; year?: number | undefined },
    ): Promise<Dashboard> {
      const unit = await findUnitById(db, opts.unitId ?? actor.unitId);
      if (!unit || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
      const years = await planYears(db, unit.path);
      const year = opts.year ?? years[0] ?? new Date().getFullYear();
      const rows = await taskStatusCounts(db, unit.path, year);
      const areas = new Map<string, { code: string; title: string; counts: Counts }>();
      for (const a of await planAreas(db, unit.path, year))
        if (!areas.has(a.code)) areas.set(a.code, { code: a.code, title: a.title, counts: zero() });
      const units = new Map<number, { id: number; code: string; name: string; counts: Counts }>();
      const totals = zero();
      for (const r of rows) {
        const s = (STATUSES as readonly string[]).includes(r.status)
          ? (r.status as keyof Counts)
          : 'not_started';
        const area = areas.get(r.area_code) ?? { code: r.area_code, title: r.area_title, counts: zero() };
        // One title per area code: the first plan's, so a superior's roll-up reads the same.
        area.counts[s] += r.n;
        areas.set(r.area_code, area);
        const u = units.get(r.unit_id) ?? {
          id: r.unit_id,
          code: r.unit_code,
          name: r.unit_name,
          counts: zero(),
        };
        u.counts[s] += r.n;
        units.set(r.unit_id, u);
        totals[s] += r.n;
      }
      const pct = (c: Counts) => {
        const countable = c.not_started + c.in_progress + c.done;
        return countable === 0 ? 0 : Math.round((c.done / countable) * 100);
      };
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year,
        years,
        totals,
        percentDone: pct(totals),
        areas: [...areas.values()]
          .sort((a, b) => Number(a.code) - Number(b.code))
          .map((a) => ({ ...a, percentDone: pct(a.counts) })),
        units: [...units.values()].map((u) => ({ ...u, percentDone: pct(u.counts) })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof dashboardService>;
