/** The unit tree: calls and query keys. */
import { request } from './client.js';
import type { Unit, UnitInput, UnitPatch } from './types.js';

export const unitKeys = {
  all: ['units'] as const,
};

export const unitApi = {
  list: () => request<Unit[]>('GET', '/api/units'),
  create: (input: UnitInput) => request<Unit>('POST', '/api/units', input),
  update: (id: number, patch: UnitPatch) => request<Unit>('PATCH', `/api/units/${id}`, patch),
  move: (id: number, parentId: number) => request<Unit>('POST', `/api/units/${id}/move`, { parentId }),
};
