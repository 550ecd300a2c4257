/**
 * What a change makes stale: one function per kind of change, so that no page writes its own list
 * of query keys to invalidate.
 */
import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from './auth.js';
import { calendarKeys } from './calendar.js';
import { planKeys } from './plans.js';
import { taskKeys } from './tasks.js';
import type { TaskDetail } from './types.js';
import { unitKeys } from './units.js';
import { userKeys } from './users.js';

/** The dashboards' root key (the dashboard page's queries start with it). */
const DASHBOARD_ROOT = ['dashboard'] as const;

const invalidate = (qc: QueryClient, keys: readonly (readonly unknown[])[]) =>
  // A fresh array per call: the shared `as const` key objects are never handed to the cache.
  Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey: [...queryKey] })));

/** A task, one of its occurrences or its evidence changed (its detail given when the server sent it). */
export function taskChanged(qc: QueryClient, task: { id: number; planId: number }, detail?: TaskDetail) {
  if (detail) qc.setQueryData(taskKeys.detail(task.id), detail);
  return invalidate(qc, [
    ...(detail ? [] : [taskKeys.detail(task.id)]),
    planKeys.detail(task.planId),
    planKeys.lists,
    DASHBOARD_ROOT,
    taskKeys.mine,
    calendarKeys.deadlinesAll,
    calendarKeys.months,
  ]);
}

/** A target's achieved value, metric or evidence changed. */
export const targetChanged = (qc: QueryClient, planId: number) => invalidate(qc, [planKeys.detail(planId)]);

/** A national schedule or a unit's calendar settings changed: every date computed from them. */
export const calendarChanged = (qc: QueryClient) =>
  invalidate(qc, [
    calendarKeys.settingsAll,
    calendarKeys.years,
    calendarKeys.scheduleVersionsAll,
    calendarKeys.months,
    calendarKeys.deadlinesAll,
  ]);

/** The unit tree changed: the units, the signed-in user's unit, the accounts, the dashboards. */
export const unitsChanged = (qc: QueryClient) =>
  invalidate(qc, [unitKeys.all, authKeys.me, userKeys.all, DASHBOARD_ROOT]);

/** An account changed (the signed-in user's own too, when it is theirs). */
export const userChanged = (qc: QueryClient, own = false) =>
  invalidate(qc, own ? [userKeys.all, authKeys.me] : [userKeys.all]);
