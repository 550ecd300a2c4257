/** Reading the register: a page with the year's figures, one entry with its verdicts, the figures. */
import {
  CHANNELS,
  CHANNEL_LABELS,
  DOCUMENT_TYPES,
  FORMS,
  FORM_LABELS,
  documentFiguresFromCounts,
} from '../../core/documents/index.js';
import type { DocumentFigures } from '../../core/documents/index.js';
import type { SignatureStatus } from '../../core/pdf-signature/index.js';
import { foldForSearch } from '../../core/feedback/text.js';
import { addDays } from '../../core/calendar/index.js';
import { AppError } from '../../errors.js';
import { parseJson } from '../../lib/json.js';
import { listAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { loadReadable, readableUnit } from './context.js';
import type { DocumentsContext } from './context.js';
import { presentDocument, presentVerification } from './presenter.js';
import {
  countDocuments,
  documentCounts,
  listDocuments,
  listTrustedRoots,
  trustedRootsChangedAt,
} from './repository.js';
import type { DocumentQuery } from './schema.js';

export type FiguresScope = number | { unitId: number; subtree: boolean };

const PAGE_SIZE = 50;

/** The figures over a unit (or its subtree) and dates, as of today for a period not yet over. */
export async function documentFigures(
  ctx: DocumentsContext,
  scope: FiguresScope,
  from: string,
  to: string,
): Promise<DocumentFigures> {
  const s = typeof scope === 'number' ? { unitId: scope, subtree: false } : scope;
  const unit = await findUnitById(ctx.db, s.unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const day = ctx.today();
  const asOf = to < day ? to : day;
  const where = { path: unit.path, unitId: s.subtree ? undefined : unit.id };
  return documentFiguresFromCounts(await documentCounts(ctx.db, where, from, to, asOf));
}

/** The figures of a scope and period as the screens get them: with the scope and "as of" day. */
async function figuresView(
  ctx: DocumentsContext,
  unitId: number,
  subtree: boolean,
  from: string,
  to: string,
) {
  const f = await documentFigures(ctx, { unitId, subtree }, from, to);
  const day = ctx.today();
  return {
    scope: { unitId, subtree },
    period: { from, to, asOf: to < day ? to : day },
    ...f,
    counts: { ...f.counts },
  };
}

/** Figures with the caller's access checked (the route); `documentFigures` itself checks nothing. */
export async function figuresFor(
  ctx: DocumentsContext,
  actor: Actor,
  unitId: number,
  subtree: boolean,
  from: string,
  to: string,
) {
  const unit = await readableUnit(ctx, actor, unitId);
  if (from > to) throw new AppError('VALIDATION', 'Ngày đầu kỳ phải trước ngày cuối kỳ.');
  return figuresView(ctx, unit.id, subtree, from, to);
}

const OPTIONS = {
  types: DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name })),
  forms: FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] })),
  channels: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
};

/** A page of the register with the year's figures and what the caller may do. */
export async function listRegister(ctx: DocumentsContext, actor: Actor, q: DocumentQuery) {
  const unit = await readableUnit(ctx, actor, q.unitId ?? actor.unitId);
  const subtree = q.subtree === '1';
  const year = q.year ?? Number(ctx.today().slice(0, 4));
  const page = q.page ?? 1;
  const words = q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : undefined;
  const filter = {
    path: unit.path,
    unitId: subtree ? undefined : unit.id,
    direction: q.direction,
    year,
    status: q.status,
    words,
    due:
      q.dueWithinDays === undefined
        ? undefined
        : { asOf: ctx.today(), until: addDays(ctx.today(), q.dueWithinDays) },
  };
  const [items, total, figures] = await Promise.all([
    listDocuments(ctx.db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countDocuments(ctx.db, filter),
    figuresView(ctx, unit.id, subtree, `${year}-01-01`, `${year}-12-31`),
  ]);
  const day = ctx.today();
  const manage = policy.manageDocuments(actor, unit.id);
  return {
    items: items.map((d) => presentDocument(actor, d, day)),
    total,
    page,
    pageSize: PAGE_SIZE,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    figures,
    options: OPTIONS,
    actions: { register: manage && !subtree, import: manage && !subtree },
  };
}

/** A document with its signature verdicts and history. */
export async function documentDetail(ctx: DocumentsContext, actor: Actor, id: number) {
  const d = await loadReadable(ctx, actor, id);
  const document = presentDocument(actor, d, ctx.today());
  const hidden = d.confidential === 1 && !policy.manageDocuments(actor, d.unit_id);
  let verification = null;
  if (d.sig_status !== null && !hidden) {
    const [roots, changedAt] = await Promise.all([listTrustedRoots(ctx.db), trustedRootsChangedAt(ctx.db)]);
    verification = presentVerification(
      d.sig_status as SignatureStatus | 'unsigned',
      parseJson(d.sig_json, []),
      d.sig_checked_at ?? d.updated_at,
      changedAt !== null && changedAt > (d.sig_checked_at ?? ''),
      roots.length,
    );
  }
  const history = (await listAudit(ctx.db, 'document', [d.id])).map((a) => {
    const after = parseJson<{ reason?: string }>(a.after_json, {});
    return { at: a.at, action: a.action, user: a.user_name, reason: after.reason ?? null };
  });
  return { document, verification, history };
}
