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

describe('report policy', () => {
  const ward = { id: 1, path: '/1/' };
  const school = { id: 2, path: '/1/2/' };
  const sibling = { id: 3, path: '/1/3/' };

  it('lets only the unit’s own administrators, heads and officers draft and submit', () => {
    for (const r of ['admin', 'head', 'officer'] as const)
      expect(policy.editReport(actor(school.id, school.path, [r]), school.id)).toBe(true);
    for (const r of ['staff', 'reviewer'] as const)
      expect(policy.editReport(actor(school.id, school.path, [r]), school.id)).toBe(false);
    expect(policy.editReport(actor(ward.id, ward.path, ['admin', 'officer']), school.id)).toBe(false);
  });

  it('lets a superior (not staff) return a report of its subtree, never its own or a sibling’s', () => {
    for (const r of ['admin', 'head', 'officer', 'reviewer'] as const)
      expect(policy.reviewReport(actor(ward.id, ward.path, [r]), school.path, school.id)).toBe(true);
    expect(policy.reviewReport(actor(ward.id, ward.path, ['staff']), school.path, school.id)).toBe(false);
    expect(policy.reviewReport(actor(school.id, school.path, ['admin']), school.path, school.id)).toBe(false);
    expect(policy.reviewReport(actor(sibling.id, sibling.path, ['admin']), school.path, school.id)).toBe(
      false,
    );
  });
});
