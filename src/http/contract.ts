import { z } from 'zod';

/**
 * Helpers for the response half of a route's contract.
 *
 * `Same<Schema, Service>` is `true` only when a response schema and the service's return type
 * describe the same shape, so that a field added to one and not the other fails the typecheck
 * (the zod serializer would otherwise drop it silently).
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Bytes, documented as `type: string, format: binary` (a file download). */
export const Binary = z.custom<Uint8Array | string>(() => true).meta({ type: 'string', format: 'binary' });

/** The response of a download route: its description and the media types it may send. */
export const fileResponse = (description: string, ...types: string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: Binary }])),
});

/** `{ ok: true }`, the answer of an action that returns nothing else. */
export const OkResult = z.object({ ok: z.boolean() });

/** A rate as core/metrics `Figure` gives it: value (null when nothing to divide), its parts, formula. */
export const FigureOut = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  definition: z.string(),
});

/** An action's answer with a sentence for the person who did it. */
export const OkMessage = z.object({ ok: z.boolean(), message: z.string() });
