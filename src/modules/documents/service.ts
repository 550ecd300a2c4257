/**
 * The document register (sổ văn bản đi / đến, issue 13 item 1): registering outgoing documents
 * with the next number of their book (Decree 30: restarting each year, unique and gapless),
 * incoming documents with their arrival number (entries.ts); attaching a file, whose PDF
 * signatures are verified against the installation's trusted roots (files.ts, trusted-roots.ts);
 * cancelling with a reason, never deleting; every change audited. The figures (item 3) are
 * `figures(scope, from, to)` (register-view.ts).
 *
 * This file only binds the named use cases to one context.
 */
import type { Actor } from '../auth/roles.js';
import { documentsContext, loadReadable, verifyBytes } from './context.js';
import type { DocumentsDeps } from './context.js';
import { cancelDocument, editDocument, registerDocument } from './entries.js';
import { attachFile, checkPdf, documentFile, recheckFile } from './files.js';
import { documentDetail, documentFigures, figuresFor, listRegister } from './register-view.js';
import type { FiguresScope } from './register-view.js';
import type { DocumentQuery, PatchBody, RegisterBody } from './schema.js';
import { addTrustedRoot, removeTrustedRoot, trustedRoots } from './trusted-roots.js';

export { NO_FILE_YET, searchTextOf, verificationColumns } from './context.js';
export type { DocumentsDeps } from './context.js';
export type { FiguresScope } from './register-view.js';

export function documentsService(deps: DocumentsDeps) {
  const ctx = documentsContext(deps);
  return {
    loadReadable: (actor: Actor, id: number) => loadReadable(ctx, actor, id),
    figures: (scope: FiguresScope, from: string, to: string) => documentFigures(ctx, scope, from, to),
    verifyBytes: (bytes: Uint8Array) => verifyBytes(ctx, bytes),
    register: (actor: Actor, input: RegisterBody, requestId?: string) =>
      registerDocument(ctx, actor, input, requestId),
    update: (actor: Actor, id: number, patch: PatchBody, requestId?: string) =>
      editDocument(ctx, actor, id, patch, requestId),
    cancel: (actor: Actor, id: number, reason: string, requestId?: string) =>
      cancelDocument(ctx, actor, id, reason, requestId),
    attach: (actor: Actor, id: number, file: { bytes: Uint8Array; filename: string }, requestId?: string) =>
      attachFile(ctx, actor, id, file, requestId),
    recheck: (actor: Actor, id: number, requestId?: string) => recheckFile(ctx, actor, id, requestId),
    list: (actor: Actor, q: DocumentQuery) => listRegister(ctx, actor, q),
    detail: (actor: Actor, id: number) => documentDetail(ctx, actor, id),
    file: (actor: Actor, id: number) => documentFile(ctx, actor, id),
    trustedRoots: (actor: Actor) => trustedRoots(ctx, actor),
    addTrustedRoot: (actor: Actor, bytes: Uint8Array, requestId?: string) =>
      addTrustedRoot(ctx, actor, bytes, requestId),
    removeTrustedRoot: (actor: Actor, id: number, requestId?: string) =>
      removeTrustedRoot(ctx, actor, id, requestId),
    check: (bytes: Uint8Array) => checkPdf(ctx, bytes),
    figuresFor: (actor: Actor, unitId: number, subtree: boolean, from: string, to: string) =>
      figuresFor(ctx, actor, unitId, subtree, from, to),
  };
}

export type DocumentsService = ReturnType<typeof documentsService>;
