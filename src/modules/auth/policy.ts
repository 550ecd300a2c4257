import type { Actor, Role } from './roles.js';

/**
 * One place answers "may this actor do X to this thing". Every service asks here; every rule
 * has a test (policy.test.ts) and the integration tests try each endpoint across units.
 */
const PLAN_EDITORS: readonly Role[] = ['admin', 'head', 'officer'];

function has(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** A unit is in reach when it is the actor's unit or below it. */
export function inSubtree(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.unitPath);
}

export const policy = {
  readUnit: (actor: Actor, unitPath: string): boolean => inSubtree(actor, unitPath),
  /** Administrators manage units below their own (their own unit's place is decided above). */
  manageUnit: (actor: Actor, unitPath: string): boolean =>
    has(actor, ['admin']) && inSubtree(actor, unitPath),
  createChildUnit: (actor: Actor, parentPath: string): boolean =>
    has(actor, ['admin']) && inSubtree(actor, parentPath),
  manageUsers: (actor: Actor, unitPath: string): boolean =>
    has(actor, ['admin']) && inSubtree(actor, unitPath),
  /**
   * Recount stored figures (`figures verify`) of a unit in reach; every unit (`unitPath` null)
   * only for an administrator of a top-level unit.
   */
  verifyFigures: (actor: Actor, unitPath: string | null): boolean =>
    has(actor, ['admin']) &&
    (unitPath === null ? actor.unitPath.split('/').filter(Boolean).length === 1 : inSubtree(actor, unitPath)),
  readPlan: (actor: Actor, unitPath: string): boolean => inSubtree(actor, unitPath),
  /** Staff withdraw only the evidence they uploaded; plan editors any of their unit's (issue 11). */
  withdrawEvidence: (actor: Actor, uploadedBy: number): boolean =>
    has(actor, PLAN_EDITORS) || uploadedBy === actor.userId,
  /** Plans are written by their own unit only: a superior reviews, never edits. */
  editPlan: (actor: Actor, unitId: number): boolean => actor.unitId === unitId && has(actor, PLAN_EDITORS),
  updateTask: (actor: Actor, unitId: number, assigneeIds: readonly number[]): boolean =>
    actor.unitId === unitId &&
    !actor.roles.every((r) => r === 'reviewer') &&
    (has(actor, PLAN_EDITORS) || assigneeIds.includes(actor.userId)),
  updateTarget: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  readAudit: (actor: Actor, unitPath: string): boolean => inSubtree(actor, unitPath),
  /**
   * One-stop dossiers are handled by the unit's own administrators, heads and officers; they alone
   * see citizens' ID numbers, phones and addresses (each view logged). Superiors read figures.
   */
  handleDossiers: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /** A notification is its recipient's alone: anyone else gets a 404. */
  readNotification: (actor: Actor, recipientId: number): boolean => actor.userId === recipientId,
  /** The outbox (every reminder made and its e-mail) is read by administrators of the unit or a superior. */
  readOutbox: (actor: Actor, unitPath: string): boolean =>
    has(actor, ['admin']) && inSubtree(actor, unitPath),
  /** Periodic reports are drafted and submitted by their own unit's administrators, heads and officers. */
  editReport: (actor: Actor, unitId: number): boolean => actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /**
   * The superior (a user of an ancestor unit, staff excepted) reads a unit's reports and returns a
   * submitted one for correction; it never edits the draft.
   */
  reviewReport: (actor: Actor, unitPath: string, unitId: number): boolean =>
    inSubtree(actor, unitPath) &&
    actor.unitId !== unitId &&
    has(actor, ['admin', 'head', 'officer', 'reviewer']),
  /**
   * Citizens' feedback (PAKN) is handled by the unit's own administrators, heads and officers, who
   * alone see the senders' contacts; a superior's users read the subtree's items without them.
   */
  handleFeedback: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /** The head of the unit approves (or returns) the answer before it is sent and published. */
  approveFeedback: (actor: Actor, unitId: number): boolean => actor.unitId === unitId && has(actor, ['head']),
  /** Satisfaction surveys are run by the unit's own administrators, heads and officers; superiors read results. */
  manageSurveys: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /** The unit's CCHC news column is written by its own administrators, heads and officers. */
  managePosts: (actor: Actor, unitId: number): boolean => actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /**
   * The document register (sổ văn bản đi / đến) is kept by the unit's own administrators, heads and
   * officers; they alone read a confidential entry's summary and file. Superiors read the rest.
   */
  manageDocuments: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /** The installation's trusted root certificates: administrators of a top-level unit. */
  manageTrustedRoots: (actor: Actor, actorUnitIsTopLevel: boolean): boolean =>
    actorUnitIsTopLevel && has(actor, ['admin']),
  /** Internal regulations (quy chế nội bộ) are kept by the unit's own administrators, heads and officers. */
  manageRegulations: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /** A unit's administrators connect it to its superior's server (report exchange). */
  connectExchange: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, ['admin']),
  /** A superior's administrators issue and revoke exchange connections for units below their own. */
  issueExchange: (actor: Actor, unitPath: string, unitId: number): boolean =>
    has(actor, ['admin']) && inSubtree(actor, unitPath) && actor.unitId !== unitId,
  /**
   * PAR Index criteria sets are imported and edited by the owning (superior) unit's administrators,
   * heads and officers; units below read the sets that apply to them.
   */
  manageParCriteria: (actor: Actor, ownerUnitId: number): boolean =>
    actor.unitId === ownerUnitId && has(actor, PLAN_EDITORS),
  /** A unit scores itself (and attaches evidence, explains) through its own administrators, heads and officers. */
  selfAssessPar: (actor: Actor, unitId: number): boolean =>
    actor.unitId === unitId && has(actor, PLAN_EDITORS),
  /**
   * The superior's reviewers appraise (thẩm định) the self-assessments of units below them, never
   * their own unit's.
   */
  appraisePar: (actor: Actor, unitPath: string, unitId: number): boolean =>
    inSubtree(actor, unitPath) &&
    actor.unitId !== unitId &&
    has(actor, ['admin', 'head', 'officer', 'reviewer']),
};

export type Policy = typeof policy;
