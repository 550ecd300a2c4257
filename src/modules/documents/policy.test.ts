import { describe, expect, it } from 'vitest';
import { policy } from '../auth/policy.js';
import type { Actor, Role } from '../auth/roles.js';

const actor = (unitId: number, unitPath: string, roles: Role[]): Actor => ({
  userId: 1,
  username: 'u',
  fullName: 'U',
  unitId,
  unitPath,
  roles,
  mustChangePassword: false,
});

describe('policy of the digital office', () => {
  const ward = { id: 1, path: '/1/' };
  const school = { id: 2, path: '/1/2/' };

  it('lets only the unit’s own admin, head and officer keep its register and regulations', () => {
    for (const rule of [policy.manageDocuments, policy.manageRegulations]) {
      for (const r of ['admin', 'head', 'officer'] as const)
        expect(rule(actor(school.id, school.path, [r]), school.id)).toBe(true);
      expect(rule(actor(school.id, school.path, ['staff', 'reviewer']), school.id)).toBe(false);
      expect(rule(actor(ward.id, ward.path, ['admin', 'officer']), school.id)).toBe(false);
    }
  });

  it('keeps trusted roots with administrators of a top-level unit', () => {
    expect(policy.manageTrustedRoots(actor(ward.id, ward.path, ['admin']), true)).toBe(true);
    expect(policy.manageTrustedRoots(actor(school.id, school.path, ['admin']), false)).toBe(false);
    expect(policy.manageTrustedRoots(actor(ward.id, ward.path, ['officer', 'head']), true)).toBe(false);
  });

  it('lets a unit’s administrator connect it upward, and a superior’s administrator issue for units below only', () => {
    expect(policy.connectExchange(actor(school.id, school.path, ['admin']), school.id)).toBe(true);
    expect(policy.connectExchange(actor(school.id, school.path, ['officer']), school.id)).toBe(false);
    expect(policy.connectExchange(actor(ward.id, ward.path, ['admin']), school.id)).toBe(false);
    expect(policy.issueExchange(actor(ward.id, ward.path, ['admin']), school.path, school.id)).toBe(true);
    expect(policy.issueExchange(actor(ward.id, ward.path, ['admin']), ward.path, ward.id)).toBe(false);
    expect(policy.issueExchange(actor(ward.id, ward.path, ['reviewer']), school.path, school.id)).toBe(false);
    expect(policy.issueExchange(actor(school.id, school.path, ['admin']), '/3/', 3)).toBe(false);
  });
});
