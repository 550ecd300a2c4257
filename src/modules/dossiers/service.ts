/**
 * The one-stop register: procedures, dossiers and their events. Each use case is a named function
 * of its own module (procedures, receive, lifecycle, register, figures, rating) taking the
 * context first; the service binds them to one context (the lookups cache is per service).
 */
import { dossiersContext, loadReadable, stateOf } from './context.js';
import type { DossiersContext, DossiersDeps } from './context.js';
import { figures, measure } from './figures.js';
import { setFlags, step } from './lifecycle.js';
import { procedures, saveProcedure } from './procedures.js';
import { publicLookup, rate, ratingTarget, reissueRatingLink } from './rating.js';
import { receive } from './receive.js';
import { accessLog, dueSoonList, events, list, logAccess, page, seesPersonalData } from './register.js';

export type { DossiersDeps } from './context.js';
export type { DossierFlags, StepInput } from './lifecycle.js';
export type { ProcedureInput } from './procedures.js';
export { publicView } from './rating.js';
export type { ReceiveInput } from './receive.js';

export function dossiersService(deps: DossiersDeps) {
  const ctx = dossiersContext(deps);
  const bound =
    <A extends unknown[], R>(f: (c: DossiersContext, ...args: A) => R) =>
    (...args: A): R =>
      f(ctx, ...args);
  return {
    loadReadable: bound(loadReadable),
    stateOf: bound(stateOf),
    procedures: bound(procedures),
    saveProcedure: bound(saveProcedure),
    receive: bound(receive),
    step: bound(step),
    setFlags: bound(setFlags),
    list: bound(list),
    page: bound(page),
    seesPersonalData: bound(seesPersonalData),
    logAccess: bound(logAccess),
    events: bound(events),
    accessLog: bound(accessLog),
    measure: bound(measure),
    figures: bound(figures),
    dueSoonList: bound(dueSoonList),
    publicLookup: bound(publicLookup),
    rate: bound(rate),
    reissueRatingLink: bound(reissueRatingLink),
    ratingTarget: bound(ratingTarget),
  };
}

export type DossiersService = ReturnType<typeof dossiersService>;
