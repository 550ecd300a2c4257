import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Same } from '../../http/contract.js';
import type { Services } from '../../services.js';
import { feedbackPublicRoutes } from './public-routes.js';
import type { ChallengeOut, FeedbackFiguresOut, FeedbackSettingsOut, PublicFeedbackForm } from './schema.js';
import type { FeedbackService } from './service.js';
import { feedbackSettingsRoutes } from './settings-routes.js';
import { feedbackItemRoutes, feedbackRegisterRoutes } from './staff-routes.js';

export { FEEDBACK_SUBMIT_LIMIT } from './public-routes.js';

/** The PAKN routes: staff register and workflow, settings and templates, the public side. */
export const feedbackRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(feedbackRegisterRoutes(services.feedback, services.unitMembers));
    await app.register(feedbackItemRoutes(services.feedback));
    await app.register(feedbackSettingsRoutes(services.feedback));
    await app.register(feedbackPublicRoutes(services.feedback, publicRateLimit));
  };

// The response schemas describe exactly what the service returns (a field missing from one fails
// the typecheck here instead of being dropped by the serializer).
type Of<K extends keyof FeedbackService> = Awaited<ReturnType<FeedbackService[K]>>;
const shapes: [
  Same<z.infer<typeof FeedbackFiguresOut>, Of<'figuresFor'>>,
  Same<z.infer<typeof FeedbackSettingsOut>, Of<'settings'>>,
  Same<z.infer<typeof ChallengeOut>, Of<'issueChallenge'>>,
  Same<z.infer<typeof PublicFeedbackForm>['units'], Of<'publicUnits'>>,
] = [true, true, true, true];
void shapes;
