import { bindDeps } from '../../lib/bind.js';
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

/**
 * The PAKN register's use cases, each a named function of its own file (intake, workflow,
 * register, settings, figures, answers), bound to the database, clock and calendar here.
 */
export function feedbackService(deps: FeedbackDeps) {
  const bind = bindDeps(deps);
  return {
    ...feedbackChallenges(deps),
    loadReadable: bind(loadReadable),
    settingsFor: bind(settingsFor),
    rightsOf,
    dueOf: bind(dueOf),
    seesPersonalData: (actor: Actor, unitId: number) => policy.handleFeedback(actor, unitId),
    // public side
    submit: bind(submitFeedback),
    publicUnits: bind(publicUnits),
    track: bind(trackFeedback),
    publicEvents: bind(publicEvents),
    published: bind(publishedAnswers),
    // staff side
    enter: bind(enterFeedback),
    list: bind(listRegister),
    dueLists: bind(dueLists),
    withDue: bind(withDue),
    detail: bind(feedbackDetail),
    attachment: bind(feedbackAttachment),
    act: bind(actOnFeedback),
    // templates and settings
    templates: bind(templates),
    saveTemplate: bind(saveTemplate),
    removeTemplate: bind(removeTemplate),
    settings: bind(readSettings),
    saveSettings: bind(saveSettings),
    // figures
    figures: bind(feedbackFigures),
    /** Open and overdue feedback per unit under a path (the dashboards check the caller's scope). */
    openByUnit: (path: string, now: string) => openFeedbackByUnit(deps.db, path, now),
    figuresFor: bind(feedbackFiguresFor),
  };
}

export type FeedbackService = ReturnType<typeof feedbackService>;
