import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { authApi, authKeys } from './api/auth.js';
import { unitApi, unitKeys } from './api/units.js';
import type { Me, Role, Unit } from './api/types.js';

export const ME_KEY = authKeys.me;

/** The signed-in user (null when signed out); undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => authApi.me(), staleTime: Infinity, retry: 1 });
}

/** The signed-in user, inside the authenticated part of the app. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data;
}

export function useSignedOut(): () => void {
  const qc = useQueryClient();
  return useCallback(() => {
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  }, [qc]);
}

const hasAny = (me: Me, roles: readonly Role[]) => me.user.roles.some((r) => roles.includes(r));

/** What the menu offers; the server decides again on every request. */
export function permissions(me: Me) {
  return {
    /** Plans are imported by the unit's own head, CCHC officer or administrator. */
    importPlan: hasAny(me, ['admin', 'head', 'officer']),
    manageUsers: hasAny(me, ['admin']),
    /** The yearly days off and make-up days: administrators (of a top-level unit, the server checks). */
    manageHolidays: hasAny(me, ['admin']),
    /**
     * One-stop dossiers of the user's own unit: received, handled and printed by its administrators,
     * heads and officers (who alone see citizens' personal data); everyone else reads the register.
     */
    handleDossiers: hasAny(me, ['admin', 'head', 'officer']),
  };
}

export function useUnits(enabled = true) {
  return useQuery({ queryKey: unitKeys.all, queryFn: unitApi.list, enabled, staleTime: 60_000 });
}

interface UnitScope {
  /** The unit whose dashboard and plans are shown: the user's own unit or one of its subtree. */
  unitId: number;
  setUnitId: (id: number) => void;
  /** The viewed unit, when the list of units has loaded. */
  unit: Unit | undefined;
  isOwnUnit: boolean;
}

const UnitScopeContext = createContext<UnitScope | null>(null);

export function UnitScopeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const storageKey = `cchc.unit.${me.user.id}`;
  const units = useUnits(me.unit.hasChildren);
  const [chosen, setChosen] = useState<number>(() => {
    const saved = Number(sessionStorage.getItem(storageKey));
    return Number.isInteger(saved) && saved > 0 ? saved : me.unit.id;
  });
  const list = units.data;
  // A unit that left the user's reach (moved, or another user) falls back to the user's own unit.
  const unitId = !me.unit.hasChildren
    ? me.unit.id
    : list && !list.some((u) => u.id === chosen)
      ? me.unit.id
      : chosen;
  const setUnitId = useCallback(
    (id: number) => {
      sessionStorage.setItem(storageKey, String(id));
      setChosen(id);
    },
    [storageKey],
  );
  const value = useMemo<UnitScope>(
    () => ({
      unitId,
      setUnitId,
      unit: list?.find((u) => u.id === unitId),
      isOwnUnit: unitId === me.unit.id,
    }),
    [unitId, setUnitId, list, me.unit.id],
  );
  return <UnitScopeContext.Provider value={value}>{children}</UnitScopeContext.Provider>;
}

export function useUnitScope(): UnitScope {
  const ctx = useContext(UnitScopeContext);
  if (!ctx) throw new Error('useUnitScope outside UnitScopeProvider');
  return ctx;
}
