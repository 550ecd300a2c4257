/** Internal regulations (quy chế nội bộ) on the one client; shapes from the server's schemas. */
import type { z } from 'zod';
import type {
  RegulationBody as RegulationBodySchema,
  RegulationDetail as RegulationDetailSchema,
  RegulationList as RegulationListSchema,
  RegulationOut as RegulationOutSchema,
  RegulationPatch as RegulationPatchSchema,
  ReviewBody as ReviewBodySchema,
} from '../../../src/modules/regulations/schema.js';
import { qs, request } from './client.js';

export type Regulation = z.infer<typeof RegulationOutSchema>;
export type RegulationList = z.infer<typeof RegulationListSchema>;
export type RegulationDetail = z.infer<typeof RegulationDetailSchema>;
export type RegulationInput = z.input<typeof RegulationBodySchema>;
export type RegulationPatch = z.input<typeof RegulationPatchSchema>;
export type ReviewInput = z.input<typeof ReviewBodySchema>;

/** Query keys of the regulations page. */
export const regulationKeys = {
  lists: ['regulations'] as const,
  list: (unitId: number) => ['regulations', unitId] as const,
};

export const regulationsApi = {
  list: (unitId: number, subtree = false) =>
    request<RegulationList>('GET', `/api/regulations${qs({ unitId, subtree: subtree ? '1' : undefined })}`),
  detail: (id: number) => request<RegulationDetail>('GET', `/api/regulations/${id}`),
  create: (input: RegulationInput) => request<Regulation>('POST', '/api/regulations', input),
  update: (id: number, patch: RegulationPatch) =>
    request<Regulation>('PATCH', `/api/regulations/${id}`, patch),
  review: (id: number, input: ReviewInput) =>
    request<RegulationDetail>('POST', `/api/regulations/${id}/reviews`, input),
  repeal: (id: number, reason: string) =>
    request<Regulation>('POST', `/api/regulations/${id}/repeal`, { reason }),
};
