/**
 * Roles of a user inside their unit. A user's unit decides what they reach: their own unit, and
 * the whole subtree below it when that unit is a superior (a reviewer there reads, never writes).
 */
export const ROLES = ['admin', 'head', 'officer', 'staff', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  head: 'Thủ trưởng',
  officer: 'Cán bộ phụ trách CCHC',
  staff: 'Cán bộ, giáo viên, nhân viên',
  reviewer: 'Người theo dõi (đơn vị cấp trên)',
};

/** The person making a request, as the policies see them. */
export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  unitId: number;
  unitPath: string;
  roles: Role[];
  /** Set for an account whose password an administrator chose: it must be changed first. */
  mustChangePassword: boolean;
}

export function parseRoles(text: string): Role[] {
  const raw = JSON.parse(text) as unknown;
  if (!Array.isArray(raw)) return [];
  return raw.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string));
}

/**
 * The application itself acting — the command line, the scheduler, a migration, the demo seed —
 * rather than a signed-in person. It passes every scope check and is audited with no user.
 * Use it instead of `null`, so that "no actor" is never a silent privilege.
 */
export interface SystemActor {
  readonly kind: 'system';
}
export const SYSTEM_ACTOR: SystemActor = Object.freeze({ kind: 'system' });

/** Who calls a use case: a person or the application itself. */
export type Caller = Actor | SystemActor;

export function isSystem(caller: Caller): caller is SystemActor {
  return 'kind' in caller && caller.kind === 'system';
}

/** The user to write in the audit trail: none for the application itself. */
export function callerUserId(caller: Caller): number | null {
  return isSystem(caller) ? null : caller.userId;
}
