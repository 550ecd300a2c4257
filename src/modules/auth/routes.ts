import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../http/context.js';
import type { Services } from '../../services.js';
import { OkResult } from '../../http/contract.js';
import { ChangePasswordBody, LoginBody, MeResult } from './schema.js';

export function authRoutes(
  services: Services,
  secureCookies: boolean,
  loginRateLimit: number,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], summary: 'Đăng nhập', body: LoginBody, response: { 200: MeResult } },
        config: { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const r = await services.auth.login(
          req.body.username,
          req.body.password,
          req.ip,
          req.headers['user-agent'] ?? null,
        );
        setSessionCookie(reply, r.token, r.expiresAt, secureCookies);
        return services.me(r.actor);
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: OkResult } } },
      async (req, reply) => {
        if (req.sessionToken) await services.auth.logout(req.sessionToken);
        clearSessionCookie(reply);
        return { ok: true };
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: MeResult } } },
      async (req) => services.me(actorOf(req)),
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu',
          body: ChangePasswordBody,
          response: { 200: OkResult },
        },
      },
      async (req) => {
        await services.auth.changePassword(
          actorOf(req),
          req.body.currentPassword,
          req.body.newPassword,
          req.sessionToken ?? '',
        );
        return { ok: true };
      },
    );
  };
}
