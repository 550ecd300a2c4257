import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import type { UserRow } from '../../db/tables.js';
import type { Services } from '../../services.js';
import { parseRoles } from '../auth/roles.js';
import { IdParams } from '../units/schema.js';
import { UserCreateBody, UserOut, UserUpdateBody } from './schema.js';

function presentUser(u: UserRow, unit: { code: string; name: string }): UserOut {
  return {
    id: u.id,
    unitId: u.unit_id,
    unitCode: unit.code,
    unitName: unit.name,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    roles: parseRoles(u.roles),
    active: u.active === 1,
  };
}

export const userRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    app.get(
      '/users',
      { schema: { tags, summary: 'Người dùng trong phạm vi', response: { 200: z.array(UserOut) } } },
      async (req) => {
        const rows = await services.users.list(actorOf(req));
        return rows.map((r) => presentUser(r, { code: r.unit_code, name: r.unit_name }));
      },
    );
    app.post(
      '/users',
      { schema: { tags, summary: 'Tạo người dùng', body: UserCreateBody, response: { 200: UserOut } } },
      async (req) => {
        const actor = actorOf(req);
        const user = await services.users.create(actor, req.body, String(req.id));
        const unit = await services.units.get(actor, user.unit_id);
        return presentUser(user, unit);
      },
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Sửa người dùng',
          params: IdParams,
          body: UserUpdateBody,
          response: { 200: UserOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const user = await services.users.update(actor, req.params.id, req.body, String(req.id));
        const unit = await services.units.get(actor, user.unit_id);
        return presentUser(user, unit);
      },
    );
  };
