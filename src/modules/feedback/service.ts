import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { publishedAnswers } from './answers.js';
import { feedbackChallenges } from './challenge.js';
import { dueOf, loadReadable, rightsOf, settingsFor } from './context.js';
import type { FeedbackDeps } from './context.js';
import { feedbackFigures, feedbackFiguresFor } from './figures.js';
import { enterFeedback, publicEvents, publicUnits, submitFeedback, trackFeedback } from './intake.js';
import { dueLists, feedbackAttachment, feedbackDetail, listRegister, withDue } from './register.js';
import { readSettings, removeTemplate, saveSettings, saveTemplate, templates } from './settings.js';
import { openFeedbackByUnit } from './repository.js';
import { actOnFeedback } from './workflow.js';

export type { FeedbackDeps } from './context.js';
export { periodOf } from './context.js';
export { CHALLENGE_MAX_AGE_MS, CHALLENGE_MIN_AGE_MS } from './challenge.js';
export type { FeedbackFigures } from './figures.js';
export { FEEDBACK_FILE_MAX_BYTES, FEEDBACK_MAX_FILES } from './intake.js';
export type { SenderInput, StaffEntryInput, SubmitInput, UploadedFile } from './intake.js';
export type { ActionInput } from './workflow.js';

type Rest<F> = F extends (deps: FeedbackDeps, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;
/** A use case with its dependencies given. */
const bind = <F extends (deps: FeedbackDeps, ...rest: never[]) => unknown>(
  deps: FeedbackDeps,
  f: F,
): Rest<F> => ((...rest: never[]) => f(deps, ...rest)) as Rest<F>;

/**
 * The PAKN register's use cases, each a named function of its own file (intake, workflow,
 * register, settings, figures, answers), bound to the database, clock and calendar here.
 */
export function feedbackService(deps: FeedbackDeps) {
  return {
    ...feedbackChallenges(deps),
    loadReadable: bind(deps, loadReadable),
    settingsFor: bind(deps, settingsFor),
    rightsOf,
    dueOf: bind(deps, dueOf),
    seesPersonalData: (actor: Actor, unitId: number) => policy.handleFeedback(actor, unitId),
    // public side
    submit: bind(deps, submitFeedback),
    publicUnits: bind(deps, publicUnits),
    track: bind(deps, trackFeedback),
    publicEvents: bind(deps, publicEvents),
    published: bind(deps, publishedAnswers),
    // staff side
    enter: bind(deps, enterFeedback),
    list: bind(deps, listRegister),
    dueLists: bind(deps, dueLists),
    withDue: bind(deps, withDue),
    detail: bind(deps, feedbackDetail),
    attachment: bind(deps, feedbackAttachment),
    act: bind(deps, actOnFeedback),
    // templates and settings
    templates: bind(deps, templates),
    saveTemplate: bind(deps, saveTemplate),
    removeTemplate: bind(deps, removeTemplate),
    settings: bind(deps, readSettings),
    saveSettings: bind(deps, saveSettings),
    // figures
    figures: bind(deps, feedbackFigures),
    /** Open and overdue feedback per unit under a path (the dashboards check the caller's scope). */
    openByUnit: (path: string, now: string) => openFeedbackByUnit(deps.db, path, now),
    figuresFor: bind(deps, feedbackFiguresFor),
  };
}

export type FeedbackService = ReturnType<typeof feedbackService>;
