/**
 * Report exchange with a superior's own cchc server (liên thông, issue 13 item 5; ADR 011).
 *
 * Superior side (connections.ts, inbound.ts): an administrator issues a connection for a unit
 * below (a one-time token, only its sha256 kept); the unit's server enrols an Ed25519 public key
 * with it; packages signed with that key are verified, stored byte for byte, and turned into the
 * unit's report and submission rows, so the reports overview and detail show the unit as if it
 * reported here.
 *
 * Unit side (link.ts, outbox.ts): an administrator connects with the superior's address and token
 * (this server makes a key pair and enrols its public key); each submitted report is queued as a
 * signed package in an outbox, in the submission's own transaction, and a sweep sends it, retrying
 * with back-off until the superior acknowledges it.
 *
 * This file only binds the named use cases to one context.
 */
import type { Q } from '../../db/types.js';
import type { Actor } from '../auth/roles.js';
import type { SubmittedReport } from '../reports/service.js';
import { issue, revoke } from './connections.js';
import { exchangeContext } from './context.js';
import type { ExchangeDeps } from './context.js';
import { enrol, receive } from './inbound.js';
import type { EnrolInput } from './inbound.js';
import { connect, disconnect, retry, send } from './link.js';
import { enqueue, sweep } from './outbox.js';
import { reportsReceived } from './repository.js';
import { exchangeState, packageOf } from './view.js';

export { CONNECTION_HEADER, SIGNATURE_HEADER, parseToken } from './context.js';
export type { ExchangeDeps } from './context.js';
export { retryDelayMs } from './outbox.js';

export function exchangeService(deps: ExchangeDeps) {
  const ctx = exchangeContext(deps);
  return {
    enqueue: (tx: Q, s: SubmittedReport) => enqueue(ctx, tx, s),
    sweep: () => sweep(ctx),
    enrol: (input: EnrolInput) => enrol(ctx, input),
    receive: (connection: string | undefined, signature: string | undefined, bytes: Uint8Array) =>
      receive(ctx, connection, signature, bytes),
    receivedReports: (ids: number[]) => reportsReceived(ctx.db, ids),
    connect: (actor: Actor, unitId: number, input: { superiorUrl: string; token: string }) =>
      connect(ctx, actor, unitId, input),
    disconnect: (actor: Actor, unitId: number) => disconnect(ctx, actor, unitId),
    send: (actor: Actor, unitId: number, periodKey: string) => send(ctx, actor, unitId, periodKey),
    retry: (actor: Actor, outboxId: number) => retry(ctx, actor, outboxId),
    issue: (actor: Actor, unitId: number) => issue(ctx, actor, unitId),
    revoke: (actor: Actor, connectionId: number) => revoke(ctx, actor, connectionId),
    state: (actor: Actor, unitId: number) => exchangeState(ctx, actor, unitId),
    packageOf: (actor: Actor, unitId: number, periodKey: string) => packageOf(ctx, actor, unitId, periodKey),
  };
}

export type ExchangeService = ReturnType<typeof exchangeService>;
