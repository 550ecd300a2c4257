/** Plans: the list and a plan's page. Shapes from the server's schemas (./types.ts). */
import { qs, request } from './client.js';
import type { PlanDetail, PlanListItem } from './types.js';

export const planKeys = {
  /** Every list of plans (all units). */
  lists: ['plans'] as const,
  list: (unitId: number | undefined) => ['plans', unitId ?? null] as const,
  /** Every plan page. */
  details: ['plan'] as const,
  detail: (id: number) => ['plan', id] as const,
};

export const planApi = {
  list: (unitId?: number) => request<PlanListItem[]>('GET', `/api/plans${qs({ unitId })}`),
  detail: (id: number) => request<PlanDetail>('GET', `/api/plans/${id}`),
};
