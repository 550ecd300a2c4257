import { describe, expect, it } from 'vitest';
import { policy } from './policy.js';
import type { Actor, Role } from './roles.js';

const actor = (unitId: number, unitPath: string, roles: Role[], userId = 1): Actor => ({
  userId,
  username: 'u',
  fullName: 'U',
  unitId,
  unitPath,
  roles,
  mustChangePassword: false,
});

describe('policy', () => {
  const ward = { id: 1, path: '/1/' };
  const school = { id: 2, path: '/1/2/' };
  const other = { id: 3, path: '/3/' };

  it('lets a unit read itself and a superior read its subtree, nothing else', () => {
    expect(policy.readPlan(actor(school.id, school.path, ['staff']), school.path)).toBe(true);
    expect(policy.readPlan(actor(school.id, school.path, ['admin']), ward.path)).toBe(false);
    expect(policy.readPlan(actor(ward.id, ward.path, ['reviewer']), school.path)).toBe(true);
    expect(policy.readPlan(actor(ward.id, ward.path, ['reviewer']), other.path)).toBe(false);
    // '/1/' must not match '/10/': paths end with a slash.
    expect(policy.readUnit(actor(1, '/1/', ['admin']), '/10/')).toBe(false);
  });

  it('lets administrators recount the figures of their subtree, and of every unit only at the top', () => {
    expect(policy.verifyFigures(actor(ward.id, ward.path, ['admin']), school.path)).toBe(true);
    expect(policy.verifyFigures(actor(ward.id, ward.path, ['admin']), null)).toBe(true);
    expect(policy.verifyFigures(actor(school.id, school.path, ['admin']), school.path)).toBe(true);
    expect(policy.verifyFigures(actor(school.id, school.path, ['admin']), null)).toBe(false);
    expect(policy.verifyFigures(actor(school.id, school.path, ['admin']), ward.path)).toBe(false);
    expect(
      policy.verifyFigures(actor(ward.id, ward.path, ['head', 'officer', 'reviewer']), school.path),
    ).toBe(false);
  });

  it('lets a unit score itself, its superior (not itself) appraise, and the owner edit criteria sets', () => {
    for (const r of ['admin', 'head', 'officer'] as const) {
      expect(policy.selfAssessPar(actor(school.id, school.path, [r]), school.id)).toBe(true);
      expect(policy.manageParCriteria(actor(ward.id, ward.path, [r]), ward.id)).toBe(true);
    }
    expect(policy.selfAssessPar(actor(school.id, school.path, ['staff']), school.id)).toBe(false);
    expect(policy.selfAssessPar(actor(ward.id, ward.path, ['admin']), school.id)).toBe(false);
    expect(policy.manageParCriteria(actor(school.id, school.path, ['admin']), ward.id)).toBe(false);
    expect(policy.appraisePar(actor(ward.id, ward.path, ['reviewer']), school.path, school.id)).toBe(true);
    expect(policy.appraisePar(actor(ward.id, ward.path, ['staff']), school.path, school.id)).toBe(false);
    expect(policy.appraisePar(actor(school.id, school.path, ['head']), school.path, school.id)).toBe(false);
    expect(policy.appraisePar(actor(ward.id, ward.path, ['reviewer']), other.path, other.id)).toBe(false);
  });

  it('lets only the unit’s own editors edit its plan', () => {
    for (const r of ['admin', 'head', 'officer'] as const)
      expect(policy.editPlan(actor(school.id, school.path, [r]), school.id)).toBe(true);
    expect(policy.editPlan(actor(school.id, school.path, ['staff']), school.id)).toBe(false);
    expect(policy.editPlan(actor(ward.id, ward.path, ['admin', 'reviewer']), school.id)).toBe(false);
  });

  it('lets only the unit’s own administrators, heads and officers run its surveys and news column', () => {
    for (const rule of [policy.manageSurveys, policy.managePosts]) {
      for (const r of ['admin', 'head', 'officer'] as const)
        expect(rule(actor(school.id, school.path, [r]), school.id)).toBe(true);
      expect(rule(actor(school.id, school.path, ['staff']), school.id)).toBe(false);
      expect(rule(actor(ward.id, ward.path, ['admin', 'officer']), school.id)).toBe(false);
    }
  });

  it('lets staff update only tasks assigned to them, and reviewers never', () => {
    const staff = actor(school.id, school.path, ['staff'], 7);
    expect(policy.updateTask(staff, school.id, [7])).toBe(true);
    expect(policy.updateTask(staff, school.id, [8])).toBe(false);
    expect(policy.updateTask(actor(school.id, school.path, ['reviewer'], 7), school.id, [7])).toBe(false);
    expect(policy.updateTask(actor(ward.id, ward.path, ['admin'], 7), school.id, [7])).toBe(false);
  });

  it('lets administrators manage units and users below them only', () => {
    const admin = actor(ward.id, ward.path, ['admin']);
    expect(policy.manageUnit(admin, school.path)).toBe(true);
    expect(policy.manageUnit(admin, other.path)).toBe(false);
    expect(policy.manageUsers(actor(ward.id, ward.path, ['officer']), school.path)).toBe(false);
    expect(policy.createChildUnit(admin, ward.path)).toBe(true);
  });

  it('lets the unit’s own admin, head and officer handle feedback, and only the head approve answers', () => {
    for (const r of ['admin', 'head', 'officer'] as const)
      expect(policy.handleFeedback(actor(school.id, school.path, [r]), school.id)).toBe(true);
    expect(policy.handleFeedback(actor(school.id, school.path, ['staff']), school.id)).toBe(false);
    expect(policy.handleFeedback(actor(ward.id, ward.path, ['admin', 'head']), school.id)).toBe(false);
    expect(policy.approveFeedback(actor(school.id, school.path, ['head']), school.id)).toBe(true);
    expect(policy.approveFeedback(actor(school.id, school.path, ['admin', 'officer']), school.id)).toBe(
      false,
    );
    expect(policy.approveFeedback(actor(ward.id, ward.path, ['head']), school.id)).toBe(false);
  });
});
