/** Sign-in, the signed-in user and the password: calls through the client, one query key. */
import { ApiError, request } from './client.js';
import type { Me } from './types.js';

export const authKeys = {
  me: ['me'] as const,
};

export const authApi = {
  /** The signed-in user, or null when nobody is signed in. */
  async me(): Promise<Me | null> {
    try {
      return await request<Me>('GET', '/api/auth/me');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  login: (username: string, password: string) =>
    request<Me>('POST', '/api/auth/login', { username, password }),
  logout: () => request<{ ok: boolean }>('POST', '/api/auth/logout', {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: boolean }>('POST', '/api/auth/password', { currentPassword, newPassword }),
};
