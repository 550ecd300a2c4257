/** Accounts: calls and query keys. */
import { request } from './client.js';
import type { User, UserInput, UserPatch } from './types.js';

export const userKeys = {
  all: ['users'] as const,
};

export const userApi = {
  list: () => request<User[]>('GET', '/api/users'),
  create: (input: UserInput) => request<User>('POST', '/api/users', input),
  update: (id: number, patch: UserPatch) => request<User>('PATCH', `/api/users/${id}`, patch),
};
